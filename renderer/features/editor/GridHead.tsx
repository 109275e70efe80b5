import { TARGET_LANGS } from '../../../electron/contract';
import { LangLockNote } from '../desk/LangLockNote';
import type { GridLabels } from './labels';

/** The column heads: row number, the Korean source and each target language (with its sign-off lock). */
export function GridHead(props: { labels: GridLabels }) {
  const { labels } = props;
  return (
    <div className="grid-head" role="row" aria-rowindex={1}>
      <span role="columnheader" className="rownum">
        {labels.grid.row}
      </span>
      {(['ko', ...TARGET_LANGS] as const).map((lang) => (
        <span role="columnheader" key={lang} className="col-head">
          <span className="lang-code" aria-hidden="true">
            {lang.toUpperCase()}
          </span>
          {labels.lang[lang]}
          {lang === 'ko' ? (
            <span className="col-note">{labels.grid.source}</span>
          ) : (
            <LangLockNote lang={lang} />
          )}
        </span>
      ))}
    </div>
  );
}
