import { TARGET_LANGS, type Segment, type TargetLang } from '../../../electron/contract';
import { revisionOf } from '../../../common/revision';
import { isReviewable } from '../review/review-state';

/** The row filters of the grid. */
export const FILTERS = [
  'all',
  'needsReview',
  'edited',
  'approved',
  'changed',
  'changedVi',
  'changedEn',
  'qa',
  'differ',
  'memory',
] as const;
/** One row filter. */
export type RowFilter = (typeof FILTERS)[number];

/** What the grid shows: a filter, a search over the three columns, and the rows with QA findings. */
export interface GridQuery {
  filter: RowFilter;
  search: string;
  qaRows: ReadonlySet<string>;
  /**
   * The row being edited under "has a check finding": it stays while the reviewer types, even once its last
   * finding is fixed (the filter follows the findings as typed; the row must not vanish under the cursor).
   */
  editing?: string | null;
}

const statusOf = (s: Segment, lang: TargetLang) => s.targets[lang].status;

/** True when a row passes the filter. Rows that are not reviewed (captions, verbatim) only show under "all". */
export function passesFilter(
  s: Segment,
  filter: RowFilter,
  qaRows: ReadonlySet<string>,
  editing: string | null = null,
): boolean {
  if (filter === 'all') return true;
  if (filter === 'qa') return qaRows.has(s.id) || s.id === editing;
  // Changed by a revision: rows a language still owes a review of the new Korean (any, or that language).
  if (filter === 'changed') return TARGET_LANGS.some((l) => revisionOf(s, l));
  if (filter === 'changedVi') return !!revisionOf(s, 'vi');
  if (filter === 'changedEn') return !!revisionOf(s, 'en');
  if (!isReviewable(s)) return false;
  switch (filter) {
    case 'needsReview':
      return TARGET_LANGS.some((l) => statusOf(s, l) !== 'approved');
    case 'edited':
      return TARGET_LANGS.some((l) => statusOf(s, l) === 'edited');
    case 'approved':
      return TARGET_LANGS.every((l) => statusOf(s, l) === 'approved');
    case 'differ':
      return statusOf(s, 'vi') !== statusOf(s, 'en');
    case 'memory':
      // A cell still holding the text the translation memory filled it with.
      return TARGET_LANGS.some(
        (l) => s.targets[l].tm !== undefined && s.targets[l].tm.text === s.targets[l].text,
      );
  }
}

/** Search is case-insensitive, ignores surrounding spaces and finds text composed (NFC) as cells store it. */
export function normalizeSearch(search: string): string {
  return search.trim().normalize('NFC').toLocaleLowerCase();
}

/** True when the Korean, Vietnamese or English text of the row contains the (normalized) search. */
export function matchesSearch(s: Segment, needle: string): boolean {
  if (needle === '') return true;
  return (
    s.source.toLocaleLowerCase().includes(needle) ||
    TARGET_LANGS.some((l) => s.targets[l].text.toLocaleLowerCase().includes(needle))
  );
}

/** Indexes of the rows the grid shows, in article order. */
export function visibleRows(segments: readonly Segment[], query: GridQuery): number[] {
  const needle = normalizeSearch(query.search);
  const out: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (passesFilter(s, query.filter, query.qaRows, query.editing) && matchesSearch(s, needle)) out.push(i);
  }
  return out;
}

/** Split `text` around case-insensitive matches of `needle`, for `<mark>` highlights. */
export function highlightParts(text: string, needle: string): Array<{ text: string; hit: boolean }> {
  if (needle === '') return [{ text, hit: false }];
  const lower = text.toLocaleLowerCase();
  const parts: Array<{ text: string; hit: boolean }> = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: text.slice(at, at + needle.length), hit: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return parts;
}

/**
 * The next cell to work on after approving (`fromIndex`, `lang`) among the visible rows: the next reviewable
 * row whose cell in `lang` is not approved, wrapping around; null when there is none.
 */
export function nextOpenCell(
  segments: readonly Segment[],
  rows: readonly number[],
  fromIndex: number,
  lang: TargetLang,
  skip?: string,
): number | null {
  const start = rows.indexOf(fromIndex);
  for (let k = 1; k <= rows.length; k++) {
    const i = rows[(start + k) % rows.length]!;
    const s = segments[i]!;
    if (s.id !== skip && isReviewable(s) && s.targets[lang].status !== 'approved') return i;
  }
  return null;
}

/** The neighbouring reviewable row among the visible rows (Alt+↑/↓), or null at the ends. */
export function neighbourRow(
  segments: readonly Segment[],
  rows: readonly number[],
  fromIndex: number,
  direction: 1 | -1,
): number | null {
  for (let k = rows.indexOf(fromIndex) + direction; k >= 0 && k < rows.length; k += direction) {
    if (isReviewable(segments[rows[k]!]!)) return rows[k]!;
  }
  return null;
}

/** The next visible reviewable row after `fromIndex` with a language still open (Ctrl+Shift+Enter), if any. */
export function nextOpenRow(
  segments: readonly Segment[],
  rows: readonly number[],
  fromIndex: number,
): number | undefined {
  return rows.find(
    (i) =>
      i > fromIndex &&
      isReviewable(segments[i]!) &&
      TARGET_LANGS.some((l) => segments[i]!.targets[l].status !== 'approved'),
  );
}

/** Where a moving command (Alt+↑/↓, Tab, Shift+Tab) takes the focus from a cell; null when it stays. */
export function moveTarget(
  segments: readonly Segment[],
  rows: readonly number[],
  from: { index: number; segmentId: string; lang: TargetLang },
  command: string,
): { segmentId: string; lang: TargetLang } | null {
  const rowStep = (dir: 1 | -1, lang: TargetLang) => {
    const next = neighbourRow(segments, rows, from.index, dir);
    return next === null ? null : { segmentId: segments[next]!.id, lang };
  };
  const { segmentId, lang } = from;
  if (command === 'nextRow') return rowStep(1, lang);
  if (command === 'prevRow') return rowStep(-1, lang);
  if (command === 'nextCell') return lang === 'vi' ? { segmentId, lang: 'en' } : rowStep(1, 'vi');
  if (command === 'prevCell') return lang === 'en' ? { segmentId, lang: 'vi' } : rowStep(-1, 'en');
  return null;
}
