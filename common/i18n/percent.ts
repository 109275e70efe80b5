/**
 * Percentages as the language writes them, through `Intl.NumberFormat(lng, { style: 'percent' })`: "48%" in English,
 * Korean and Vietnamese, "48 %" where the language puts a space (French, German). The one helper for every
 * percentage shown (progress, edit rate, checks, memory matches, the MT report); strings never write "%" themselves
 * but `{{score, percent}}` (see {@link registerPercent}).
 */

const formats = new Map<string, Intl.NumberFormat>();

/** `value` percent (48 for 48 %, 101 for an in-context match) in the language `lng`, to `digits` decimals at most. */
export function formatPercent(lng: string, value: number, digits = 0): string {
  const key = `${lng}/${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value / 100);
}

/** The part of an i18next instance the formatter needs (`services.formatter`, from i18next 21.3). */
interface WithFormatter {
  services: {
    formatter?: { add(name: string, fn: (value: unknown, lng: string | undefined) => string): void };
  };
}

/**
 * `{{score, percent}}` in a string: a number of percent in the string's language. Anything else (a placeholder a
 * caller fills in later) is left as it is.
 */
export function registerPercent(i18n: WithFormatter): void {
  i18n.services.formatter?.add('percent', (value, lng) =>
    typeof value === 'number' ? formatPercent(lng ?? 'en', value) : String(value),
  );
}
