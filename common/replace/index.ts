/**
 * Find & replace in one target language, shared by the core (which applies it, as one undoable step) and the
 * grid (which previews it as the reviewer types), so the preview's count is the count that is replaced. Text and
 * the text to find are compared composed (NFC): "Việt" pasted decomposed into the Find box finds the stored word,
 * and "e" never matches the letter under the marks of "ệ".
 */
import { nfc } from '../text/canonical';

/** What to find: literal text, optionally case-sensitive and as a whole word. */
export interface FindSpec {
  find: string;
  matchCase?: boolean | undefined;
  wholeWord?: boolean | undefined;
}

/** The cell a replacement looks at. */
export interface ReplaceCell {
  id: string;
  text: string;
  approved: boolean;
}

/** One cell the replacement changes, with its text before and after. */
export interface ReplaceHit {
  id: string;
  before: string;
  after: string;
  count: number;
  approved: boolean;
}

/** A regular expression for find & replace (global, Unicode). */
export function findPattern(spec: FindSpec): RegExp {
  const literal = nfc(spec.find).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = spec.wholeWord ? `(?<![\\p{L}\\p{N}_])${literal}(?![\\p{L}\\p{N}_])` : literal;
  return new RegExp(body, spec.matchCase ? 'gu' : 'giu');
}

/**
 * The cells `spec` would change: every cell with a match, approved ones counted apart (they are changed only when
 * the reviewer includes them). `only`, when given, limits the plan to those cells (a replacement step by step).
 */
export function planReplace(
  cells: readonly ReplaceCell[],
  spec: FindSpec & {
    replace: string;
    includeApproved?: boolean | undefined;
    only?: readonly string[] | undefined;
  },
): { hits: ReplaceHit[]; replaced: number; skippedApproved: number } {
  const hits: ReplaceHit[] = [];
  let replaced = 0;
  let skippedApproved = 0;
  if (spec.find === '') return { hits, replaced, skippedApproved };
  const only = spec.only ? new Set(spec.only) : null;
  const pattern = findPattern(spec);
  for (const cell of cells) {
    if (only && !only.has(cell.id)) continue;
    const text = nfc(cell.text);
    const count = text.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    if (cell.approved && !spec.includeApproved) {
      skippedApproved++;
      continue;
    }
    const after = text.replace(pattern, () => spec.replace);
    if (after === text) continue;
    hits.push({ id: cell.id, before: cell.text, after, count, approved: cell.approved });
    replaced += count;
  }
  return { hits, replaced, skippedApproved };
}
