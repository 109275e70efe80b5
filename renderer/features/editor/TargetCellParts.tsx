import type { ReactNode } from 'react';
import type { Segment, TargetLang } from '../../../electron/contract';
import type { EditorActions } from './actions';
import { useMessage } from '../../i18n/messages';
import { useCan } from '../desk/desk-session';
import { Highlighted } from './DiffText';
import type { GridLabels } from './labels';
import { countText, useLimit } from './limits';
import { draftView, type Draft } from './store';
import { editRate } from './word-diff';

/** Everything one target cell needs; `focused` mounts the editor in place of the text. */
export interface TargetCellProps {
  segment: Segment;
  lang: TargetLang;
  row: number;
  draft: Draft | undefined;
  focused: boolean;
  diffOpen: boolean;
  needle: string;
  /** A DeepL key is set: an empty cell is waiting for the machine, not for the reviewer. */
  awaitingMachine: boolean;
  labels: GridLabels;
  actions: EditorActions;
  /** Only for the focused cell: what other features show beside it (memory matches, QA findings). */
  aside?: ReactNode;
  /** Another feature's chip beside the status (the memory's best match). */
  chip?: ReactNode;
}

/** What the parts of a target cell share: the cell's props, its shown text, and whether the desk locks it. */
export type CellPartProps = TargetCellProps & { text: string; locked: boolean };

/** Edit rate and time spent on a cell the reviewer changed, e.g. "Edit rate 18 % · 2.5 min". */
function metrics(props: TargetCellProps): string | null {
  const cell = props.segment.targets[props.lang];
  if (cell.mt === undefined || (cell.status !== 'edited' && cell.status !== 'approved')) return null;
  const { labels } = props;
  const parts = [labels.editRate(labels.percent(editRate(cell.mt, cell.text, props.lang)))];
  // Under six seconds reads as "0 min": not worth a word.
  if (cell.editMs && cell.editMs >= 6_000) parts.push(labels.timeSpent(labels.minutes(cell.editMs)));
  return parts.join(' · ');
}

/** The cell's text when it is not being edited: focus or a click opens the editor in its place. */
export function CellText(props: CellPartProps & { testId: string }) {
  const { segment, lang, row, labels, actions, text, testId } = props;
  const l = labels.langs[lang];
  const cell = segment.targets[lang];
  const waiting = props.awaitingMachine && cell.status === 'empty' && text === '';
  return (
    <div
      className="cell-text"
      role="textbox"
      aria-readonly="true"
      aria-label={l.cell(row)}
      tabIndex={0}
      lang={lang}
      data-testid={testId}
      data-value={text}
      onFocus={() => actions.focusCell(segment.id, lang, 'focus')}
      onClick={() => actions.focusCell(segment.id, lang, 'open')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          actions.focusCell(segment.id, lang, 'open');
        }
      }}
    >
      <span className="cell-text-body">
        {text === '' && (
          <span className="placeholder">{waiting ? labels.waitingForMachine : labels.emptyPlaceholder}</span>
        )}
        <Highlighted text={text} needle={props.needle} />
      </span>
    </div>
  );
}

