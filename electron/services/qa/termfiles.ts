import type { TermEntry, TermFileFormat, TermInput } from '../../contract';
import { AppError } from '../errors';
import { attr, kids, nameOf, parseXml, textOf, type XNode } from '../xml-parse';

/**
 * Termbase exchange: CSV (one term a line: ko, vi, en, note, forbidden_vi, forbidden_en; variants separated by
 * `;`) and TBX-Basic (ISO 30042 `conceptEntry`/`langSec`/`termSec`, and the older `martif`/`termEntry`/`langSet`/
 * `tig` on import). Preferred terms are `preferredTerm-admn-sts`, forbidden variants `deprecatedTerm-admn-sts`.
 */

/** A term read from a file, before it gets a scope. */
export type ParsedTerm = Pick<TermInput, 'ko' | 'vi' | 'en' | 'note' | 'forbiddenVi' | 'forbiddenEn'>;

const CSV_HEADER = ['ko', 'vi', 'en', 'note', 'forbidden_vi', 'forbidden_en'];
const split = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/u, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new AppError('qa.termFileInvalid', { detail: 'unterminated quote' });
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const csvField = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);

/** Terms as CSV with a header line (UTF-8 with BOM so spreadsheet programs read Hangul and Vietnamese). */
export function termsToCsv(terms: readonly TermEntry[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const t of terms)
    lines.push(
      [t.ko, t.vi, t.en, t.note ?? '', t.forbiddenVi.join('; '), t.forbiddenEn.join('; ')]
        .map(csvField)
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvTerms(text: string): ParsedTerm[] {
  const rows = parseCsv(text);
  if (!rows.length) return [];
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const hasHeader = header.includes('ko');
  const col = (name: string, fallback: number) => (hasHeader ? header.indexOf(name) : fallback);
  const idx = CSV_HEADER.map((n, i) => col(n, i));
  return rows.slice(hasHeader ? 1 : 0).map((r) => {
    const at = (i: number) => (idx[i]! >= 0 ? (r[idx[i]!] ?? '').trim() : '');
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

const xmlEscape = (s: string) =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** Terms as TBX-Basic (ISO 30042:2019, DCA style). */
export function termsToTbx(terms: readonly TermEntry[]): string {
  const termSec = (term: string, status: 'preferred' | 'deprecated') =>
    `<termSec><term>${xmlEscape(term)}</term><termNote type="administrativeStatus">${status}Term-admn-sts</termNote></termSec>`;
  const langSec = (lang: string, preferred: string, forbidden: readonly string[]) => {
    const secs = [
      ...split(preferred).map((t) => termSec(t, 'preferred')),
      ...forbidden.map((t) => termSec(t, 'deprecated')),
    ];
    return secs.length ? `<langSec xml:lang="${lang}">${secs.join('')}</langSec>` : '';
  };
  const entries = terms.map(
    (t, i) =>
      `<conceptEntry id="c${i + 1}">${t.note ? `<note>${xmlEscape(t.note)}</note>` : ''}` +
      `<langSec xml:lang="ko"><termSec><term>${xmlEscape(t.ko)}</term></termSec></langSec>` +
      `${langSec('vi', t.vi, t.forbiddenVi)}${langSec('en', t.en, t.forbiddenEn)}</conceptEntry>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<tbx type="TBX-Basic" style="dca" xml:lang="ko" xmlns="urn:iso:std:iso:30042:ed-2">\n' +
    '<tbxHeader><fileDesc><sourceDesc><p>Bilingual Review termbase</p></sourceDesc></fileDesc></tbxHeader>\n' +
    `<text><body>\n${entries.join('\n')}\n</body></text>\n</tbx>\n`
  );
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
  if (!root) throw new AppError('qa.termFileInvalid', { detail: 'no <tbx> or <martif>' });
  const body = childrenNamed(childrenNamed(root, 'text')[0], 'body')[0];
  return childrenNamed(body, 'conceptEntry', 'termEntry').map(entryTerm);
}

/** Read a CSV or TBX file (by extension, else by content). */
export function parseTermFile(fileName: string, bytes: Uint8Array): ParsedTerm[] {
  const content = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const isXml =
    /\.(tbx|xml)$/iu.test(fileName) ||
    /^\uFEFF?\s*</u.test(content) ||
    bytes[0] === 0xff ||
    bytes[0] === 0xfe;
  return isXml ? tbxTerms(bytes) : csvTerms(content);
}

/** Write terms in a format; returns the file name and bytes. */
export function writeTermFile(
  terms: readonly TermEntry[],
  format: TermFileFormat,
  base: string,
): { fileName: string; data: string } {
  return format === 'csv'
    ? { fileName: `${base}.csv`, data: termsToCsv(terms) }
    : { fileName: `${base}.tbx`, data: termsToTbx(terms) };
}
