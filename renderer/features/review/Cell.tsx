import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, TargetLang } from '../../../electron/contract';
import { useMessage } from '../../i18n/messages';

/** What a cell asks of the review screen. */
export interface CellActions {
  save(segmentId: string, lang: TargetLang, text: string, elapsedMs: number): Promise<boolean>;
  approve(segmentId: string, lang: TargetLang): Promise<void>;
  unapprove(segmentId: string, lang: TargetLang): Promise<void>;
  useSuggestion(segmentId: string, lang: TargetLang): Promise<void>;
  retry(segmentId: string, lang: TargetLang): Promise<void>;
}

const SAVE_DELAY_MS = 500;

/** One editable target cell: typing is kept locally and saved debounced, on blur, and before approving. */
export function Cell(props: { segment: Segment; lang: TargetLang; row: number; actions: CellActions }) {
  const { t } = useTranslation();
  const message = useMessage();
  const { segment, lang, actions } = props;
  const cell = segment.targets[lang];
  const [text, setText] = useState(cell.text);
  const [unsaved, setUnsaved] = useState(false);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const focusedAt = useRef<number | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  // Machine output or a round trip changed the cell: show it, unless the reviewer is typing over it.
  useEffect(() => {
    if (!dirty.current) setText(cell.text);
  }, [cell.text]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return true;
    const value = area.current?.value ?? '';
    const now = performance.now();
    const elapsed = focusedAt.current === null ? 0 : now - focusedAt.current;
    focusedAt.current = document.activeElement === area.current ? now : null;
    const ok = await actions.save(segment.id, lang, value, elapsed);
    // Keep the text as typed if the save failed; the next change or blur tries again.
    if (ok && (area.current?.value ?? '') === value) dirty.current = false;
    setUnsaved(!ok);
    return ok;
  }, [actions, segment.id, lang]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const onKeyDown = async (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (await flush()) await actions.approve(segment.id, lang);
    }
  };

  const label = t('cell.label', { lang: t(`lang.${lang}`), row: props.row });
  return (
    <div className={`cell status-${cell.status}`}>
      <textarea
        ref={area}
        aria-label={label}
        data-testid={`cell-${lang}-${segment.id}`}
        lang={lang === 'vi' ? 'vi' : 'en'}
        value={text}
        rows={1}
        spellCheck
        onFocus={() => {
          focusedAt.current = performance.now();
        }}
        onChange={(e) => {
          setText(e.target.value);
          dirty.current = true;
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
        }}
        onBlur={() => void flush()}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      <div className="cell-bar">
        <span className={`chip chip-${cell.status}`} data-testid={`status-${lang}-${segment.id}`}>
          {t(`status.${cell.status}`)}
        </span>
        {unsaved && <span className="unsaved">{t('cell.unsaved')}</span>}
        {cell.status === 'error' && (
          <>
            <span className="cell-error">{message({ code: cell.error ?? 'unknown' })}</span>
            <button type="button" className="link" onClick={() => void actions.retry(segment.id, lang)}>
              {t('cell.retry')}
            </button>
          </>
        )}
        <span className="spacer" />
        {cell.status === 'approved' ? (
          <button type="button" className="small" onClick={() => void actions.unapprove(segment.id, lang)}>
            {t('cell.unapprove')}
          </button>
        ) : (
          <button
            type="button"
            className="small approve"
            title={t('cell.approveHint')}
            aria-label={`${t('cell.approve')}: ${label}`}
            disabled={text.trim() === ''}
            onClick={() => void flush().then((ok) => (ok ? actions.approve(segment.id, lang) : undefined))}
          >
            {t('cell.approve')}
          </button>
        )}
      </div>
      {cell.suggestion !== undefined && (
        <div className="suggestion">
          <span>{t('cell.suggestion')}</span> <q>{cell.suggestion}</q>{' '}
          <button type="button" className="link" onClick={() => void actions.useSuggestion(segment.id, lang)}>
            {t('cell.useSuggestion')}
          </button>
        </div>
      )}
    </div>
  );
}
