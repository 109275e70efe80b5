/**
 * The one CSV reader of the app (termbase import; the DeepL test server's glossaries), `csv-parse` configured for
 * what people bring: RFC 4180 quoting (commas, `""` and line breaks inside quotes), a UTF-8 BOM, line ends from
 * any system (CRLF, LF or CR, even mixed in one file), rows of different lengths, and a stray `"` inside an
 * unquoted field kept as text (as spreadsheet programs read it). Rows holding nothing but blanks are dropped.
 * A quote that is never closed throws the library's `CSV_QUOTE_NOT_CLOSED` (see {@link isUnclosedQuote}): the
 * rows after it cannot be told apart, so a caller refuses the file rather than guess.
 */
import { CsvError, parse } from 'csv-parse/sync';

/** The delimiters a CSV may use, in the order a tie between them is settled. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The rows of a CSV text, each as its fields' text (unguarding formula cells is the caller's: `csv-write`). The
 * delimiter is a comma unless the caller knows better (a spreadsheet in a locale whose decimal mark is a comma —
 * Vietnamese, German, French — saves CSV with `;`; Excel's "Unicode text" with tabs; see {@link sniffDelimiter}).
 * `records` stops after that many records.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ',', records?: number): string[][] {
  const rows = parse(text, {
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    ...(records ? { to: records } : {}),
  }) as string[][];
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** How many records {@link sniffDelimiter} reads. */
const SNIFF_RECORDS = 50;

/**
 * The delimiter of a CSV that has no header line to tell it, from how its first records split with each one
 * (quotes respected, so a comma inside a quoted note splits nothing): first the one that splits the most records
 * into two fields or more (a row of a table has at least two), then the one whose records split most evenly (a
 * spreadsheet writes every row with the same number of fields), then the one giving more fields; a tie goes to
 * the comma, then the semicolon. A semicolon file whose notes hold commas is read at its semicolons, a comma file
 * whose variants are written `a; b` at its commas. When none splits anything: the first that leaves a quote
 * unclosed (so the caller refuses the file, as it would with a header), else the comma.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number[] } | null = null;
  let unclosed: CsvDelimiter | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const sample = sampleOf(text, delimiter);
    if (sample.unclosed) unclosed ??= delimiter;
    const score = sample.rows && splitScore(sample.rows);
    if (score && score[0]! > 0 && (!best || beats(score, best.score))) best = { delimiter, score };
  }
  return best?.delimiter ?? unclosed ?? ',';
}

/** Whether score `a` is higher than `b` (compared in order, the first difference decides). */
function beats(a: number[], b: number[]): boolean {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i >= 0 && a[i]! > b[i]!;
}

/**
 * The first records read with `delimiter`: up to a quote it leaves unclosed (`unclosed` set; the records before it
 * are the sample), none when another misplaced quote stops it.
 */
function sampleOf(text: string, delimiter: CsvDelimiter): { rows: string[][] | null; unclosed?: true } {
  try {
    return { rows: parseCsv(text, delimiter, SNIFF_RECORDS) };
  } catch (e) {
    if (!isUnclosedQuote(e)) return { rows: null };
    const done = (e as CsvError & { records?: number }).records ?? 0;
    return { rows: done > 0 ? parseCsv(text, delimiter, done) : null, unclosed: true };
  }
}

/**
 * How records split: [share split into two fields or more, share with the commonest field count, that count];
 * null for no records.
 */
function splitScore(rows: string[][]): number[] | null {
  if (rows.length === 0) return null;
  const seen = new Map<number, number>();
  for (const r of rows) seen.set(r.length, (seen.get(r.length) ?? 0) + 1);
  const [count, times] = [...seen].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return [rows.filter((r) => r.length >= 2).length / rows.length, times / rows.length, count];
}

/** True for the error {@link parseCsv} throws on a quoted field that is never closed. */
export function isUnclosedQuote(e: unknown): boolean {
  return e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED';
}
