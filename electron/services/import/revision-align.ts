import type { Segment, SegmentKind } from '../../contract';
import { diceBound, diceOf, grams, normalizeForCompare } from './similarity';

/** Dice similarity from which a row of the revised article counts as the same paragraph, changed. */
export const CHANGED_SIMILARITY = 0.5;
/** Gaps between unchanged rows up to this many row pairs are aligned exactly (LCS); larger ones in a window. */
const MAX_DP_CELLS = 40_000;
/** Similarity at which the next row in order is taken without looking further. */
const SURE_SIMILARITY = 0.8;
/** How far ahead in the previous version a changed row is looked for when a gap is too big to align exactly. */
const WINDOW = 12;

/** Which previous row each next row stands for: `match[j]` is a previous index or -1. */
export interface Alignment {
  match: number[];
  prevUsed: Uint8Array;
}

/** Similarity of previous row `i` and next row `j`, 0..1 (0 across kinds, 1 for the same key). */
export type Similarity = (i: number, j: number) => number;

/** Rows that may stand for each other across versions: text rows among themselves, pictures, captions. */
function groupOf(kind: SegmentKind): string {
  return kind === 'picture' || kind === 'caption' ? kind : 'text';
}

/** Takes a row, gives its exact-match key (group and source text). */
export function keyOf(s: Segment): string {
  return `${groupOf(s.kind)}\u0000${s.source}`;
}

/** Takes both versions' row counts, gives an empty alignment. */
function emptyAlignment(previous: number, next: number): Alignment {
  return { match: new Array<number>(next).fill(-1), prevUsed: new Uint8Array(previous) };
}

/** Takes an alignment and a pair of rows, records them as standing for each other. */
function pair(al: Alignment, i: number, j: number): void {
  al.match[j] = i;
  al.prevUsed[i] = 1;
}

/** Takes both versions and their keys, gives a cached similarity of two rows (character-bigram Dice). */
export function similarityOf(
  previous: readonly Segment[],
  next: readonly Segment[],
  prevKeys: readonly string[],
  nextKeys: readonly string[],
): Similarity {
  const gramCache = new Map<Segment, Uint32Array>();
  const gramsOf = (s: Segment) => {
    let g = gramCache.get(s);
    if (!g) gramCache.set(s, (g = grams(s.source)));
    return g;
  };
  return (i, j) => {
    const p = previous[i]!;
    const n = next[j]!;
    if (groupOf(p.kind) !== groupOf(n.kind)) return 0;
    if (prevKeys[i] === nextKeys[j]) return 1;
    const a = gramsOf(p);
    const b = gramsOf(n);
    if (diceBound(a.length, b.length) < CHANGED_SIMILARITY) return 0;
    return diceOf(a, b);
  };
}

/**
 * Takes both versions, their keys and similarity, gives whether rows `i` and `j` have the same text. Exact text
 * is the key; rows that differ only in spacing are paired by similarity (Dice ignores whitespace) and then still
 * count as unchanged. Normalising every key up front costs more than it finds.
 */
export function sameTextOf(
  previous: readonly Segment[],
  next: readonly Segment[],
  prevKeys: readonly string[],
  nextKeys: readonly string[],
  similarity: Similarity,
): (i: number, j: number) => boolean {
  return (i, j) =>
    prevKeys[i] === nextKeys[j] ||
    (similarity(i, j) === 1 &&
      normalizeForCompare(previous[i]!.source) === normalizeForCompare(next[j]!.source));
}

/** Takes a list of numbers, gives the indices of its longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const back = new Array<number>(values.length).fill(-1);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: number[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k !== -1; k = back[k]!) out.push(k);
  return out.reverse();
}

/** Takes keys, gives each key's indices in order. */
function indicesByKey(
  keys: readonly string[],
  keep: (i: number) => boolean = () => true,
): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!keep(i)) return;
    const list = positions.get(k);
    if (list) list.push(i);
    else positions.set(k, [i]);
  });
  return positions;
}

/**
 * Takes both versions' keys, gives the exact anchors: the n-th copy of a text in the new version pairs with the
 * n-th copy in the old one; the longest in-order run of such pairs fixes the alignment.
 */
