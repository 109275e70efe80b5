import type { TermEntry, TermFileFormat, TermInput } from '../../contract';
import { AppError } from '../errors';
import { CSV_DELIMITERS, isUnclosedQuote, parseCsv, sniffDelimiter, type CsvDelimiter } from '../csv-read';
import { csvDocument, unguardCsvCell } from '../csv-write';
import { decodeBytes, sniffBinary, type Decoded } from '../import/decode';
import { attr, kids, nameOf, parseXml, textOf, type XNode } from '../xml-parse';
import { termsToTbx } from './tbx-write';

export { termsToTbx };

/**
 * Termbase exchange: CSV (one term a line: ko, vi, en, note, forbidden_vi, forbidden_en; variants separated by
 * `;`) and TBX-Basic (written by tbx-write: the 2008 `martif` form by default, TBX v3 on request; both forms read:
 * `conceptEntry`/`langSec`/`termSec` and `martif`/`termEntry`/`langSet`/`tig`). Preferred terms are `preferredTerm-admn-sts`, forbidden variants `deprecatedTerm-admn-sts`.
 */

/** A term read from a file, before it gets a scope. */
export type ParsedTerm = Pick<TermInput, 'ko' | 'vi' | 'en' | 'note' | 'forbiddenVi' | 'forbiddenEn'>;

const CSV_HEADER = ['ko', 'vi', 'en', 'note', 'forbidden_vi', 'forbidden_en'];
const split = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/** Terms as CSV with a header line (one CSV writer for the app: BOM, RFC 4180, formula guard). */
export function termsToCsv(terms: readonly TermEntry[]): string {
  return csvDocument([
    CSV_HEADER,
    ...terms.map((t) => [t.ko, t.vi, t.en, t.note ?? '', t.forbiddenVi.join('; '), t.forbiddenEn.join('; ')]),
  ]);
}

/** The rows of a termbase CSV; a quote never closed is `qa.termCsvQuote` (nothing is imported). */
function csvRows(text: string, delimiter: CsvDelimiter): string[][] {
  try {
    return parseCsv(text, delimiter);
  } catch (e) {
    throw isUnclosedQuote(e) ? new AppError('qa.termCsvQuote') : e;
  }
}

/** The lower-cased header fields of the first line read with `delimiter`; null when they name no `ko` column. */
function headerWith(text: string, delimiter: CsvDelimiter): string[] | null {
  const first = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u, 1)[0] ?? '';
  const fields = first.split(delimiter).map((h) => h.trim().replace(/^"|"$/gu, '').trim().toLowerCase());
  return fields.includes('ko') && fields.length > 1 ? fields : null;
}

/**
 * The delimiter of a termbase CSV, told by its header line: `ko;vi;en` (a spreadsheet in a locale whose decimal
 * mark is a comma) or tab-separated (Excel's "Unicode text") are read as such, not as one column or split at the
 * commas inside a note. Without a header line, by how its first rows split ({@link sniffDelimiter}).
 */
function delimiterOf(text: string): CsvDelimiter {
  return CSV_DELIMITERS.find((d) => headerWith(text, d)) ?? sniffDelimiter(text);
}

function csvTerms(text: string): ParsedTerm[] {
  const rows = csvRows(text, delimiterOf(text));
  if (!rows.length) return [];
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const hasHeader = header.includes('ko');
  const col = (name: string, fallback: number) => (hasHeader ? header.indexOf(name) : fallback);
  const idx = CSV_HEADER.map((n, i) => col(n, i));
  return rows.slice(hasHeader ? 1 : 0).map((r) => {
    const at = (i: number) => (idx[i]! >= 0 ? unguardCsvCell((r[idx[i]!] ?? '').trim()) : '');
    return {
      ko: at(0),
      vi: at(1),
      en: at(2),
      note: at(3),
      forbiddenVi: split(at(4)),
      forbiddenEn: split(at(5)),
    };
  });
}

/** Children of `n` named any of `names` (local names). */
const childrenNamed = (n: XNode | undefined, ...names: string[]): XNode[] =>
  kids(n).filter((c) => names.includes(nameOf(c)));
const textOfChild = (n: XNode | undefined, name: string): string => textOf(childrenNamed(n, name));

