import type { Project } from '../../contract';
import { dropRedo, insertChanges, insertGroup } from './history-repo';
import type { Plan } from './plan';
import * as repo from './repository';
import type { ProjectDb } from './repository';

/** Who made a change and how it is grouped for undo. */
export interface GroupSpec {
  actorId: string;
  actorName: string;
  origin: string;
  at: string;
  /** `meta` for undo/redo themselves (not undoable, do not clear the redo stack). */
  state: 'done' | 'meta';
  /** Append to this existing group instead of starting one (a typing burst). */
  appendTo?: number;
  /** False when this actor is known to have nothing to redo (saves a statement per edit). */
  dropRedo?: boolean;
}

/** Write a plan's rows, cells and project fields, and its history; returns the change group id (or null). */
export async function writePlan(
  db: ProjectDb,
  p: Project,
  plan: Plan,
  group: GroupSpec,
): Promise<number | null> {
  if (plan.inserted.length) await repo.insertSegments(db, p.id, plan.inserted);
  for (const u of plan.rowUpdates) await repo.updateSegmentRow(db, p.id, u.segment, u.position);
  for (const m of plan.positions) await repo.updatePosition(db, p.id, m.id, m.position);
  for (const c of plan.cellUpdates) await repo.updateCell(db, p.id, c.segment, c.lang);
  if (plan.deleted.length) await repo.deleteSegments(db, p.id, plan.deleted);
  if (plan.metaChanged) await repo.updateProjectRow(db, p);
  else await repo.touchProject(db, p.id, p.updatedAt);
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
