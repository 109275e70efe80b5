import type { Segment } from '../contract';
import { AppError, isAppError } from '../services/errors';
import type { ProjectDb } from '../services/project/repository';
import { claimSaveKey, findSaveKey, pruneSaveKeys, type SaveKey } from '../services/project/save-keys';
import type { ProjectStore } from '../services/project/store';

/**
 * What a keyed change changes: one cell (`lang` a language), a row's languages together (`en+vi`) or the row
 * itself ({@link ROW}). A key is its sender's and its scope's: the same key on another cell is a change of its own.
 */
export interface KeyScope {
  projectId: string;
  segmentId: string;
  lang: string;
}

/** The scope of a change of the row itself ("Keep original"), not of its cells. */
export const ROW = 'row';

/** The scope of a change of several languages of a row at once (approve row). */
export const langsScope = (langs: readonly string[]): string => [...new Set(langs)].sort().join('+');

/** Whether a recorded key is of the change of `scope`. */
const sameScope = (row: SaveKey, scope: KeyScope): boolean =>
  row.project_id === scope.projectId && row.segment_id === scope.segmentId && row.lang === scope.lang;

/** Old keys are forgotten after this many keyed changes (by each process; any of them may do it). */
const PRUNE_EVERY = 1000;
let keyed = 0;

/**
 * Record a keyed change in the transaction that commits it (`rev`: the revision it makes, 0 for a row), so
 * "committed" and "key known" are one fact. A key committed meanwhile (the same change sent twice at once, through
 * this process or another: the database's unique key on it decides) refuses this one, which rolls back; the
 * sender is then answered by {@link keyedOnce} with the row the other one stored.
 */
export function keyRecorder(
  store: ProjectStore,
  scope: KeyScope,
  key: string,
  rev: () => number = () => 0,
): (db: ProjectDb) => Promise<void> {
  const actorId = store.actor().id;
  return async (db) => {
    const row = {
      actor_id: actorId,
      key,
      project_id: scope.projectId,
      segment_id: scope.segmentId,
      lang: scope.lang,
      rev: rev(),
      at: new Date().toISOString(),
    };
    if (await claimSaveKey(db, row)) return;
    // (Read committed: the other change's record is seen once its transaction committed.) The same key on
    // another cell is a change of its own; the key stays the first one's.
    const held = await findSaveKey(db, actorId, key);
    if (held && sameScope(held, scope)) throw new AppError('api.keyReused');
  };
}

/**
 * Run a change that carries its sender's key at most once: a change whose key is already committed (its answer
 * was lost, and it comes again, through this process or another) is answered with the row as the database holds
 * it now — done, not a conflict with the sender's own change, nor applied a second time over a colleague's. One
 * that fails while the same change, still on its way, committed meanwhile is the sender's own too.
 */
export function keyedOnce(
  store: ProjectStore,
  scope: KeyScope,
  key: string | undefined,
  change: () => Promise<Segment>,
): Promise<Segment> {
  return keyedAnswer(store, scope, key, change, () => store.fresh(scope.projectId, scope.segmentId));
}

/**
 * {@link keyedOnce} for any change: `answer` tells a change found committed under its key (its record: the
 * revision or group it made, its answer's JSON) what it answers now.
 */
export async function keyedAnswer<T>(
  store: ProjectStore,
  scope: KeyScope,
  key: string | undefined,
  change: () => Promise<T>,
  answer: (done: SaveKey) => Promise<T>,
): Promise<T> {
  if (!key) return change();
  if (++keyed % PRUNE_EVERY === 0) void pruneSaveKeys(store.db, new Date()).catch(() => undefined);
  const actorId = store.actor().id;
  const committed = async (): Promise<T | null> => {
    const row = await findSaveKey(store.db, actorId, key);
    return row && sameScope(row, scope) ? answer(row) : null;
  };
  const earlier = await committed();
  if (earlier !== null) return earlier;
  try {
    return await change();
  } catch (e) {
    if (isAppError(e)) {
      const late = await committed();
      if (late !== null) return late;
    }
    throw e;
  }
}

/**
 * Run `change`; one that found nothing to do (`idle()` after it: approve an approved cell, "Keep original" on a
 * kept row) decided on this process's copy of the row, which may not have heard yet of another process's change to
 * it. The row is then read from the database and the change runs once more on it: a copy behind must not answer
 * "approved" for a cell a colleague has just edited. (A change that writes is checked by the write itself.)
 */
export async function decidedOnDatabase<T>(
  store: ProjectStore,
  ref: { projectId: string; segmentId: string },
  change: () => Promise<T>,
  idle: () => boolean,
): Promise<T> {
  const first = await change();
  if (!idle()) return first;
  await store.fresh(ref.projectId, ref.segmentId);
  return change();
}
