import type { Insertable, Selectable } from 'kysely';
import type { ProjectDb } from './repository';
import type { ProjectTables } from './schema';

/** A change group as stored. */
export type GroupRow = Selectable<ProjectTables['change_groups']>;
/** One row's change as stored. */
export type ChangeRow = Selectable<ProjectTables['segment_changes']>;

/** Record a new change group; returns its id. */
export async function insertGroup(
  db: ProjectDb,
  g: Insertable<ProjectTables['change_groups']>,
): Promise<number> {
  const r = await db.insertInto('change_groups').values(g).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Record the rows a group changed (whole segments before/after, as JSON). */
export async function insertChanges(
  db: ProjectDb,
  rows: Array<Insertable<ProjectTables['segment_changes']>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('segment_changes')
      .values(rows.slice(i, i + 400))
      .execute();
  }
}

/** A new change by this actor makes what they undid no longer redoable. */
export async function dropRedo(db: ProjectDb, projectId: string, actorId: string): Promise<void> {
  await db
    .updateTable('change_groups')
    .set({ state: 'dropped' })
    .where('project_id', '=', projectId)
    .where('actor_id', '=', actorId)
    .where('state', '=', 'undone')
    .execute();
}

/** The actor's newest group in a project in `state`, newest by `order`. */
function lastGroup(
  db: ProjectDb,
  projectId: string,
  actorId: string,
  state: 'done' | 'undone',
  order: 'id' | 'undone_by',
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('change_groups')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('actor_id', '=', actorId)
    .where('state', '=', state)
    .orderBy(order, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The actor's last undoable group in a project. */
export function lastDone(db: ProjectDb, projectId: string, actorId: string): Promise<GroupRow | undefined> {
  return lastGroup(db, projectId, actorId, 'done', 'id');
}

/** The actor's most recently undone group in a project (the one redo brings back). */
export function lastUndone(db: ProjectDb, projectId: string, actorId: string): Promise<GroupRow | undefined> {
  return lastGroup(db, projectId, actorId, 'undone', 'undone_by');
}

/** Mark a group undone (by the undo group `by`) or done again (by null). */
export async function setGroupState(
  db: ProjectDb,
  id: number,
  state: string,
  by: number | null,
): Promise<void> {
  await db.updateTable('change_groups').set({ state, undone_by: by }).where('id', '=', id).execute();
}

/** The rows a group changed, in the order they were changed. */
export async function changesOf(db: ProjectDb, groupId: number): Promise<ChangeRow[]> {
  return db.selectFrom('segment_changes').selectAll().where('group_id', '=', groupId).orderBy('id').execute();
}

/** Every recorded change of one row, newest first, with its group's who/when/what. */
export async function segmentHistory(
  db: ProjectDb,
  projectId: string,
  segmentId: string,
): Promise<Array<ChangeRow & { actor_name: string; at: string; origin: string }>> {
  return db
    .selectFrom('segment_changes as c')
    .innerJoin('change_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select(['g.actor_name', 'g.at', 'g.origin'])
    .where('c.project_id', '=', projectId)
    .where('c.segment_id', '=', segmentId)
    .orderBy('c.id', 'desc')
    .execute();
}

/** One recorded change by id. */
export async function changeById(db: ProjectDb, id: number): Promise<ChangeRow | undefined> {
  return db.selectFrom('segment_changes').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The rows among `segmentIds` changed after group `groupId` by automatic fills alone (groups in state `auto`:
 * machine translation, the memory's pre-translation), and by nothing else.
 */
export async function autoFilledSince(
  db: ProjectDb,
  projectId: string,
  groupId: number,
  segmentIds: readonly string[],
): Promise<Set<string>> {
  const rows: Array<{ segment_id: string; state: string }> = [];
  // In parts: a revision merge may change more rows than a statement takes parameters.
  for (let i = 0; i < segmentIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('segment_changes as c')
        .innerJoin('change_groups as g', 'g.id', 'c.group_id')
        .select(['c.segment_id', 'g.state'])
        .where('c.project_id', '=', projectId)
        .where('c.group_id', '>', groupId)
        .where('c.segment_id', 'in', segmentIds.slice(i, i + 500))
        .execute()),
    );
  const other = new Set(rows.filter((r) => r.state !== 'auto').map((r) => r.segment_id));
  return new Set(rows.map((r) => r.segment_id).filter((id) => !other.has(id)));
}
