import { sql, type Kysely } from 'kysely';
import type { Project, ProjectSummary, Segment } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { assembleProject, assembleSegment, cellRow, projectRow, segmentRow } from './rows';
import type { ProjectTables } from './schema';

/**
 * The store's database handle (or a transaction on it). The SQL of the project store lives in this file, but for
 * cell rewrites in bulk (cell-update.ts).
 */
export type ProjectDb = Kysely<ProjectTables>;

const CHUNK = 400;

async function insertChunked<T extends keyof ProjectTables>(
  db: ProjectDb,
  table: T,
  rows: ProjectTables[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Each table's rows are its own insert shape; the generic signature cannot say so.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** A loaded project and the table rows it was built from (the store's diff baseline). */
export interface Loaded {
  project: Project;
  segments: ProjectTables['segments'][];
  cells: ProjectTables['cells'][];
  version: number;
}

/** Load a project with its rows in order; null when unknown (or in the trash unless `withDeleted`). */
export async function loadProject(db: ProjectDb, id: string, withDeleted = false): Promise<Project | null> {
  return (await loadProjectRows(db, id, withDeleted))?.project ?? null;
}

/** {@link loadProject}, also returning the rows read. */
export async function loadProjectRows(
  db: ProjectDb,
  id: string,
  withDeleted = false,
): Promise<Loaded | null> {
  let q = db.selectFrom('projects').selectAll().where('id', '=', id);
  if (!withDeleted) q = q.where('deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const segs = await db
    .selectFrom('segments')
    .selectAll()
    .where('project_id', '=', id)
    .orderBy('position')
    .execute();
  const cells = await db.selectFrom('cells').selectAll().where('project_id', '=', id).execute();
  const bySegment = new Map<string, Map<string, ProjectTables['cells']>>();
  for (const c of cells) {
    let m = bySegment.get(c.segment_id);
    if (!m) bySegment.set(c.segment_id, (m = new Map()));
    m.set(c.lang, c);
  }
  const segments = segs.map((s) => assembleSegment(s, bySegment.get(s.id) ?? new Map()));
  return { project: assembleProject(row, segments), segments: segs, cells, version: Number(row.version) };
}

/** Insert a whole new project (creation, migration, import of a project file). */
export async function insertProject(db: ProjectDb, p: Project): Promise<void> {
  await db
    .insertInto('projects')
    .values({ ...projectRow(p), deleted_at: null, version: 0 })
    .execute();
  await insertSegments(
    db,
    p.id,
    p.segments.map((s, i) => ({ segment: s, position: i })),
  );
}

/** Insert new rows with their cells. */
export async function insertSegments(
  db: ProjectDb,
  projectId: string,
  rows: Array<{ segment: Segment; position: number }>,
): Promise<void> {
  await insertChunked(
    db,
    'segments',
    rows.map((r) => segmentRow(projectId, r.segment, r.position)),
  );
  await insertChunked(
    db,
    'cells',
    rows.flatMap((r) => TARGET_LANGS.map((l) => cellRow(projectId, r.segment.id, l, r.segment.targets[l]))),
  );
}

/** Rewrite one row's own fields (not its cells). */
export async function updateSegmentRow(
  db: ProjectDb,
  projectId: string,
  s: Segment,
  position: number,
): Promise<void> {
  const { project_id: _p, id: _i, ...set } = segmentRow(projectId, s, position);
  await db
    .updateTable('segments')
    .set(set)
    .where('project_id', '=', projectId)
    .where('id', '=', s.id)
    .execute();
}

/** Move a row to another position. */
export async function updatePosition(
  db: ProjectDb,
  projectId: string,
  id: string,
  position: number,
): Promise<void> {
  await db
    .updateTable('segments')
    .set({ position })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .execute();
}

/** Rows (with their cells) of a project by id, as stored now: the fresh copy of rows another writer changed. */
export async function loadSegmentRows(
  db: ProjectDb,
  projectId: string,
  ids: string[],
): Promise<{ segments: ProjectTables['segments'][]; cells: ProjectTables['cells'][] }> {
  const segments: ProjectTables['segments'][] = [];
  const cells: ProjectTables['cells'][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    segments.push(
      ...(await db
        .selectFrom('segments')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('id', 'in', part)
        .execute()),
    );
    cells.push(
      ...(await db
        .selectFrom('cells')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('segment_id', 'in', part)
        .execute()),
    );
  }
  return { segments, cells };
}

/**
 * Remove rows (and their cells) that a change dropped. `revs` holds the revision each cell had when the change was
 * computed (`segmentId\u0000lang` → rev); returns false, having deleted what it found, when any cell had moved on
 * (the caller's transaction is then rolled back).
 */
export async function deleteSegments(
  db: ProjectDb,
  projectId: string,
  ids: string[],
  revs: ReadonlyMap<string, number>,
): Promise<boolean> {
  let same = true;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const gone = await db
      .deleteFrom('cells')
      .where('project_id', '=', projectId)
      .where('segment_id', 'in', part)
      .returning(['segment_id', 'lang', 'rev'])
      .execute();
    for (const c of gone) if (revs.get(`${c.segment_id}\u0000${c.lang}`) !== Number(c.rev)) same = false;
    await db.deleteFrom('segments').where('project_id', '=', projectId).where('id', 'in', part).execute();
  }
  return same;
}

/**
 * Rewrite the project's own row (name, glossary, extras...) and bump its version, if it still has `version`.
 * Returns false when another writer changed the project's rows or fields first.
 */
export async function updateProjectRow(db: ProjectDb, p: Project, version: number): Promise<boolean> {
  const { id: _i, ...set } = projectRow(p);
  const r = await db
    .updateTable('projects')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', p.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The project's version and change time as stored now (undefined when it is gone). */
export async function projectVersion(
  db: ProjectDb,
  id: string,
): Promise<{ version: number; updatedAt: string } | undefined> {
  const r = await db
    .selectFrom('projects')
    .select(['version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { version: Number(r.version), updatedAt: r.updated_at };
}

/** Only the change time (every committed change moves the project up the list). */
export async function touchProject(db: ProjectDb, id: string, at: string): Promise<void> {
  await db.updateTable('projects').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Move a project to the trash, or back (`at` null). Returns false when the project is unknown. */
export async function setDeleted(db: ProjectDb, id: string, at: string | null): Promise<boolean> {
  const r = await db.updateTable('projects').set({ deleted_at: at }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Projects (live or in the trash) with approved/total per language, most recently changed first. */
export async function listProjects(db: ProjectDb, trash: boolean): Promise<ProjectSummary[]> {
  let q = db.selectFrom('projects').select(['id', 'name', 'updated_at']);
  q = trash ? q.where('deleted_at', 'is not', null) : q.where('deleted_at', 'is', null);
  const projects = await q.orderBy('updated_at', 'desc').execute();
  if (projects.length === 0) return [];
  const counts = await db
    .selectFrom('cells as c')
    .innerJoin('segments as s', (j) =>
      j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'),
    )
    .select([
      'c.project_id',
      'c.lang',
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when c.status = 'approved' then 1 else 0 end)`.as('approved'),
    ])
    .where(
      'c.project_id',
      'in',
      projects.map((p) => p.id),
    )
    .where('s.translate', '=', 1)
    .where('s.kind', '<>', 'caption')
    .groupBy(['c.project_id', 'c.lang'])
    .execute();
  const key = (id: string, lang: string) => `${id}\u0000${lang}`;
  const byKey = new Map(counts.map((c) => [key(c.project_id, c.lang), c]));
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    updatedAt: p.updated_at,
    progress: TARGET_LANGS.map((lang) => {
      const c = byKey.get(key(p.id, lang));
      return { lang, approved: Number(c?.approved ?? 0), total: Number(c?.total ?? 0) };
    }),
  }));
}

/** A small app-wide value (e.g. the last opened project). */
export async function getState(db: ProjectDb, key: string): Promise<string | null> {
  const r = await db.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

/** Set an app-wide value. */
export async function setState(db: ProjectDb, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Run `fn` in one transaction. When a statement or the COMMIT fails, SQLite may already have rolled the
 * transaction back itself (e.g. on SQLITE_FULL, a disk that filled up while the log was written), so a ROLLBACK then
 * fails with "cannot rollback - no transaction is active": the statement's or the commit's error is the one worth
 * reporting (disk full, read-only…), and a failed rollback is only a consequence of it.
 */
export async function transact<T>(db: ProjectDb, fn: (trx: ProjectDb) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    const result = await fn(trx);
    await trx.commit().execute();
    return result;
  } catch (e) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw e;
  }
}
