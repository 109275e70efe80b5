import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Segment, TargetLang, TmMatch } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useMessage } from '../../i18n/messages';
import { TAKE_KEYS, koreanDiff, matchIndexForKey } from './tm-diff';
import './tm.css';

/**
 * Translation-memory help for one target cell. It wraps the cell (mount it through the grid's `wrapCell` slot):
 * when focus enters the cell it asks the memory for matches and lists them under the cell, beside the machine
 * translation the cell already holds; Ctrl+1…3 (or a click) takes one, saved as an edit with origin `tm`.
 */
export function TmAssist(props: {
  projectId: string;
  segment: Segment;
  lang: TargetLang;
  /** The updated row after a match was taken, for the screen to show. */
  onTaken(segment: Segment): void;
  children: ReactNode;
}) {
  const { projectId, segment, lang, onTaken } = props;
  const [matches, setMatches] = useState<TmMatch[] | null>(null);
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const asked = useRef(0);

  const onFocus = useCallback(() => {
    setFocused(true);
    const ticket = ++asked.current;
    api.tmLookup({ projectId, segmentId: segment.id, lang }).then(
      (m) => ticket === asked.current && setMatches(m),
      (e: unknown) => ticket === asked.current && setError(toApiError(e)),
    );
  }, [projectId, segment.id, lang]);

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };

  const take = useCallback(
    async (m: TmMatch) => {
      setError(null);
      try {
        onTaken(
          await api.updateCell({ projectId, segmentId: segment.id, lang, text: m.target, origin: 'tm' }),
        );
      } catch (e) {
        setError(toApiError(e));
      }
    },
    [projectId, segment.id, lang, onTaken],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = matchIndexForKey(e);
    const m = i === null ? undefined : matches?.[i];
    if (!m) return;
    e.preventDefault();
    e.stopPropagation();
    void take(m);
  };

  return (
    <div className="tm-assist" onFocus={onFocus} onBlur={onBlur} onKeyDown={onKeyDown}>
      {props.children}
      {focused && (matches?.length || error) ? (
        <TmMatchList segment={segment} matches={matches ?? []} error={error} onTake={(m) => void take(m)} />
      ) : null}
    </div>
  );
}

function TmMatchList(props: {
  segment: Segment;
  matches: TmMatch[];
  error: ApiError | null;
  onTake(m: TmMatch): void;
}) {
  const { t, i18n } = useTranslation('tm');
  const message = useMessage();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="tm-matches" aria-label={t('panel.label')} data-testid={`tm-${props.segment.id}`}>
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
                {koreanDiff(props.segment.source, m.source).map((p, k) =>
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
