import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type Segment } from '../../../electron/contract';
import { Cell, type CellActions } from './Cell';

/** The article, one row per segment: Korean source, then Vietnamese and English side by side. */
export function ReviewGrid(props: {
  segments: Segment[];
  actions: CellActions;
  onToggleTranslate(segment: Segment): void;
}) {
  const { t } = useTranslation();
  const rowOf = new Map(props.segments.map((s, i) => [s.id, i + 1]));
  return (
    <div className="grid" role="table" aria-label={t('app.title')}>
      <div className="grid-head" role="row">
        <span role="columnheader">{t('grid.row')}</span>
        <span role="columnheader">{t('lang.ko')}</span>
        <span role="columnheader">{t('lang.vi')}</span>
        <span role="columnheader">{t('lang.en')}</span>
      </div>
      {props.segments.map((s, i) => (
        <div
          key={s.id}
          role="row"
          className={`grid-row kind-${s.kind}${s.change ? ` change-${s.change}` : ''}`}
          data-testid={`row-${s.id}`}
        >
          <div className="rownum" role="cell">
            {i + 1}
          </div>
          <div className="source" role="cell" lang="ko">
            <span className="kind">{t(`kind.${s.kind}`)}</span>
            {s.change === 'changed' && <span className="change">{t('cell.changed')}</span>}
            {s.change === 'new' && <span className="change">{t('cell.new')}</span>}
            <p>{s.source}</p>
            {s.imageUrl && (
              <p className="image-link">
                {t('cell.pictureLink')}: <code>{s.imageUrl}</code>
              </p>
            )}
          </div>
          {s.kind === 'caption' && s.linkedTo ? (
            TARGET_LANGS.map((lang) => (
              <div key={lang} role="cell" className="mirror">
                <p className="hint">{t('cell.followsPicture', { row: rowOf.get(s.linkedTo!) ?? '?' })}</p>
                <p lang={lang}>{s.targets[lang].text}</p>
              </div>
            ))
          ) : !s.translate ? (
            <div role="cell" className="dnt">
              <p className="hint">{t('cell.doNotTranslate')}</p>
              <button type="button" className="small" onClick={() => props.onToggleTranslate(s)}>
                {t('cell.translateThis')}
              </button>
            </div>
          ) : (
            TARGET_LANGS.map((lang) => (
              <div key={lang} role="cell">
                <Cell segment={s} lang={lang} row={i + 1} actions={props.actions} />
              </div>
            ))
          )}
          {s.translate && (s.kind === 'credit' || s.kind === 'copyright') && (
            <button type="button" className="link keep" onClick={() => props.onToggleTranslate(s)}>
              {t('cell.keepOriginal')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
