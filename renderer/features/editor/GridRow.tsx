import { memo, useEffect, type ReactNode } from 'react';
import { revisionOf } from '../../../common/revision';
import { TARGET_LANGS, type Segment, type TargetLang } from '../../../electron/contract';
import { useCan } from '../desk/desk-session';
import type { EditorActions } from './actions';
import { DiffText, Highlighted } from './DiffText';
import type { GridLabels } from './labels';
import type { ReviewStore } from './store';
import { TargetCellView } from './TargetCellView';
import { useDiffOpen, useRowDraftStates, useSegment } from './use-store';

/** Kinds published verbatim by default, which the reviewer may switch to translated (and back). */
const VERBATIM_KINDS = new Set(['credit', 'copyright']);

/** True when the row has something to compare: a revised Korean text, or a target that differs from the machine's. */
function hasChanges(s: Segment): boolean {
  if (s.change === 'changed' && s.previousSource !== undefined) return true;
  return TARGET_LANGS.some((l) => s.targets[l].mt !== undefined && s.targets[l].mt !== s.targets[l].text);
}

/** "Changed" / "New" with the languages that still owe the review of the revised Korean (each its own mark). */
function RevisionFlag(props: { segment: Segment; labels: GridLabels }) {
  const { segment: s, labels } = props;
  const owed = TARGET_LANGS.filter((l) => revisionOf(s, l));
  const mark = owed.length ? revisionOf(s, owed[0]!) : undefined;
  if (!mark) return null;
  return (
    <span className="change-flag" data-testid={`revision-${s.id}`}>
      {labels.row[mark]} · {owed.map((l) => l.toUpperCase()).join(' ')}
    </span>
  );
}

/**
 * Extension point for the focused row. Other features render here, beside the focused cell only: the translation
 * memory's matches panel (`renderer/features/tm/`) and the QA findings of the cell (`renderer/features/qa/`). A
 * render function (called, not mounted, so a new function does not remount what it returns): it uses no hooks and
 * returns elements that fetch what they need themselves.
 */
export type CellAside = (props: { segmentId: string; lang: TargetLang }) => ReactNode;

/**
 * What other features draw inside every visible row (the grid renders only the rows near the viewport, so this
 * runs for those only). Both must be cheap and translate nothing per call: the object is made once per language
 * and data change, and every visible row re-renders when it changes.
 */
export interface GridDecor {
  /** The Korean text, e.g. with termbase terms marked; the search highlight takes its place while searching. */
  source?(segment: Segment): ReactNode;
  /** Under the Korean: what concerns the whole row (e.g. a finding about both translations at once). */
  row?(segment: Segment): ReactNode;
  /** Under a target cell that is not focused (the focused one has the {@link CellAside}), for its text as shown. */
  cell?(segment: Segment, lang: TargetLang, text: string): ReactNode;
  /** In a target cell's corner beside its status, for its text as shown (e.g. the memory's best match). */
  chip?(segment: Segment, lang: TargetLang, text: string): ReactNode;
}

/** Props of one grid row; everything but the ids is shared by all rows, so a row re-renders only when its data does. */
export interface GridRowProps {
  store: ReviewStore;
  id: string;
  row: number;
  pictureRow: number | null;
  /** The language of the focused cell when it is in this row. */
  focusLang: TargetLang | null;
  needle: string;
  awaitingMachine: boolean;
  labels: GridLabels;
  actions: EditorActions;
  aside: CellAside | undefined;
  decor: GridDecor | undefined;
}

/** The row's classes: its kind, its revision mark, verbatim, focused. */
function rowClasses(s: Segment, focused: boolean): string[] {
  const classes = ['grid-row', `kind-${s.kind}`];
  if (s.change) classes.push(`change-${s.change}`);
  if (!s.translate) classes.push('verbatim');
  if (focused) classes.push('focused');
  return classes;
}

