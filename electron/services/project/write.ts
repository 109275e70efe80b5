import type { Project } from '../../contract';
import { dropRedo, insertChanges, insertGroup } from './history-repo';
import { updateCells } from './cell-update';
import { StaleError } from './concurrency';
import { changesStructure, type Plan, type Written } from './plan';
import * as repo from './repository';
import type { ProjectDb } from './repository';

/** Who made a change and how it is grouped for undo. */
export interface GroupSpec {
  actorId: string;
  actorName: string;
  origin: string;
  at: string;
  /**
   * `meta` for undo/redo themselves, `auto` for automatic fills (machine translation, the memory's
   * pre-translation): both are recorded in the history but are no undo step and do not clear the redo stack.
   */
  state: 'done' | 'meta' | 'auto';
  /** Append to this existing group instead of starting one (a typing burst). */
  appendTo?: number;
  /** False when this actor is known to have nothing to redo (saves a statement per edit). */
  dropRedo?: boolean;
}

/** A cell edit moves the project up the list at most this often (the project row is not a hot spot of every save). */
const TOUCH_EVERY_MS = 2000;

/**
 * Write a plan's rows, cells and project fields, and its history; returns the change group id (or null). Every
 * write is conditional on what `base` says the database holds: a cell on its revision, rows and project fields on
 * the project's version. When another writer moved on, {@link StaleError} rolls the transaction back.
 */
export async function writePlan(
  db: ProjectDb,
  p: Project,
  plan: Plan,
  group: GroupSpec,
  base: Written,
): Promise<number | null> {
  if (changesStructure(plan)) {
    if (!(await repo.updateProjectRow(db, p, base.version))) throw new StaleError(null);
  } else {
    const stored = await repo.projectVersion(db, p.id);
    if (stored?.version !== base.version) throw new StaleError(null);
    if (Date.parse(p.updatedAt) - Date.parse(stored.updatedAt) >= TOUCH_EVERY_MS)
      await repo.touchProject(db, p.id, p.updatedAt);
  }
  if (plan.inserted.length) await repo.insertSegments(db, p.id, plan.inserted);
  for (const u of plan.rowUpdates) await repo.updateSegmentRow(db, p.id, u.segment, u.position);
  for (const m of plan.positions) await repo.updatePosition(db, p.id, m.id, m.position);
  const stale = await updateCells(db, p.id, plan.cellUpdates);
  if (stale.length) throw new StaleError(stale);
  if (plan.deleted.length && !(await repo.deleteSegments(db, p.id, plan.deleted, plan.deletedRevs)))
    throw new StaleError(null);
  if (!plan.changes.length) return null;
  let groupId = group.appendTo;
  if (groupId === undefined) {
    if (group.state === 'done' && group.dropRedo !== false) await dropRedo(db, p.id, group.actorId);
    groupId = await insertGroup(db, {
      project_id: p.id,
      actor_id: group.actorId,
      actor_name: group.actorName,
      origin: group.origin,
      at: group.at,
      state: group.state,
      undone_by: null,
      structure_json: plan.structure ? JSON.stringify(plan.structure) : null,
    });
  }
  const gid = groupId;
  await insertChanges(
    db,
    plan.changes.map((c) => ({
      group_id: gid,
      project_id: p.id,
      segment_id: c.segmentId,
      before_json: c.before,
      after_json: c.after,
    })),
  );
  return gid;
}
