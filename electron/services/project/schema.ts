import type { Generated, Kysely } from 'kysely';
import type { DbDialect, DomainMigration } from '../db';

/**
 * Tables of the project store. JSON columns (`*_json`) hold the parts nobody queries by (optional fields, including
 * ones added later by other features), so a new optional field round-trips without a migration.
 */
export interface ProjectTables {
  projects: {
    id: string;
    name: string;
    english_variant: string;
    source_json: string;
    glossary_json: string;
    /** Every other project field (e.g. `removed`, `exportBaselines`), as one JSON object. */
    extras_json: string;
    created_at: string;
    updated_at: string;
    deleted_at: string | null;
    /**
     * Bumped by every change of rows, order or project fields (not by cell edits, which carry their own `rev`): a
     * process whose copy has another version recomputes its change on fresh data.
     */
    version: number;
  };
  segments: {
    project_id: string;
    id: string;
    position: number;
    kind: string;
    source: string;
    /** 1 when the row is translated (a column so progress is one query). */
    translate: number;
    /** The segment's other fields (imageUrl, linkedTo, change, previousSource, future ones). */
    data_json: string;
  };
  cells: {
    project_id: string;
    segment_id: string;
    lang: string;
    text: string;
    status: string;
    rev: number;
    /** The cell's other fields (mt, suggestion, comment, approvedBy, ...). */
    data_json: string;
  };
  change_groups: {
    id: Generated<number>;
    project_id: string;
    actor_id: string;
    actor_name: string;
    origin: string;
    at: string;
    /** done (undoable), undone (redoable), dropped (redo no longer possible), meta (an undo/redo itself). */
    state: string;
    /** The undo group that undid this one: orders the redo stack. */
    undone_by: number | null;
    /** For changes that add, remove or reorder rows: order and project fields before and after (JSON). */
    structure_json: string | null;
  };
  segment_changes: {
    id: Generated<number>;
    group_id: number;
    project_id: string;
    segment_id: string;
    /** The whole segment before and after the change (JSON), null when it did not exist. */
    before_json: string | null;
    after_json: string | null;
  };
  app_state: { key: string; value: string };
  /**
   * Saves already committed, by the sender's key: a save sent again because its answer was lost is told it
   * succeeded (with the revision it made) instead of being a conflict with itself. Kept a day.
   */
  save_keys: {
    actor_id: string;
    key: string;
    project_id: string;
    segment_id: string;
    lang: string;
    rev: number;
    at: string;
    /**
     * What a change of many rows (undo, redo, replace-all) answered besides its rows (JSON: the step's kind, the
     * counts); `rev` then holds the id of the change group it wrote (0: it changed nothing).
     */
    answer_json?: string | null;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** An auto-increment integer key, spelled per engine. */
function serialKey(dialect: DbDialect): 'serial' | 'integer' {
  return dialect === 'postgres' ? 'serial' : 'integer';
}

async function createTables(db: AnyDb, dialect: DbDialect): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('english_variant', 'text', (c) => c.notNull())
    .addColumn('source_json', 'text', (c) => c.notNull())
    .addColumn('glossary_json', 'text', (c) => c.notNull())
    .addColumn('extras_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('segments')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('translate', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('segments_pk', ['project_id', 'id'])
    .execute();
  await db.schema
    .createTable('cells')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cells_pk', ['project_id', 'segment_id', 'lang'])
    .execute();
  await db.schema
    .createTable('change_groups')
    .addColumn('id', serialKey(dialect), (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'integer')
    .addColumn('structure_json', 'text')
    .execute();
  await db.schema
    .createTable('segment_changes')
    .addColumn('id', serialKey(dialect), (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema
    .createTable('app_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function createIndexes(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('segments_by_position')
    .on('segments')
    .columns(['project_id', 'position'])
    .execute();
  await db.schema
    .createIndex('groups_by_actor')
    .on('change_groups')
    .columns(['project_id', 'actor_id', 'state'])
    .execute();
  await db.schema.createIndex('changes_by_group').on('segment_changes').column('group_id').execute();
  await db.schema
    .createIndex('changes_by_segment')
    .on('segment_changes')
    .columns(['project_id', 'segment_id'])
    .execute();
}

/**
 * Revision marks per language (`TargetCell.revision`): a row a revision merge flagged `new`/`changed` used to lose
 * its flag at the first approval, so a row still flagged is owed by every language not approved. Written out into
 * each such cell; the row's flag stays. Kysely's builders only: the same on SQLite and PostgreSQL.
 */
async function revisionPerLanguage(db: AnyDb): Promise<void> {
  const rows: { project_id: string; id: string; data_json: string }[] = await db
    .selectFrom('segments')
    .select(['project_id', 'id', 'data_json'])
    .where('data_json', 'like', '%"change":%')
    .execute();
  for (const row of rows) {
    const change = (JSON.parse(row.data_json) as { change?: string }).change;
    if (change !== 'new' && change !== 'changed') continue;
    const cells: { lang: string; status: string; data_json: string }[] = await db
      .selectFrom('cells')
      .select(['lang', 'status', 'data_json'])
      .where('project_id', '=', row.project_id)
      .where('segment_id', '=', row.id)
      .execute();
    for (const cell of cells) {
      const data = JSON.parse(cell.data_json) as { revision?: string };
      if (cell.status === 'approved' || data.revision) continue;
      await db
        .updateTable('cells')
        .set({ data_json: JSON.stringify({ ...data, revision: change }) })
        .where('project_id', '=', row.project_id)
        .where('segment_id', '=', row.id)
        .where('lang', '=', cell.lang)
        .execute();
    }
  }
}

/** The storage domain's migrations (0100–0199), registered in `services/db/migrations.ts`. */
export const PROJECT_MIGRATIONS: readonly DomainMigration[] = [
  { name: '0100-storage-projects', up: createTables },
  { name: '0101-storage-indexes', up: (db) => createIndexes(db) },
  {
    name: '0102-storage-version',
    up: (db) =>
      db.schema
        .alterTable('projects')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute(),
  },
  { name: '0103-storage-revision-per-language', up: (db) => revisionPerLanguage(db) },
  {
    name: '0104-storage-save-keys',
    up: async (db) => {
      await db.schema
        .createTable('save_keys')
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('rev', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('save_keys_pk', ['actor_id', 'key'])
        .execute();
      await db.schema.createIndex('save_keys_at').on('save_keys').column('at').execute();
    },
  },
  {
    name: '0105-storage-save-key-answers',
    up: (db) => db.schema.alterTable('save_keys').addColumn('answer_json', 'text').execute(),
  },
];
