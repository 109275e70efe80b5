import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type Segment } from '../../../electron/contract';
import { Cell, type CellActions, type GridQaSlots } from './Cell';
import { rowNumbers } from './review-state';

/** Kinds published verbatim by default, which the reviewer may switch to translated (and back). */
const VERBATIM_KINDS = new Set(['credit', 'copyright']);

/** The article, one row per segment: Korean source, then Vietnamese and English side by side. */
export function ReviewGrid(props: {
  segments: Segment[];
  actions: CellActions;
  onToggleTranslate(segment: Segment): void;
  /** QA slots: the source with its terms, and findings under each cell as the reviewer types. */
  qa?: GridQaSlots;
}) {
  const { t } = useTranslation(['review', 'common']);
  const rows = rowNumbers(props.segments);
  return (
    <div
      className="grid"
      role="table"
      aria-label={t('review:grid.label')}
      aria-rowcount={props.segments.length + 1}
    >
      <div className="grid-head" role="row">
        <span role="columnheader" className="rownum">
          {t('review:grid.row')}
        </span>
        {(['ko', ...TARGET_LANGS] as const).map((lang) => (
          <span role="columnheader" key={lang} className="col-head">
            <span className="lang-code" aria-hidden="true">
              {lang.toUpperCase()}
            </span>
            {t(`common:lang.${lang}`)}
            {lang === 'ko' && <span className="col-note">{t('review:grid.source')}</span>}
          </span>
        ))}
      </div>
      {props.segments.map((s, i) => (
        <Row
          key={s.id}
          segment={s}
          row={i + 1}
          pictureRow={s.linkedTo ? (rows.get(s.linkedTo) ?? null) : null}
          actions={props.actions}
          onToggleTranslate={props.onToggleTranslate}
          qa={props.qa}
        />
      ))}
    </div>
  );
}

const Row = memo(function Row(props: {
  segment: Segment;
  row: number;
  pictureRow: number | null;
  actions: CellActions;
  onToggleTranslate(segment: Segment): void;
  qa?: GridQaSlots | undefined;
}) {
  const { t } = useTranslation(['review', 'common']);
  const { segment: s, row } = props;
  const classes = ['grid-row', `kind-${s.kind}`];
  if (s.change) classes.push(`change-${s.change}`);
  if (!s.translate) classes.push('verbatim');
  return (
    <div role="row" className={classes.join(' ')} data-testid={`row-${s.id}`} aria-rowindex={row + 1}>
      <div className="rownum" role="rowheader">
        {row}
      </div>
      <div className="source" role="cell">
        <div className="source-meta">
          <span className="kind">{t(`review:kind.${s.kind}`)}</span>
          {s.change === 'changed' && <span className="change-flag">{t('review:row.changed')}</span>}
          {s.change === 'new' && <span className="change-flag">{t('review:row.new')}</span>}
          {s.translate && VERBATIM_KINDS.has(s.kind) && (
            <button
              type="button"
              className="link keep"
              title={t('review:row.keepOriginalHint')}
              onClick={() => props.onToggleTranslate(s)}
            >
              {t('review:row.keepOriginal')}
            </button>
          )}
        </div>
        <p className="source-text" lang="ko">
          {props.qa ? props.qa.source(s) : s.source}
        </p>
        {s.change === 'changed' && s.previousSource !== undefined && (
          <p className="previous-source" lang="ko">
            <span className="muted">{t('review:row.before')}</span> <del>{s.previousSource}</del>
          </p>
        )}
        {s.imageUrl && (
          <p className="image-link">
            <span className="muted">{t('review:row.pictureLink')}</span>
            <code>{s.imageUrl}</code>
          </p>
        )}
      </div>
      {s.kind === 'caption' ? (
        TARGET_LANGS.map((lang) => (
          <div key={lang} role="cell" className="mirror" data-testid={`mirror-${lang}-${s.id}`}>
            <p className="hint">
              {props.pictureRow !== null
                ? t('review:row.followsPicture', { row: props.pictureRow })
                : t('review:row.followsPictureUnlinked')}
            </p>
            <p className="mirror-text" lang={lang}>
              {s.targets[lang].text}
            </p>
          </div>
        ))
      ) : !s.translate ? (
        <div role="cell" className="dnt">
          <span className="dnt-text">{t('review:row.doNotTranslate')}</span>
          <button type="button" className="small" onClick={() => props.onToggleTranslate(s)}>
            {t('review:row.translateThis')}
          </button>
        </div>
      ) : (
        TARGET_LANGS.map((lang) => (
          <div key={lang} role="cell" className="target">
            <Cell segment={s} lang={lang} row={row} actions={props.actions} qa={props.qa} />
          </div>
        ))
      )}
    </div>
  );
});
