import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, TargetLang, TmMatch } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { useMessage } from '../../i18n/messages';
import { TAKE_KEYS, koreanDiff, matchIndexForKey } from './tm-diff';
import './tm.css';

/**
 * Translation-memory help for the focused target cell (mounted through the grid's `CellAside`): it asks the memory
 * for matches when the cell gets the focus and lists them under the cell, beside the machine translation the cell
 * already holds; Ctrl+1…3 in the cell (or a click) takes one, saved as an edit with origin `tm`.
 */
export function TmAssist(props: {
  projectId: string;
  segmentId: string;
  /** The row's Korean, for the diff against a fuzzy match's source. */
  source: string;
  lang: TargetLang;
  /** Save the match's text in the cell (the screen flushes typing first and shows the stored row). */
  take(text: string): Promise<void>;
}) {
  const { projectId, segmentId, lang, take: save } = props;
  const looked = useApi(() => api.tmLookup({ projectId, segmentId, lang }), [projectId, segmentId, lang]);
  const matches = valueOf(looked) ?? null;
  // A failed lookup, or a failed take (cleared when another is tried).
  const [takeError, setError] = useState<ApiError | null>(null);
  const error = looked.state === 'failed' ? looked.error : takeError;
  const root = useRef<HTMLDivElement>(null);

  const take = useCallback(
    async (m: TmMatch) => {
      setError(null);
      try {
        await save(m.target);
      } catch (e) {
        setError(toApiError(e));
      }
    },
    [save],
  );

  // The keys work in the cell's editor, a sibling of this list inside the same cell.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const i = matchIndexForKey(e);
      const m = i === null ? undefined : matches?.[i];
      const cell = root.current?.closest('.cell');
      if (!m || !(e.target instanceof Node) || !cell?.contains(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      void take(m);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [matches, take]);

  return (
    <div className="tm-assist" ref={root}>
      {matches?.length || error ? (
        <TmMatchList
          segmentId={segmentId}
          source={props.source}
          matches={matches ?? []}
          error={error}
          onTake={(m) => void take(m)}
        />
      ) : null}
    </div>
  );
}

function TmMatchList(props: {
  segmentId: string;
  source: string;
  matches: TmMatch[];
  error: ApiError | null;
  onTake(m: TmMatch): void;
}) {
  const { t, i18n } = useTranslation('tm');
  const message = useMessage();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="tm-matches" aria-label={t('panel.label')} data-testid={`tm-${props.segmentId}`}>
      <h3 className="tm-title">{t('panel.title')}</h3>
      {props.error && (
        <p className="cell-error" role="alert">
          {message(props.error)}
        </p>
      )}
      <ol>
        {props.matches.slice(0, TAKE_KEYS + 2).map((m, i) => (
          <li key={m.id} className={`tm-match tm-${m.kind}`}>
            <div className="tm-meta">
              <span className={`tm-score tm-score-${m.kind}`}>{t('match.score', { score: m.score })}</span>
              <span className="tm-kind">{t(`kind.${m.kind}`)}</span>
              <span className="muted">
                {[m.projectName, m.reviewer, date.format(new Date(m.at))].filter(Boolean).join(' · ')}
              </span>
              <span className="spacer" />
              <button
                type="button"
                className="small"
                title={i < TAKE_KEYS ? t('match.takeHint', { n: i + 1 }) : undefined}
                onClick={() => props.onTake(m)}
              >
                {i < TAKE_KEYS ? t('match.takeKey', { n: i + 1 }) : t('match.take')}
              </button>
            </div>
            <p className="tm-target" lang={m.lang}>
              {m.target}
            </p>
            {m.kind === 'fuzzy' && (
              <p className="tm-diff" lang="ko" aria-label={t('match.diffLabel')}>
                {koreanDiff(props.source, m.source).map((p, k) =>
                  p.side === 'both' ? (
                    <span key={k}>{p.text}</span>
                  ) : p.side === 'row' ? (
                    <del key={k} title={t('match.onlyRow')}>
                      {p.text}
                    </del>
                  ) : (
                    <ins key={k} title={t('match.onlyMemory')}>
                      {p.text}
                    </ins>
                  ),
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
