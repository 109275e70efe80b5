import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type Segment } from '../../../electron/contract';
import { formatPercent } from '../../../common/i18n/percent';
import { isReviewable } from '../review/review-state';
import type { ReviewStore } from './store';
import { useSaveSummary } from './use-store';
import { editRate } from './word-diff';

/**
 * saved / saving / not saved (retrying, or a conflict waiting for the person's choice, or left undecided) for the
 * whole project, in words and an icon (never by colour alone).
 */
export function SaveIndicator(props: { store: ReviewStore }) {
  const { t } = useTranslation('editor');
  const state = useSaveSummary(props.store);
  const icon = state === 'saved' ? '✓' : state === 'saving' || state === 'dirty' ? '…' : '⚠';
  const text = t(`save.${state === 'dirty' ? 'saving' : state}`);
  // In a tight header the text may be cut with an ellipsis: whole on hover.
  return (
    <span className={`save-indicator save-${state}`} role="status" data-testid="save-state" title={text}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}

// Edit rates are cached per cell object: rows that did not change are not measured again.
const rateCache = new WeakMap<object, number>();

/** Average edit rate against the machine text and total time spent, per language, over the reviewed cells. */
export function machineTotals(segments: readonly Segment[]) {
  return TARGET_LANGS.map((lang) => {
    let sum = 0;
    let cells = 0;
    let ms = 0;
    for (const s of segments) {
      if (!isReviewable(s)) continue;
      const cell = s.targets[lang];
      ms += cell.editMs ?? 0;
      if (cell.mt === undefined || (cell.status !== 'edited' && cell.status !== 'approved')) continue;
      let rate = rateCache.get(cell);
      if (rate === undefined) rateCache.set(cell, (rate = editRate(cell.mt, cell.text, lang)));
      sum += rate;
      cells++;
    }
    return { lang, rate: cells ? sum / cells : 0, cells, ms };
  });
}

/** Per-language totals against the machine text ("VI: edit rate 12 %, 3 min"), for the header's progress. */
export function useMachineTotals(segments: readonly Segment[] | undefined): Record<string, string> {
  const { t, i18n } = useTranslation(['editor', 'common']);
  return useMemo(() => {
    const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    const out: Record<string, string> = {};
    for (const x of machineTotals(segments ?? []))
      out[x.lang] = t('editor:metrics.total', {
        lang: x.lang.toUpperCase(),
        rate: formatPercent(i18n.language, x.rate * 100),
        time: t('editor:metrics.minutes', { value: num.format(x.ms / 60_000) }),
      });
    return out;
  }, [segments, t, i18n.language]);
}
