import type { Segment, SegmentKind, TargetCell, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { markedTargets } from '../../../common/revision';
import { emptyCell } from '../project/cells';
import { diceBound, diceOf, grams, normalizeForCompare } from './similarity';

/** Dice similarity from which a row of the revised article counts as the same paragraph, changed. */
export const CHANGED_SIMILARITY = 0.5;
/** Gaps between unchanged rows up to this many row pairs are aligned exactly (LCS); larger ones in a window. */
const MAX_DP_CELLS = 40_000;
/** Similarity at which the next row in order is taken without looking further. */
const SURE_SIMILARITY = 0.8;
/** How far ahead in the previous version a changed row is looked for when a gap is too big to align exactly. */
const WINDOW = 12;

/** What {@link mergeRevision} returns. */
export interface MergedRevision {
  segments: Segment[];
  /** Rows of the previous version not found in the new one, with their translations. */
  removed: Segment[];
  counts: { new: number; changed: number; unchanged: number; removed: number };
}

/** Rows that may stand for each other across versions: text rows among themselves, pictures, captions. */
function groupOf(kind: SegmentKind): string {
  return kind === 'picture' || kind === 'caption' ? kind : 'text';
}

/**
 * A target whose source changed: the reviewer must look again. An approval is withdrawn (the text stays, as the
 * reviewer's); an untouched machine translation of the old text is dropped so the next translation run fills it
 * afresh instead of leaving a stale one that looks current. Edited text, comments and errors stay.
 */
function reopen(cell: TargetCell): TargetCell {
  if (cell.status === 'approved') {
    const { approvedAt: _a, approvedBy: _b, ...rest } = cell;
    return { ...rest, status: 'edited', revision: 'changed' };
  }
  if (cell.status === 'machine')
    return { ...emptyCell(), ...(cell.comment ? { comment: cell.comment } : {}), revision: 'changed' };
  return { ...cell, revision: 'changed' };
}

/** Longest strictly increasing subsequence of `values` (indices into it), O(n log n). */
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

/**
 * Carry translations over to a revised version of the same article (a wire story updated an hour later).
 *
 * - Rows whose text is unchanged (whitespace aside) keep their id, targets and statuses, even if they moved:
 *   `change: 'unchanged'` — or, when an earlier re-import flagged them `new`/`changed` and a language has not
 *   been approved since, that flag (and `previousSource`) stays, because the review it asks for is still owed;
 *   each language keeps its own mark (`TargetCell.revision`).
 * - Rows changed a little (character-bigram Dice ≥ {@link CHANGED_SIMILARITY}, aligned in document order) keep
 *   their id and targets but get `change: 'changed'` and `previousSource` (the text the translations were made
 *   from); approved targets go back to `edited`, untouched machine translations are cleared for a fresh run;
 *   every language is marked `revision: 'changed'`.
 * - Other rows are `change: 'new'` with empty targets marked `revision: 'new'`; previous rows not matched are
 *   returned in `removed`.
 *
 * Kind, text and picture link come from the new version; ids, targets and the reviewer's translate choice from
 * the previous one. Ids stay unique across `segments` and `removed`. Exact matches are anchored first (longest
 * in-order run), then the rows between anchors are aligned by similarity, exactly for small gaps and within a
 * bounded window for large ones, so revising a 10,000-paragraph text stays fast.
 */
export function mergeRevision(previous: readonly Segment[], next: readonly Segment[]): MergedRevision {
  // Exact text is the key; rows that differ only in spacing are paired by similarity (Dice ignores whitespace)
  // and then still count as unchanged. Normalising every key up front costs more than it finds.
  const keyOf = (s: Segment) => `${groupOf(s.kind)}\u0000${s.source}`;
  const sameText = (i: number, j: number) =>
    prevKeys[i] === nextKeys[j] ||
    (similarity(i, j) === 1 &&
      normalizeForCompare(previous[i]!.source) === normalizeForCompare(next[j]!.source));
  const prevKeys = previous.map(keyOf);
  const nextKeys = next.map(keyOf);
  /** previous index matched by each next row, or -1. */
  const match = new Array<number>(next.length).fill(-1);
  const prevUsed = new Uint8Array(previous.length);

  // 1. Exact anchors: the n-th copy of a text in the new version pairs with the n-th copy in the old one; the
  //    longest in-order run of such pairs fixes the alignment.
  const positions = new Map<string, number[]>();
  prevKeys.forEach((k, i) => {
    const list = positions.get(k);
    if (list) list.push(i);
    else positions.set(k, [i]);
  });
  const seen = new Map<string, number>();
  const pairs: Array<{ i: number; j: number }> = [];
  nextKeys.forEach((k, j) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const i = positions.get(k)?.[n];
    if (i !== undefined) pairs.push({ i, j });
  });
  for (const k of longestIncreasing(pairs.map((p) => p.i))) {
    const { i, j } = pairs[k]!;
    match[j] = i;
    prevUsed[i] = 1;
  }

  // 2. Between anchors, pair rows by similarity.
  const gramCache = new Map<Segment, Uint32Array>();
  const gramsOf = (s: Segment) => {
    let g = gramCache.get(s);
    if (!g) gramCache.set(s, (g = grams(s.source)));
    return g;
  };
  const similarity = (i: number, j: number): number => {
    const p = previous[i]!;
    const n = next[j]!;
    if (groupOf(p.kind) !== groupOf(n.kind)) return 0;
    if (prevKeys[i] === nextKeys[j]) return 1;
    const a = gramsOf(p);
    const b = gramsOf(n);
    if (diceBound(a.length, b.length) < CHANGED_SIMILARITY) return 0;
    return diceOf(a, b);
  };
  const alignGap = (p0: number, p1: number, n0: number, n1: number) => {
    const m = p1 - p0;
    const n = n1 - n0;
    if (m <= 0 || n <= 0) return;
    if (m * n <= MAX_DP_CELLS) {
      // Weighted LCS: as many pairs as possible, the more similar the better.
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
          match[n0 + j - 1] = p0 + i - 1;
          prevUsed[p0 + i - 1] = 1;
          i--;
          j--;
        }
      }
      return;
    }
    let from = p0;
    for (let j = n0; j < n1 && from < p1; j++) {
      // Revisions keep the order, so the next unused old row is nearly always the one: take it when it is
      // clearly the same paragraph, and search the window only otherwise.
      const direct = similarity(from, j);
      if (direct >= SURE_SIMILARITY) {
        match[j] = from;
        prevUsed[from] = 1;
        from++;
        continue;
      }
      let best = -1;
      let bestSim = -1;
      for (let i = from; i < Math.min(p1, from + WINDOW); i++) {
        const sim = similarity(i, j);
        if (sim >= CHANGED_SIMILARITY && sim > bestSim) {
          best = i;
          bestSim = sim;
        }
      }
      if (best !== -1) {
        match[j] = best;
        prevUsed[best] = 1;
        from = best + 1;
      }
    }
  };
  let lastPrev = -1;
  let lastNext = -1;
  for (let j = 0; j <= next.length; j++) {
    if (j < next.length && match[j] === -1) continue;
    const i = j < next.length ? match[j]! : previous.length;
    alignGap(lastPrev + 1, i, lastNext + 1, j);
    lastPrev = i;
    lastNext = j;
  }

  // 3. Unchanged rows that moved (a paragraph shifted up) still keep their translations.
  const unusedByKey = new Map<string, number[]>();
  prevKeys.forEach((k, i) => {
    if (prevUsed[i]) return;
    const list = unusedByKey.get(k);
    if (list) list.push(i);
    else unusedByKey.set(k, [i]);
  });
  nextKeys.forEach((k, j) => {
    if (match[j] !== -1) return;
    const i = unusedByKey.get(k)?.shift();
    if (i === undefined) return;
    match[j] = i;
    prevUsed[i] = 1;
  });

  // 4. Build the rows.
  const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  const taken = new Set<string>(previous.map((s) => s.id));
  const finalId = new Map<string, string>();
  const segments = next.map((s, j): Segment => {
    const i = match[j]!;
    const { change: _c, previousSource: _p, ...fresh } = s;
    if (i === -1) {
      counts.new++;
      let id = s.id;
      for (let n = 2; taken.has(id); n++) id = `${s.id}-r${n}`;
      taken.add(id);
      finalId.set(s.id, id);
      const cell = (): TargetCell => ({ ...emptyCell(), revision: 'new' });
      return { ...fresh, id, targets: { vi: cell(), en: cell() }, change: 'new' };
    }
    const old = previous[i]!;
    finalId.set(s.id, old.id);
    const carried = { ...fresh, id: old.id, translate: old.translate };
    if (sameText(i, j)) {
      counts.unchanged++;
      const pending = old.change === 'new' || old.change === 'changed';
      return {
        ...carried,
        targets: pending ? markedTargets(old) : old.targets,
        change: pending ? old.change : 'unchanged',
        ...(pending && old.previousSource !== undefined ? { previousSource: old.previousSource } : {}),
      };
    }
    counts.changed++;
    const targets = Object.fromEntries(TARGET_LANGS.map((l) => [l, reopen(old.targets[l])])) as Record<
      TargetLang,
      TargetCell
    >;
    const basis =
      old.change === 'changed' && old.previousSource !== undefined ? old.previousSource : old.source;
    return { ...carried, targets, change: 'changed', previousSource: basis };
  });
  for (const s of segments) if (s.linkedTo !== undefined) s.linkedTo = finalId.get(s.linkedTo) ?? s.linkedTo;

  const removed = previous.filter((_, i) => !prevUsed[i]);
  counts.removed = removed.length;
  return { segments, removed, counts };
}