/** The Korean cell: kind, revision flag, Keep original, the diff toggle, the text (decorated or searched), the picture link. */
function SourceCell(props: {
  segment: Segment;
  row: number;
  diffOpen: boolean;
  mayToggle: boolean;
  needle: string;
  decor: GridDecor | undefined;
  labels: GridLabels;
  actions: EditorActions;
}) {
  const { segment: s, row, diffOpen, mayToggle, labels, actions } = props;
  return (
    <div className="source" role="cell">
      <div className="source-meta">
        <span className="kind">{labels.kind[s.kind]}</span>
        <RevisionFlag segment={s} labels={labels} />
        {s.translate && VERBATIM_KINDS.has(s.kind) && mayToggle && (
          <button
            type="button"
            className="link keep"
            title={labels.keepOriginalHint}
            aria-label={labels.keepOriginalLabel(row)}
            onClick={() => actions.toggleTranslate(s.id)}
          >
            {labels.keepOriginal}
          </button>
        )}
        <span className="spacer" />
        {hasChanges(s) && (
          <button
            type="button"
            className="link diff-toggle"
            aria-expanded={diffOpen}
            onClick={() => actions.toggleDiff(s.id)}
          >
            {diffOpen ? labels.hideChanges(row) : labels.showChanges(row)}
          </button>
        )}
      </div>
      <p className="source-text" lang="ko">
        {props.needle || !props.decor?.source ? (
          <Highlighted text={s.source} needle={props.needle} />
        ) : (
          props.decor.source(s)
        )}
      </p>
      {props.decor?.row?.(s)}
      {s.change === 'changed' && s.previousSource !== undefined && diffOpen && (
        <p className="previous-source" data-testid={`ko-diff-${s.id}`}>
          <span className="muted">{labels.koreanChanged}</span>{' '}
          <DiffText before={s.previousSource} after={s.source} lang="ko" />
        </p>
      )}
      {s.imageUrl && (
        <p className="image-link">
          <span className="muted">{labels.row.pictureLink}</span>
          <code>{s.imageUrl}</code>
        </p>
      )}
    </div>
  );
}

/** A caption row's cells: they follow the picture's translation, shown read-only. */
function CaptionCells(props: { segment: Segment; pictureRow: number | null; labels: GridLabels }) {
  const { segment: s, labels } = props;
  return (
    <>
      {TARGET_LANGS.map((lang) => (
        <div key={lang} role="cell" className="mirror" data-testid={`mirror-${lang}-${s.id}`}>
          <p className="hint">
            {props.pictureRow !== null
              ? labels.followsPicture(props.pictureRow)
              : labels.followsPictureUnlinked}
          </p>
          <p className="mirror-text" lang={lang}>
            {s.targets[lang].text}
          </p>
        </div>
      ))}
    </>
  );
}

/** A row kept in the original: one cell saying so, with Translate this (an editor's on a desk). */
function VerbatimCell(props: {
  segment: Segment;
  row: number;
  mayToggle: boolean;
  labels: GridLabels;
  actions: EditorActions;
}) {
  const { segment: s, row, labels, actions } = props;
  return (
    <div role="cell" className="dnt">
      <span className="dnt-text">{labels.doNotTranslate}</span>
      {props.mayToggle && (
        <button
          type="button"
          className="small"
          aria-label={labels.translateThisLabel(row)}
          onClick={() => actions.toggleTranslate(s.id)}
        >
          {labels.translateThis}
        </button>
      )}
    </div>
  );
}

/** One article row: Korean source (with its revision diff), then the Vietnamese and English cells. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { store, id, row, labels, actions } = props;
  const s = useSegment(store, id);
  useRowDraftStates(store, id);
  const diffOpen = useDiffOpen(store, id);
  // Keep original / Translate this row are an editor's on a desk (setTranslatable).
  const mayToggle = useCan()('setTranslatable');
  useEffect(() => {
    if (diffOpen) store.markDiffSeen(id);
  }, [diffOpen, store, id]);
  if (!s) return null;
  const classes = rowClasses(s, props.focusLang !== null);
  const Aside = props.aside;
  return (
    <div role="row" className={classes.join(' ')} data-testid={`row-${s.id}`} aria-rowindex={row + 1}>
      <div className="rownum" role="rowheader">
        {row}
      </div>
      <SourceCell
        segment={s}
        row={row}
        diffOpen={diffOpen}
        mayToggle={mayToggle}
        needle={props.needle}
        decor={props.decor}
        labels={labels}
        actions={actions}
      />
      {s.kind === 'caption' ? (
        <CaptionCells segment={s} pictureRow={props.pictureRow} labels={labels} />
      ) : !s.translate ? (
        <VerbatimCell segment={s} row={row} mayToggle={mayToggle} labels={labels} actions={actions} />
      ) : (
        TARGET_LANGS.map((lang) => (
          <div key={lang} role="cell" className="target">
            <TargetCellView
              segment={s}
              lang={lang}
              row={row}
              draft={store.draft(s.id, lang)}
              focused={props.focusLang === lang}
              diffOpen={diffOpen}
              needle={props.needle}
              awaitingMachine={props.awaitingMachine}
              labels={labels}
              actions={actions}
              chip={props.decor?.chip?.(s, lang, store.draft(s.id, lang)?.text ?? s.targets[lang].text)}
              aside={
                props.focusLang === lang
                  ? Aside?.({ segmentId: s.id, lang })
                  : props.decor?.cell?.(s, lang, store.draft(s.id, lang)?.text ?? s.targets[lang].text)
              }
            />
          </div>
        ))
      )}
    </div>
  );
});
