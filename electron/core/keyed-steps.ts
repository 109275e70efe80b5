import type { ChangeOrigin, ReplaceResult, UndoResult } from '../contract';
import { AppError } from '../services/errors';
import type { ProjectDb } from '../services/project/repository';
import { changesOf } from '../services/project/history-repo';
import { claimSaveKey, recordSaveKey, type SaveKey } from '../services/project/save-keys';
import type { ProjectStore } from '../services/project/store';
import { redo, stepAnswer, undo } from '../services/project/undo';
import { currentCellCheck } from './actor';
import { keyedAnswer, type KeyScope } from './keyed';

// Keyed changes of many rows at once (undo, redo, replace-all): their scope is the project, not a row. Sent again
// after they committed (their answer lost), through this process or another, they are answered as done — with the
// rows they changed as the database holds them now — never applied a second time: an undo does not take back a
// second step, a replace-all does not replace again in what a colleague typed since.

/** The "row" of the scope of a change of a whole project (no row id has it). */
export const PROJECT = '*';

/** The scope of a keyed change of many rows of a project: `kind` is undo, redo or replace-all. */
export const stepScope = (projectId: string, kind: string): KeyScope => ({
  projectId,
  segmentId: PROJECT,
  lang: kind,
});

/**
 * The record of a keyed change of many rows: `within` writes it in the transaction that commits the change, with
 * the group the change wrote and its answer's small part, and refuses (rolls back) when the key committed
 * meanwhile (the same change sent twice before its answer came: the other one is done, this one must not be);
 * `settle` records a change that wrote nothing, so that sent again it is answered "nothing", not run again.
 */
export function stepKey(store: ProjectStore, scope: KeyScope, key: string) {
  const actorId = store.actor().id;
  let recorded = false;
  const row = (groupId: number, answer: unknown): SaveKey => ({
    actor_id: actorId,
    key,
    project_id: scope.projectId,
    segment_id: scope.segmentId,
    lang: scope.lang,
    rev: groupId,
    at: new Date().toISOString(),
    answer_json: JSON.stringify(answer),
  });
  return {
    async within(db: ProjectDb, groupId: number | null, answer: unknown): Promise<void> {
      if (!(await claimSaveKey(db, row(groupId ?? 0, answer)))) throw new AppError('api.keyReused');
      recorded = true;
    },
    async settle(answer: unknown): Promise<void> {
      if (!recorded) await recordSaveKey(store.db, row(0, answer));
    },
  };
}

/** The answer part a keyed change recorded. */
const answerOf = <T>(done: SaveKey): Partial<T> =>
  done.answer_json ? (JSON.parse(done.answer_json) as Partial<T>) : {};

/** Undo or redo the acting person's last step, at most once per key (see {@link stepKey}). */
export function keyedMove(
  store: ProjectStore,
  projectId: string,
  dir: 'undo' | 'redo',
  key: string | undefined,
): Promise<UndoResult> {
  // The transport's check (the desk's locks and assignments), taken while the request's context is current.
  const check = currentCellCheck();
  const move = dir === 'undo' ? undo : redo;
  if (!key) return move(store, projectId, check);
  const scope = stepScope(projectId, dir);
  const record = stepKey(store, scope, key);
  const run = async () => {
    const result = await move(store, projectId, check, (db, gid, origin) =>
      record.within(db, gid, { origin }),
    );
    await record.settle({ origin: result.origin });
    return result;
  };
  return keyedAnswer(store, scope, key, run, (done) =>
    stepAnswer(store, projectId, done.rev, answerOf<{ origin: ChangeOrigin }>(done).origin ?? null),
  );
}

/** The counts a replace-all answers (its rows are read again when it is sent again). */
export const replaceCounts = (r: Pick<ReplaceResult, 'replaced' | 'skippedApproved'>) => ({
  replaced: r.replaced,
  skippedApproved: r.skippedApproved,
});

/** What a replace-all that wrote group `done.rev` answers now: its rows as the database holds them, its counts. */
export async function replaceAnswer(
  store: ProjectStore,
  projectId: string,
  done: SaveKey,
): Promise<ReplaceResult> {
  const ids = new Set(done.rev ? (await changesOf(store.db, done.rev)).map((c) => c.segment_id) : []);
  const segments = ids.size ? (await store.committed(projectId)).segments.filter((s) => ids.has(s.id)) : [];
  const counts = answerOf<ReplaceResult>(done);
  return { segments, replaced: counts.replaced ?? 0, skippedApproved: counts.skippedApproved ?? 0 };
}