export function anchorExact(prevKeys: readonly string[], nextKeys: readonly string[]): Alignment {
  const al = emptyAlignment(prevKeys.length, nextKeys.length);
  const positions = indicesByKey(prevKeys);
  const seen = new Map<string, number>();
  const pairs: Array<{ i: number; j: number }> = [];
  nextKeys.forEach((k, j) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const i = positions.get(k)?.[n];
    if (i !== undefined) pairs.push({ i, j });
  });
  for (const k of longestIncreasing(pairs.map((p) => p.i))) pair(al, pairs[k]!.i, pairs[k]!.j);
  return al;
}

/** A gap between anchors: previous rows `p0..p1`, next rows `n0..n1` (ends excluded). */
interface Gap {
  p0: number;
  p1: number;
  n0: number;
  n1: number;
}

/** Takes a small gap, pairs its rows by weighted LCS: as many pairs as possible, the more similar the better. */
function alignExactly(al: Alignment, { p0, p1, n0, n1 }: Gap, similarity: Similarity): void {
  const m = p1 - p0;
  const n = n1 - n0;
  const w = n + 1;
  const score = new Float64Array((m + 1) * w);
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      let best = Math.max(score[(i - 1) * w + j]!, score[i * w + j - 1]!);
      const sim = similarity(p0 + i - 1, n0 + j - 1);
      if (sim >= CHANGED_SIMILARITY) best = Math.max(best, score[(i - 1) * w + j - 1]! + 1 + sim);
      score[i * w + j] = best;
    }
  for (let i = m, j = n; i > 0 && j > 0;) {
    const here = score[i * w + j]!;
    if (here === score[(i - 1) * w + j]) i--;
    else if (here === score[i * w + j - 1]) j--;
    else {
      pair(al, p0 + i - 1, n0 + j - 1);
      i--;
      j--;
    }
  }
}

/** Takes previous rows `from..p1` and next row `j`, gives the most similar within the window, or -1. */
function bestInWindow(from: number, p1: number, j: number, similarity: Similarity): number {
  let best = -1;
  let bestSim = -1;
  for (let i = from; i < Math.min(p1, from + WINDOW); i++) {
    const sim = similarity(i, j);
    if (sim >= CHANGED_SIMILARITY && sim > bestSim) {
      best = i;
      bestSim = sim;
    }
  }
  return best;
}

/** Takes a large gap, pairs its rows in order, each with the most similar old row within a bounded window. */
function alignInWindow(al: Alignment, { p0, p1, n0, n1 }: Gap, similarity: Similarity): void {
  let from = p0;
  for (let j = n0; j < n1 && from < p1; j++) {
    // Revisions keep the order, so the next unused old row is nearly always the one: take it when it is
    // clearly the same paragraph, and search the window only otherwise.
    const best = similarity(from, j) >= SURE_SIMILARITY ? from : bestInWindow(from, p1, j, similarity);
    if (best !== -1) {
      pair(al, best, j);
      from = best + 1;
    }
  }
}

/** Takes an anchored alignment, pairs the rows between anchors by similarity (exactly or in a window). */
export function alignGaps(al: Alignment, similarity: Similarity): void {
  const previous = al.prevUsed.length;
  const next = al.match.length;
  let lastPrev = -1;
  let lastNext = -1;
  for (let j = 0; j <= next; j++) {
    if (j < next && al.match[j] === -1) continue;
    const i = j < next ? al.match[j]! : previous;
    const gap = { p0: lastPrev + 1, p1: i, n0: lastNext + 1, n1: j };
    const cells = (gap.p1 - gap.p0) * (gap.n1 - gap.n0);
    if (gap.p1 > gap.p0 && gap.n1 > gap.n0) {
      if (cells <= MAX_DP_CELLS) alignExactly(al, gap, similarity);
      else alignInWindow(al, gap, similarity);
    }
    lastPrev = i;
    lastNext = j;
  }
}

/** Takes an alignment and both versions' keys, pairs unchanged rows that moved (a paragraph shifted up). */
export function matchMoved(al: Alignment, prevKeys: readonly string[], nextKeys: readonly string[]): void {
  const unusedByKey = indicesByKey(prevKeys, (i) => !al.prevUsed[i]);
  nextKeys.forEach((k, j) => {
    if (al.match[j] !== -1) return;
    const i = unusedByKey.get(k)?.shift();
    if (i !== undefined) pair(al, i, j);
  });
}
