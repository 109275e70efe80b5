import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TARGET_LANGS,
  type ApiError,
  type TargetLang,
  type TmConcordanceResult,
} from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useNumberFormat } from '../../i18n/format';
import { useMessage } from '../../i18n/messages';
import { markPhrase } from './concordance';
import './tm.css';

/** Typing pauses this long before the memory is asked (one request per pause, not per key). */
const TYPING_PAUSE_MS = 250;

/**
 * Concordance (Ctrl+K): "how did we translate this before?" A Korean phrase is looked for in the memory's sources,
 * a Vietnamese or English one in its translations; hits come newest first with their article, reviewer and date.
 * ↑/↓ pick a hit and Enter puts its translation into the cell that had the focus (at the cursor).
 */
export function ConcordanceDialog(props: {
  initialPhrase: string;
  initialLang: TargetLang;
  /** Put a translation into the cell that had the focus (the dialog is closed by then). */
  onInsert(text: string, lang: TargetLang): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation(['tm', 'common']);
  const n = useNumberFormat();
  const message = useMessage();
  const listId = useId();
  const [phrase, setPhrase] = useState(props.initialPhrase);
  const [lang, setLang] = useState(props.initialLang);
  const [found, setResult] = useState<(TmConcordanceResult & { phrase: string }) | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState(0);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  useEffect(() => {
    const asked = phrase.trim();
    if (!asked) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.tmConcordance({ phrase: asked, lang }).then(
        (r) => {
          if (!live) return;
          setResult({ ...r, phrase: asked });
          setError(null);
          setActive(0);
        },
        (e: unknown) => live && setError(toApiError(e)),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [phrase, lang]);

  // An emptied box shows the hint again, not the last search's hits.
  const result = phrase.trim() ? found : null;
  const hits = result?.hits ?? [];
  const insert = (i: number) => {
    const hit = hits[i];
    if (hit) props.onInsert(hit.target, hit.lang);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const to = { ArrowDown: active + 1, ArrowUp: active - 1 }[e.key];
    if (to !== undefined && hits.length) {
      e.preventDefault();
      setActive(Math.min(hits.length - 1, Math.max(0, to)));
    } else if (e.key === 'Enter' && hits.length) {
      e.preventDefault();
      insert(active);
    }
  };
  const status = !result
    ? t('tm:concordance.hint')
    : hits.length === 0
      ? t('tm:concordance.none', { phrase: result.phrase })
      : result.more
        ? t('tm:concordance.more', { count: hits.length, shown: n(hits.length) })
        : t('tm:concordance.count', { count: hits.length, shown: n(hits.length) });

  return (
    <Dialog
      title={t('tm:concordance.title')}
      onClose={props.onClose}
      wide
      testId="concordance-dialog"
      footer={
        <>
          <span className="muted" role="status" data-testid="concordance-status">
            {status}
          </span>
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.close')}
          </button>
          <button type="button" className="primary" disabled={!hits.length} onClick={() => insert(active)}>
            {t('tm:concordance.insert')}
          </button>
        </>
      }
    >
      <div className="concordance-fields">
        <label className="field grow">
          <span>{t('tm:concordance.phrase')}</span>
          <input
            type="search"
            data-autofocus
            value={phrase}
            maxLength={200}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
            onChange={(e) => setPhrase(e.target.value)}
            onKeyDown={onKey}
          />
        </label>
        <label className="field">
          <span>{t('tm:concordance.lang')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as TargetLang)}>
            {TARGET_LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`common:lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="cell-error" role="alert">
          {message(error)}
        </p>
      )}
      <ol id={listId} role="listbox" aria-label={t('tm:concordance.results')} className="concordance-list">
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onClick={() => setActive(i)}
            onDoubleClick={() => insert(i)}
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
    </Dialog>
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
