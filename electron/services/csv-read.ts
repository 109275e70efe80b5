/**
 * The one CSV reader of the app (termbase import; the DeepL test server's glossaries), `csv-parse` configured for
 * what people bring: RFC 4180 quoting (commas, `""` and line breaks inside quotes), a UTF-8 BOM, line ends from
 * any system (CRLF, LF or CR, even mixed in one file), rows of different lengths, and a stray `"` inside an
 * unquoted field kept as text (as spreadsheet programs read it). Rows holding nothing but blanks are dropped.
 * A quote that is never closed throws the library's `CSV_QUOTE_NOT_CLOSED` (see {@link isUnclosedQuote}): the
 * rows after it cannot be told apart, so a caller refuses the file rather than guess.
 */
import { CsvError, parse } from 'csv-parse/sync';

/**
 * The rows of a CSV text, each as its fields' text (unguarding formula cells is the caller's: `csv-write`). The
 * delimiter is a comma unless the caller knows better (a spreadsheet in a locale whose decimal mark is a comma —
 * Vietnamese, German, French — saves CSV with `;`; Excel's "Unicode text" with tabs).
 */
export function parseCsv(text: string, delimiter: ',' | ';' | '\t' = ','): string[][] {
  const rows = parse(text, {
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** True for the error {@link parseCsv} throws on a quoted field that is never closed. */
export function isUnclosedQuote(e: unknown): boolean {
  return e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED';
}
