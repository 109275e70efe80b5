import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, TargetLang } from '../../../electron/contract';
import { useMessage } from '../../i18n/messages';

/** What a cell asks of the review screen. */
export interface CellActions {
  /** Save the text; resolves false when the save failed (the cell keeps the text and tries again later). */
  save(segmentId: string, lang: TargetLang, text: string, elapsedMs: number): Promise<boolean>;
  approve(segmentId: string, lang: TargetLang): Promise<void>;
  unapprove(segmentId: string, lang: TargetLang): Promise<void>;
  useSuggestion(segmentId: string, lang: TargetLang): Promise<void>;
  retry(segmentId: string, lang: TargetLang): Promise<void>;
  /** Move to the cell of the same language in the previous (-1) or next (1) row. */
  navigate(segmentId: string, lang: TargetLang, direction: 1 | -1): void;
}

/** What the QA feature renders into the grid: the source with its terms, and findings under each cell. */
export interface GridQaSlots {
  source(segment: Segment): ReactNode;
  /** `text` is the cell's text as typed (not yet saved). */
  cell(segment: Segment, lang: TargetLang, text: string): ReactNode;
}

const SAVE_DELAY_MS = 500;
/** A pause longer than this while the cell is focused counts as this much: the reviewer was away. */
const IDLE_CAP_MS = 30_000;

/** One editable target cell: typing is kept locally and saved debounced, on blur, and before approving. */
export const Cell = memo(function Cell(props: {
  segment: Segment;
  lang: TargetLang;
  row: number;
  actions: CellActions;
  qa?: GridQaSlots | undefined;
}) {
  const { t, i18n } = useTranslation(['review', 'common']);
  const message = useMessage();
  const { segment, lang, actions, row } = props;
  const cell = segment.targets[lang];
  const [text, setText] = useState(cell.text);
  const [unsaved, setUnsaved] = useState(false);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  // Time spent on the cell since the last save, counting focus and typing but not long idle pauses.
  const activeMs = useRef(0);
  const lastActivity = useRef<number | null>(null);
  // Saves run one after another, so an older answer never lands after a newer one.
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  // Machine output, a suggestion taken or a round trip changed the cell: show it, unless the reviewer has
  // unsaved typing in it.
  useEffect(() => {
    if (!dirty.current) setText(cell.text);
  }, [cell.text]);

  const tick = () => {
    const now = performance.now();
    if (lastActivity.current !== null) activeMs.current += Math.min(now - lastActivity.current, IDLE_CAP_MS);
    lastActivity.current = document.activeElement === area.current ? now : null;
  };

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    chain.current = chain.current.then(async () => {
      if (!dirty.current) return true;
      const value = area.current?.value ?? '';
      tick();
      const elapsed = Math.round(activeMs.current);
      const ok = await actions.save(segment.id, lang, value, elapsed);
      if (ok) {
        activeMs.current -= elapsed;
        // Typing that happened during the save stays dirty and goes with the next save.
        if ((area.current?.value ?? '') === value) dirty.current = false;
      }
      setUnsaved(!ok);
      return ok;
    });
    return chain.current;
  }, [actions, segment.id, lang]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const approve = async () => {
    if (await flush()) await actions.approve(segment.id, lang);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void approve();
    } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      void flush();
      actions.navigate(segment.id, lang, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const langName = t(`common:lang.${lang}`);
  const label = t('review:cell.label', { lang: langName, row });
  const approvedAt = cell.approvedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(cell.approvedAt),
      )
    : null;
  const chipTitle =
    cell.status === 'approved' && approvedAt
      ? cell.approvedBy
        ? t('review:cell.approvedBy', { name: cell.approvedBy, date: approvedAt })
        : t('review:cell.approvedOn', { date: approvedAt })
      : undefined;

  return (
    <div className={`cell status-${cell.status}${unsaved ? ' unsaved' : ''}`}>
      <textarea
        ref={area}
        aria-label={label}
        data-testid={`cell-${lang}-${segment.id}`}
        lang={lang}
        value={text}
        rows={1}
        spellCheck
        placeholder={cell.status === 'empty' ? t('review:cell.emptyPlaceholder') : undefined}
        onFocus={() => {
          lastActivity.current = performance.now();
        }}
        onChange={(e) => {
          tick();
          setText(e.target.value);
          dirty.current = true;
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
        }}
        onBlur={() => {
          void flush();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="cell-bar">
        <span
          className={`chip chip-${cell.status}`}
          data-testid={`status-${lang}-${segment.id}`}
          title={chipTitle}
        >
          {t(`review:status.${cell.status}`)}
        </span>
        {unsaved && (
          <span className="unsaved-note" role="alert">
            {t('review:cell.unsaved')}
          </span>
        )}
        {cell.status === 'error' && (
          <>
            <span className="cell-error">{message({ code: cell.error ?? 'unknown' })}</span>
            <button
              type="button"
              className="small"
              aria-label={t('review:cell.retryLabel', { lang: langName, row })}
              onClick={() => void actions.retry(segment.id, lang)}
            >
              {t('review:cell.retry')}
            </button>
          </>
        )}
        <span className="spacer" />
        {cell.status === 'approved' ? (
          <button
            type="button"
            className="small"
            aria-label={t('review:cell.unapproveLabel', { lang: langName, row })}
            onClick={() => void actions.unapprove(segment.id, lang)}
          >
            {t('review:cell.unapprove')}
          </button>
        ) : (
          <button
            type="button"
            className="small approve"
            title={t('review:cell.approveHint')}
            aria-label={t('review:cell.approveLabel', { lang: langName, row })}
            disabled={text.trim() === ''}
            onClick={() => void approve()}
          >
            {t('review:cell.approve')}
          </button>
        )}
      </div>
      {cell.suggestion !== undefined && (
        <div className="suggestion">
          <span className="suggestion-label">{t('review:cell.suggestion')}</span>{' '}
          <q lang={lang}>{cell.suggestion}</q>{' '}
          <button
            type="button"
            className="small"
            onClick={() => void actions.useSuggestion(segment.id, lang)}
          >
            {t('review:cell.useSuggestion')}
          </button>
        </div>
      )}
      {props.qa?.cell(segment, lang, text)}
    </div>
  );
});
