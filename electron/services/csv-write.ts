/**
 * The one CSV writer of every CSV the app writes (review report, termbase): RFC 4180 quoting, CRLF line ends, a
 * UTF-8 BOM so spreadsheet programs read Hangul and Vietnamese, and the spreadsheet-formula guard.
 *
 * Formula guard (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR would be run
 * as a formula by Excel, LibreOffice or Google Sheets (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), so it is written
 * with a leading apostrophe, which those programs show as text. A cell that already starts with apostrophes
 * before such a character gets one more, so `unguardCsvCell` gives back exactly what was written: the guard is
 * reversible for our own importers. Numbers are written as numbers (a negative number is not a formula).
 */

const FORMULA = /^'*[=+\-@\t\r]/u;

/** A text cell made safe to open in a spreadsheet (see the module note). */
export function guardCsvCell(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The cell text `guardCsvCell` was given (our importers read back what we wrote). */
export function unguardCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA.test(text.slice(1)) ? text.slice(1) : text;
}

/** One field: guarded if text, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : guardCsvCell(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** A whole CSV file: BOM, one line per row, CRLF after every line. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
