/**
 * Percentages as the language writes them, through `Intl.NumberFormat(lng, { style: 'percent' })`: "48%" in English,
 * Korean and Vietnamese, "48 %" where the language puts a space (French, German). The one helper for every
 * percentage shown (progress, edit rate, checks, memory matches, the MT report, the CLI); strings never write "%"
 * themselves but `{{x, percent}}` for a share and `{{score, match}}` for a memory match (see {@link registerPercent}).
 *
 * A share is never shown above 100 % nor rounded onto an end it did not reach: 99.6 % of rows reads 99 %, not 100 %;
 * 0.2 % reads 1 %, not 0 %. The one percentage over 100 is a memory match's 101 % (in context, the CAT tools' name).
 */

const formats = new Map<string, Intl.NumberFormat>();

function format(lng: string, value: number, digits: number): string {
  const key = `${lng}/${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(value / 100);
}

/**
 * A share of `value` percent as shown to `digits` decimals: within 0–100, and only an exact 0 or 100 shows as one
 * (anything between stays one step inside). Not a number shows as 0.
 */
export function sharePercent(value: number, digits = 0): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  if (value >= 100) return 100;
  const step = 10 ** -digits;
  const rounded = Math.round(value / step) * step;
  const inside = Math.min(100 - step, Math.max(step, rounded));
  return Number(inside.toFixed(digits));
}

/** A share of `value` percent (48 for 48 %) in the language `lng`, to `digits` decimals at most (see above). */
export function formatPercent(lng: string, value: number, digits = 0): string {
  return format(lng, sharePercent(value, digits), digits);
}

/** A memory match's score (75–100, 101 in context) in the language `lng`. */
export function formatMatch(lng: string, score: number): string {
  return score === 101 ? format(lng, 101, 0) : formatPercent(lng, score);
}

/** The part of an i18next instance the formatter needs (`services.formatter`, from i18next 21.3). */
interface WithFormatter {
  services: {
    formatter?: { add(name: string, fn: (value: unknown, lng: string | undefined) => string): void };
  };
}

/**
 * `{{x, percent}}` in a string: a share in percent in the string's language; `{{score, match}}`: a memory match's
 * score. Anything else (a placeholder a caller fills in later) is left as it is.
 */
export function registerPercent(i18n: WithFormatter): void {
  i18n.services.formatter?.add('percent', (value, lng) =>
    typeof value === 'number' ? formatPercent(lng ?? 'en', value) : String(value),
  );
  i18n.services.formatter?.add('match', (value, lng) =>
    typeof value === 'number' ? formatMatch(lng ?? 'en', value) : String(value),
  );
}
