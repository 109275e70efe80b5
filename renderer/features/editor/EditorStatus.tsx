import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type EnglishVariant, type Segment } from '../../../electron/contract';
import { useNumberFormat } from '../../i18n/format';
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
  return (
    <span className={`save-indicator save-${state}`} role="status" data-testid="save-state">
      <span aria-hidden="true">{icon}</span> {t(`save.${state === 'dirty' ? 'saving' : state}`)}
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

/** Per-language totals against the machine text, for the header. */
export function MachineTotals(props: { segments: readonly Segment[] }) {
  const { t, i18n } = useTranslation(['editor', 'common']);
  const totals = useMemo(() => machineTotals(props.segments), [props.segments]);
  const format = useMemo(() => {
    const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
    const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    return { pct: (r: number) => pct.format(r), min: (ms: number) => num.format(ms / 60_000) };
  }, [i18n.language]);
  return (
    <span className="machine-totals" data-testid="machine-totals">
      {totals.map((x) => (
        <span key={x.lang}>
          {t('editor:metrics.total', {
            lang: x.lang.toUpperCase(),
            rate: format.pct(x.rate),
            time: t('editor:metrics.minutes', { value: format.min(x.ms) }),
          })}
        </span>
      ))}
    </span>
  );
}

/** The English variant of the open project (DeepL's `en-US` / `en-GB`); `disabled` where the role cannot set it. */
export function VariantSelect(props: {
  value: EnglishVariant;
  onChange(v: EnglishVariant): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('editor');
  return (
    <select
      className="variant-select"
      aria-label={t('variant.label')}
      title={t('variant.label')}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value as EnglishVariant)}
    >
      <option value="en-US">{t('variant.en-US')}</option>
      <option value="en-GB">{t('variant.en-GB')}</option>
    </select>
  );
}

/** Digit grouping for counts in the header. */
export function useCount() {
  return useNumberFormat();
}