/** The preferred and forbidden terms of one language section (TBX v3 `termSec`, TBX-Basic 2008 `tig`/`ntig`). */
function langTerms(ls: XNode): { preferred: string[]; forbidden: string[] } {
  const preferred: string[] = [];
  const forbidden: string[] = [];
  for (const ts of childrenNamed(ls, 'termSec', 'tig', 'ntig')) {
    const group = childrenNamed(ts, 'termGrp')[0];
    const term = (textOfChild(ts, 'term') || textOfChild(group, 'term')).trim();
    const status = [...childrenNamed(ts, 'termNote'), ...childrenNamed(group, 'termNote')]
      .map((n) => textOf(kids(n)))
      .join(' ');
    if (!term) continue;
    (/deprecated|superseded|notRecommended/iu.test(status) ? forbidden : preferred).push(term);
  }
  return { preferred, forbidden };
}

/** One concept entry (TBX v3 `conceptEntry`, TBX-Basic 2008 `termEntry`) as a term. */
function entryTerm(entry: XNode): ParsedTerm {
  const out: ParsedTerm = { ko: '', vi: '', en: '', forbiddenVi: [], forbiddenEn: [] };
  const notes = childrenNamed(entry, 'note', 'descrip')
    .map((n) => textOf(kids(n)))
    .filter(Boolean);
  if (notes.length) out.note = notes.join(' ');
  for (const ls of childrenNamed(entry, 'langSec', 'langSet')) {
    const lang = (attr(ls, 'xml:lang') ?? attr(ls, 'lang') ?? '').toLowerCase().slice(0, 2);
    const { preferred, forbidden } = langTerms(ls);
    if (lang === 'ko') out.ko = preferred[0] ?? '';
    if (lang === 'vi') {
      out.vi = preferred.join('; ');
      out.forbiddenVi = forbidden;
    }
    if (lang === 'en') {
      out.en = preferred.join('; ');
      out.forbiddenEn = forbidden;
    }
  }
  return out;
}

/** The terms of a TBX file (v3 `tbx` or 2008 `martif`), read with the one XML reader (a term `007` stays text). */
function tbxTerms(bytes: Uint8Array): ParsedTerm[] {
  const root = parseXml(bytes, 'TBX').find((n) => ['tbx', 'martif'].includes(nameOf(n)));
  if (!root) throw new AppError('qa.termFileNotTbx');
  const body = childrenNamed(childrenNamed(root, 'text')[0], 'body')[0];
  return childrenNamed(body, 'conceptEntry', 'termEntry').map(entryTerm);
}

/**
 * The text of a CSV termbase as spreadsheets save it: UTF-8 (with or without a byte-order mark), UTF-16 with one,
 * or the Korean Windows code page CP949 (what Korean Excel writes as "CSV"), decoded as articles are. A file with
 * bytes none of these explain is refused (`qa.termFileEncoding`) rather than imported as garbled terms.
 */
function csvText(bytes: Uint8Array): string {
  let decoded: Decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch {
    throw new AppError('qa.termFileEncoding');
  }
  if (decoded.warnings.includes('import.decodeErrors')) throw new AppError('qa.termFileEncoding');
  return decoded.text;
}

/**
 * Read a CSV or TBX file (by extension, else by content). A document, picture or archive is refused
 * (`qa.termFileBinary`), never read as rows of garbage.
 */
export function parseTermFile(fileName: string, bytes: Uint8Array): ParsedTerm[] {
  if (sniffBinary(bytes)) throw new AppError('qa.termFileBinary');
  if (/\.(tbx|xml)$/iu.test(fileName)) return tbxTerms(bytes);
  const text = csvText(bytes);
  return /^\uFEFF?\s*</u.test(text) ? tbxTerms(bytes) : csvTerms(text);
}

/** Write terms in a format; returns the file name and bytes. */
export function writeTermFile(
  terms: readonly TermEntry[],
  format: TermFileFormat,
  base: string,
): { fileName: string; data: string } {
  if (format === 'csv') return { fileName: `${base}.csv`, data: termsToCsv(terms) };
  if (format === 'tbx-v3') return { fileName: `${base}.tbx-v3.tbx`, data: termsToTbx(terms, 'v3') };
  return { fileName: `${base}.tbx`, data: termsToTbx(terms, 'martif') };
}
