import { distance } from 'fastest-levenshtein';
import type { CellStatus, HouseStyle, Project, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { isReviewable } from '../project/cells';
import { numbered } from './rows';
import { csvDocument } from '../csv-write';
import { escapeText } from '../xml-write';
import { formatMatch, formatPercent, sharePercent } from '../../../common/i18n/percent';
import { docStrings, fill, type DocLang } from './doc-strings';
import { houseStyleHtml, houseStyleLines, styleUsedText } from './report-style';

/**
 * Levenshtein distance between the machine translation and the final text, on NFC-normalised strings so a
 * Vietnamese letter with its diacritics counts as one character however it was typed. Uses Myers' bit-parallel
 * algorithm (fastest-levenshtein): a 10,000-paragraph report stays well under a second.
 */
export function editDistance(a: string, b: string): number {
  const x = a.normalize('NFC');
  const y = b.normalize('NFC');
  // Post-edits usually touch a few words: skip the shared start and end before the quadratic part.
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end])
    end++;
  return distance(x.slice(start, x.length - end), y.slice(start, y.length - end));
}

/** One line of the review report. */
export interface ReportRow {
  row: number;
  lang: TargetLang;
  source: string;
  mt: string;
  final: string;
  distance: number;
  /** Distance as a share of the longer text, 0–100. */
  percent: number;
  editSeconds: number;
  status: CellStatus;
  comment: string;
  /** The memory match that filled the cell (101, 100) or was offered for it (fuzzy score), or null for none. */
  memory: number | null;
  /** The house style the cell's machine text was made with (see `styleUsedText`; '' for none). */
  style: string;
}

/** What the report shows besides the project: the memory's offers per cell and the house style sent to DeepL. */
export interface ReportExtras {
  /** Best memory match offered per cell not filled from the memory, keyed `segmentId|lang` (scores ≥ threshold). */
  matches?: ReadonlyMap<string, number>;
  houseStyle?: HouseStyle;
}

/** A cell's memory match: the one that filled it, else the one offered. */
const memoryMatch = (extras: ReportExtras, id: string, lang: TargetLang, filled?: number) =>
  filled ?? extras.matches?.get(`${id}|${lang}`) ?? null;

/** Per-language totals an editor uses to judge the machine translation. */
export interface ReportTotals {
  lang: TargetLang;
  rows: number;
  approved: number;
  edited: number;
  untouched: number;
  averagePercent: number;
  /** Average edit distance in characters over rows that had machine output. */
  averageDistance: number;
  editSeconds: number;
}

/** The report's rows and totals (reviewable rows only). */
export function reportData(
  project: Project,
  extras: ReportExtras = {},
): { rows: ReportRow[]; totals: ReportTotals[] } {
  const rows: ReportRow[] = [];
  for (const { segment, row } of numbered(project)) {
    if (!isReviewable(segment)) continue;
    for (const lang of TARGET_LANGS) {
      const cell = segment.targets[lang];
      const mt = cell.mt ?? '';
      const distance = editDistance(mt, cell.text);
      const longest = Math.max(mt.normalize('NFC').length, cell.text.normalize('NFC').length);
      rows.push({
        row,
        lang,
        source: segment.source,
        mt,
        final: cell.text,
        distance,
        percent: longest === 0 ? 0 : sharePercent((100 * distance) / longest, 1),
        editSeconds: Math.round((cell.editMs ?? 0) / 1000),
        status: cell.status,
        comment: cell.comment ?? '',
        memory: memoryMatch(extras, segment.id, lang, cell.tm?.score),
        style: cell.mt === undefined ? '' : styleUsedText(cell.mtStyle),
      });
    }
  }
  const totals = TARGET_LANGS.map((lang) => {
    const mine = rows.filter((r) => r.lang === lang);
    const withMt = mine.filter((r) => r.mt !== '');
    return {
      lang,
      rows: mine.length,
      approved: mine.filter((r) => r.status === 'approved').length,
      edited: withMt.filter((r) => r.distance > 0).length,
      untouched: withMt.filter((r) => r.distance === 0).length,
      averagePercent: withMt.length
        ? sharePercent(withMt.reduce((n, r) => n + r.percent, 0) / withMt.length, 1)
        : 0,
      averageDistance: withMt.length
        ? Math.round((10 * withMt.reduce((n, r) => n + r.distance, 0)) / withMt.length) / 10
        : 0,
      editSeconds: mine.reduce((n, r) => n + r.editSeconds, 0),
    };
  });
  return { rows, totals };
}

/** Columns of the report CSV: one table, `type` telling a row line (`row`) from a per-language total (`total`). */
export const REPORT_CSV_HEADER = [
  'type',
  'row',
  'lang',
  'source',
  'mt',
  'final',
  'edit_distance',
  'edit_percent',
  'edit_seconds',
  'status',
  'comment',
  'rows',
  'approved',
  'edited_after_mt',
  'untouched_mt',
  'memory_match',
  'house_style',
] as const;