/** The cell's state: status (with who approved it), memory origin, save state, comment, figures, error. */
export function CellChips(props: CellPartProps) {
  const { segment, lang, row, draft, labels, actions, text } = props;
  const message = useMessage();
  // Asking the machine again is an editor's on a desk.
  const mayTranslate = useCan()('translate');
  const cell = segment.targets[lang];
  const l = labels.langs[lang];
  const chipTitle = cell.approvedAt
    ? cell.approvedBy
      ? labels.approvedBy(cell.approvedBy, labels.date(cell.approvedAt))
      : labels.approvedOn(labels.date(cell.approvedAt))
    : undefined;
  const stats = metrics(props);
  return (
    <>
      <span
        className={`chip chip-${cell.status}`}
        data-testid={`status-${lang}-${segment.id}`}
        title={chipTitle}
      >
        {labels.status[cell.status]}
      </span>
      {cell.tm && cell.tm.text === text && (
        <span
          className={`chip chip-memory chip-memory-${cell.tm.score}`}
          data-testid={`memory-${lang}-${segment.id}`}
          title={labels.memoryFrom(cell.tm.reviewer ?? '—', labels.date(cell.tm.at))}
        >
          {labels.memoryBadge(cell.tm.score)}
        </span>
      )}
      {props.chip}
      {draft && (
        <span
          className={`save-note save-note-${draft.state}`}
          role={draft.state === 'failed' ? 'alert' : undefined}
        >
          {labels.save[draftView(draft)]}
        </span>
      )}
      {cell.comment && (
        <button
          type="button"
          className="small comment-badge"
          title={
            cell.commentBy ? labels.commentBy(cell.commentBy, labels.date(cell.commentAt ?? '')) : undefined
          }
          aria-label={l.comment(row)}
          onClick={() => actions.comment(segment.id, lang)}
        >
          💬 <span className="comment-preview">{cell.comment}</span>
        </button>
      )}
      {stats && props.focused && <span className="metrics">{stats}</span>}
      <CellCounts segment={segment} text={text} focused={props.focused} labels={labels} />
      {cell.status === 'error' && (
        <>
          <span className="cell-error">{message({ code: cell.error ?? 'unknown' })}</span>
          {mayTranslate && (
            <button
              type="button"
              className="small"
              aria-label={l.retry(row)}
              onClick={() => actions.retry(segment.id, lang)}
            >
              {labels.retry}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** The cell's actions: comment and history (focused cell only), approve or reopen (unless the desk locks it). */
export function CellButtons(props: CellPartProps) {
  const { segment, lang, row, labels, actions, text, locked } = props;
  const cell = segment.targets[lang];
  const l = labels.langs[lang];
  return (
    <>
      {!cell.comment && props.focused && !locked && (
        <button
          type="button"
          className="small"
          aria-label={l.comment(row)}
          onClick={() => actions.comment(segment.id, lang)}
        >
          {labels.comment}
        </button>
      )}
      {props.focused && (
        <button
          type="button"
          className="small"
          title={labels.historyKey}
          aria-label={l.history(row)}
          onClick={() => actions.history(segment.id, lang)}
        >
          {labels.history}
        </button>
      )}
      {locked ? null : cell.status === 'approved' ? (
        <button
          type="button"
          className="small"
          aria-label={l.unapprove(row)}
          onClick={() => actions.unapprove(segment.id, lang)}
        >
          {labels.unapprove}
        </button>
      ) : (
        <button
          type="button"
          className="small approve"
          title={labels.approveHint}
          aria-label={l.approve(row)}
          disabled={text.trim() === ''}
          onClick={() => actions.approve(segment.id, lang)}
        >
          {labels.approve}
        </button>
      )}
    </>
  );
}

/** A newer machine suggestion for a cell with human text: shown with a button to take it. */
export function SuggestionLine(props: CellPartProps): ReactNode {
  const { segment, lang, row, labels, actions, locked } = props;
  const cell = segment.targets[lang];
  const l = labels.langs[lang];
  if (cell.suggestion === undefined || locked) return null;
  return (
    <div className="suggestion">
      <span className="suggestion-label">{labels.suggestion}</span> <q lang={lang}>{cell.suggestion}</q>{' '}
      <button
        type="button"
        className="small"
        aria-label={l.useSuggestion(row)}
        onClick={() => actions.useSuggestion(segment.id, lang)}
      >
        {labels.useSuggestion}
      </button>
    </div>
  );
}

/**
 * Characters and words of the focused cell, against the desk's limit for the row's kind; a cell over its limit
 * says so whether focused or not.
 */
function CellCounts(props: { segment: Segment; text: string; focused: boolean; labels: GridLabels }) {
  const limit = useLimit(props.segment);
  const { chars, words } = countText(props.text);
  const over = limit !== undefined && chars > limit.max;
  if (!props.focused && !over) return null;
  const { labels } = props;
  return (
    <span className={over ? 'counts over-limit' : 'counts'} data-testid="cell-counts">
      {limit ? labels.countsOf(chars, limit.max, words) : labels.counts(chars, words)}
      {over && (
        <span className="over-note">
          {' '}
          {labels.overLimit(chars - limit.max, labels.limitKind[limit.kind])}
        </span>
      )}
    </span>
  );
}
