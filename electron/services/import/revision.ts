import type { Segment, TargetCell, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { markedTargets } from '../../../common/revision';
import { emptyCell } from '../project/cells';
import { alignGaps, anchorExact, keyOf, matchMoved, sameTextOf, similarityOf } from './revision-align';

export { CHANGED_SIMILARITY } from './revision-align';

/** What {@link mergeRevision} returns. */
export interface MergedRevision {
  segments: Segment[];
  /** Rows of the previous version not found in the new one, with their translations. */
  removed: Segment[];
  counts: { new: number; changed: number; unchanged: number; removed: number };
}

type Counts = MergedRevision['counts'];

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

/** Takes a new row and the ids in use, gives it as a `new` row with empty targets and an id not yet taken. */
function newRow(fresh: Omit<Segment, 'change' | 'previousSource'>, taken: Set<string>): Segment {
  let id = fresh.id;
  for (let n = 2; taken.has(id); n++) id = `${fresh.id}-r${n}`;
  taken.add(id);
  const cell = (): TargetCell => ({ ...emptyCell(), revision: 'new' });
  return { ...fresh, id, targets: { vi: cell(), en: cell() }, change: 'new' };
}

/** Takes a carried row and its old version with the same text, gives it unchanged (or still pending review). */
function unchangedRow(
  carried: Omit<Segment, 'targets' | 'change' | 'previousSource'>,
  old: Segment,
): Segment {
  const pending = old.change === 'new' || old.change === 'changed';
  return {
    ...carried,
    targets: pending ? markedTargets(old) : old.targets,
    change: pending ? old.change : 'unchanged',
    ...(pending && old.previousSource !== undefined ? { previousSource: old.previousSource } : {}),
  };
}

/** Takes a carried row and its old version with other text, gives it `changed`, targets reopened. */
function changedRow(carried: Omit<Segment, 'targets' | 'change' | 'previousSource'>, old: Segment): Segment {
  const targets = Object.fromEntries(TARGET_LANGS.map((l) => [l, reopen(old.targets[l])])) as Record<
    TargetLang,
    TargetCell
  >;
  const basis =
    old.change === 'changed' && old.previousSource !== undefined ? old.previousSource : old.source;
  return { ...carried, targets, change: 'changed', previousSource: basis };
}

/** Takes both versions, the match of each new row and a same-text test, gives the merged rows and counts them. */
function buildRows(
  previous: readonly Segment[],
  next: readonly Segment[],
  match: readonly number[],
  sameText: (i: number, j: number) => boolean,
  counts: Counts,
): Segment[] {
  const taken = new Set<string>(previous.map((s) => s.id));
  const finalId = new Map<string, string>();
  const segments = next.map((s, j): Segment => {
    const i = match[j]!;
    const { change: _c, previousSource: _p, ...fresh } = s;
    if (i === -1) {
      counts.new++;
      const row = newRow(fresh, taken);
      finalId.set(s.id, row.id);
      return row;
    }
    const old = previous[i]!;
    finalId.set(s.id, old.id);
    const carried = { ...fresh, id: old.id, translate: old.translate };
    if (!sameText(i, j)) {
      counts.changed++;
      return changedRow(carried, old);
    }
    counts.unchanged++;
    return unchangedRow(carried, old);
  });
  for (const s of segments) if (s.linkedTo !== undefined) s.linkedTo = finalId.get(s.linkedTo) ?? s.linkedTo;
  return segments;
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
  const prevKeys = previous.map(keyOf);
  const nextKeys = next.map(keyOf);
  const similarity = similarityOf(previous, next, prevKeys, nextKeys);
  const alignment = anchorExact(prevKeys, nextKeys);
  alignGaps(alignment, similarity);
  matchMoved(alignment, prevKeys, nextKeys);
  const counts: Counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  const sameText = sameTextOf(previous, next, prevKeys, nextKeys, similarity);
  const segments = buildRows(previous, next, alignment.match, sameText, counts);
  const removed = previous.filter((_, i) => !alignment.prevUsed[i]);
  counts.removed = removed.length;
  return { segments, removed, counts };
}