/**
 * The report as one CSV table (RFC 4180, BOM, formula guard: see csv-write). Every line has the same columns: a
 * `row` line is one row in one language; a `total` line is a language's totals, with the average edit distance
 * and percentage (over rows that had machine output) in `edit_distance`/`edit_percent`, the seconds summed, and
 * the counts in the next four columns. `memory_match` is a row's memory match (101, 100 or a fuzzy score; empty
 * for none). A `style` line per language with a house style gives it in `comment` (what was sent to DeepL). A
 * reader filters on `type`; nothing follows the table.
 */
export function reportCsv(project: Project, extras: ReportExtras = {}): string {
  const { rows, totals } = reportData(project, extras);
  const lines: Array<Array<string | number>> = [
    [...REPORT_CSV_HEADER],
    ...rows.map((r) => [
      'row',
      r.row,
      r.lang,
      r.source,
      r.mt,
      r.final,
      r.distance,
      r.percent,
      r.editSeconds,
      r.status,
      r.comment,
      '',
      '',
      '',
      '',
      r.memory ?? '',
      r.style,
    ]),
    ...totals.map((t) => [
      'total',
      '',
      t.lang,
      '',
      '',
      '',
      t.averageDistance,
      t.averagePercent,
      t.editSeconds,
      '',
      '',
      t.rows,
      t.approved,
      t.edited,
      t.untouched,
      '',
      '',
    ]),
    ...houseStyleLines(extras.houseStyle).map(({ lang, text }) => [
      'style',
      '',
      lang,
      ...Array<string>(7).fill(''),
      text,
      '',
      '',
      '',
      '',
      '',
      '',
    ]),
  ];
  return csvDocument(lines);
}

/** The same report as a page an editor can open and print, in the interface language. */
export function reportHtml(
  project: Project,
  now: Date,
  ui: DocLang = 'en',
  extras: ReportExtras = {},
): string {
  const w = docStrings(ui).report;
  const state = docStrings(ui).review.state;
  const { rows, totals } = reportData(project, extras);
  const pct = (value: number) => formatPercent(ui, value, 1);
  const match = (score: number | null) =>
    score === null ? '' : escapeText(fill(w.memoryMatch, { score: formatMatch(ui, score) }));
  const th = (cells: string[]) => cells.map((c) => `<th>${escapeText(c)}</th>`).join('');
  const totalRows = totals
    .map(
      (t) =>
        `<tr><th scope="row">${t.lang}</th><td>${t.rows}</td><td>${t.approved}</td><td>${t.edited}</td><td>${t.untouched}</td><td>${pct(t.averagePercent)}</td><td>${t.averageDistance}</td><td>${t.editSeconds}</td></tr>`,
    )
    .join('\n');
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.row}</td><td>${r.lang}</td><td lang="ko">${escapeText(r.source)}</td><td lang="${r.lang}">${escapeText(r.mt)}</td><td lang="${r.lang}">${escapeText(r.final)}</td><td>${r.distance}</td><td>${pct(r.percent)}</td><td>${r.editSeconds}</td><td>${escapeText(state[r.status])}</td><td>${match(r.memory)}</td><td>${escapeText(r.style)}</td><td>${escapeText(r.comment)}</td></tr>`,
    )
    .join('\n');
  const date = new Intl.DateTimeFormat(ui, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
    now,
  );
  return `<!doctype html>
<html lang="${ui}">
<head><meta charset="utf-8"><title>${escapeText(w.title)} — ${escapeText(project.name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border:1px solid #dde1e7;padding:4px 6px;vertical-align:top;font-size:13px}th{background:#eceff4;text-align:left}</style>
</head>
<body>
<h1>${escapeText(w.title)}</h1>
<p lang="ko">${escapeText(project.name)}</p>
<p><time datetime="${now.toISOString()}">${escapeText(fill(w.generated, { date: `${date} UTC` }))}</time></p>
<h2>${escapeText(w.totals)}</h2>
<table><thead><tr>${th([w.language, w.rowCount, w.approved, w.edited, w.untouched, w.averageEdit, w.averageChars, w.seconds])}</tr></thead>
<tbody>
${totalRows}
</tbody></table>
${houseStyleHtml(extras.houseStyle, ui)}
<h2>${escapeText(w.rows)}</h2>
<table><thead><tr>${th(['#', w.language, w.korean, w.mt, w.final, w.distance, w.percent, w.secondsShort, w.status, w.memory, w.styleUsed, w.comment])}</tr></thead>
<tbody>
${body}
</tbody></table>
</body>
</html>
`;
}
