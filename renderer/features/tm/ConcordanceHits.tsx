import { useTranslation } from 'react-i18next';
import { markPhrase } from './concordance';
import type { ConcordanceFound } from './use-concordance';

/** The memory's hits for a phrase, the searched phrase marked on the side it was found; a click picks one. */
export function ConcordanceHits(props: {
  listId: string;
  result: ConcordanceFound | null;
  active: number;
  onPick(i: number): void;
  onInsert(i: number): void;
}) {
  const { t, i18n } = useTranslation(['tm']);
  const { result, active, listId } = props;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <ol id={listId} role="listbox" aria-label={t('tm:concordance.results')} className="concordance-list">
      {(result?.hits ?? []).map((h, i) => (
        <li
          key={h.id}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onClick={() => props.onPick(i)}
          onDoubleClick={() => props.onInsert(i)}
        >
          <p lang="ko">
            <Marked text={h.source} phrase={result?.side === 'source' ? result.phrase : ''} />
          </p>
          <p lang={h.lang} className="concordance-target">
            <Marked text={h.target} phrase={result?.side === 'target' ? result.phrase : ''} />
          </p>
          <p className="muted concordance-meta">
            {[h.projectName, h.reviewer, date.format(new Date(h.at))].filter(Boolean).join(' · ')}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A text with the searched phrase marked. */
function Marked(props: { text: string; phrase: string }) {
  return (
    <>
      {markPhrase(props.text, props.phrase).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}
    </>
  );
}
