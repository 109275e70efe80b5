import { sql, type Kysely } from 'kysely';
import type { DbDialect, DomainMigration } from '../db';
import { deskFromProjects, deskOfExistingRows } from '../db/desk-scope';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before any repository types its tables */

/** Auto-increment key: SQLite's rowid alias, PostgreSQL's identity sequence. */
function idColumn(db: Kysely<any>, dialect: DbDialect, table = 'tm_unit') {
  return db.schema
    .createTable(table)
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    );
}

/**
 * The translation memory: one row per distinct (source, language, target) pair. Texts are not indexed directly
 * (a long paragraph exceeds PostgreSQL's b-tree row limit); their hashes are. Fuzzy candidates come from a trigram
 * index: FTS5's trigram tokenizer on SQLite (an external-content table kept in step by triggers), pg_trgm on
 * PostgreSQL.
 */
const units: DomainMigration = {
  name: '0200-tm-units',
  async up(db, dialect) {
    await idColumn(db, dialect)
      .addColumn('pair_hash', 'text', (c) => c.notNull().unique())
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text')
      .addColumn('next_hash', 'text')
      .addColumn('project_id', 'text')
      .addColumn('project_name', 'text')
      .addColumn('reviewer', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('tm_unit_source').on('tm_unit').columns(['source_hash', 'lang']).execute();
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE tm_fts USING fts5(source, content='tm_unit', content_rowid='id', tokenize='trigram')`.execute(
        db,
      );
      await ftsTriggers(db);
    } else {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX tm_unit_source_trgm ON tm_unit USING gin (source gin_trgm_ops)`.execute(db);
    }
  },
};

/**
 * The machine-translation cache: one row per exact request (source, DeepL target, model, glossary version and the
 * context sent), its translation, the characters DeepL billed for it and when it was last used (LRU cap).
 * `key` is the hash of the parts (`cacheKey`); the parts are kept too (the context as its hash: an article context
 * is long), except for entries moved over from the old JSON-lines file, which only had the key.
 */
const mtCache: DomainMigration = {
  name: '0250-mt-cache',
  async up(db) {
    await db.schema
      .createTable('mt_cache')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text')
      .addColumn('target_lang', 'text')
      .addColumn('model', 'text')
      .addColumn('glossary_hash', 'text')
      .addColumn('context_hash', 'text')
      .addColumn('translation', 'text', (c) => c.notNull())
      .addColumn('billed_characters', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mt_cache_last_used').on('mt_cache').column('last_used').execute();
  },
};

/** The trigger indexing a new unit's source (a bulk load sets it aside and indexes its rows at once). */
export const INSERT_TRIGGER_SQL = `CREATE TRIGGER tm_unit_ai AFTER INSERT ON tm_unit BEGIN
    INSERT INTO tm_fts(rowid, source) VALUES (new.id, new.source); END`;

/** The FTS5 triggers keeping the trigram index in step with `tm_unit` (dropped with the table they are on). */
async function ftsTriggers(db: Kysely<any>): Promise<void> {
  await sql.raw(INSERT_TRIGGER_SQL).execute(db);
  await sql`CREATE TRIGGER tm_unit_ad AFTER DELETE ON tm_unit BEGIN
    INSERT INTO tm_fts(tm_fts, rowid, source) VALUES ('delete', old.id, old.source); END`.execute(db);
  await sql`CREATE TRIGGER tm_unit_au AFTER UPDATE OF source ON tm_unit BEGIN
    INSERT INTO tm_fts(tm_fts, rowid, source) VALUES ('delete', old.id, old.source);
    INSERT INTO tm_fts(rowid, source) VALUES (new.id, new.source); END`.execute(db);
}

const UNIT_COLUMNS = sql.raw(
  'id, pair_hash, source_hash, source, target, lang, prev_hash, next_hash, project_id, project_name, reviewer, at',
);

/**
 * SQLite cannot drop the column's UNIQUE constraint on `pair_hash`: the table is rebuilt (in one transaction, ids
 * kept, so the external-content trigram index stays valid without reindexing) with the pair unique per desk.
 */
async function rebuildSqliteWithDesk(db: Kysely<any>, desk: string): Promise<void> {
  const columns = (await db.introspection.getTables()).find((t) => t.name === 'tm_unit')?.columns ?? [];
  if (columns.some((c) => c.name === 'desk')) return; // done already, before the migration was recorded
  await db.transaction().execute(async (trx) => {
    await idColumn(trx, 'sqlite', 'tm_unit_new')
      .addColumn('desk', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('pair_hash', 'text', (c) => c.notNull())
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text')
      .addColumn('next_hash', 'text')
      .addColumn('project_id', 'text')
      .addColumn('project_name', 'text')
      .addColumn('reviewer', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO tm_unit_new (desk, ${UNIT_COLUMNS})
      SELECT ${desk}, ${UNIT_COLUMNS} FROM tm_unit`.execute(trx);
    await trx.schema.dropTable('tm_unit').execute();
    await sql`ALTER TABLE tm_unit_new RENAME TO tm_unit`.execute(trx);
    await ftsTriggers(trx);
    await deskIndexes(trx);
  });
}

/**
 * The b-tree indexes of the per-desk memory: one unit per pair and desk, exact lookups. The desk comes last on
 * purpose: an index leading with it would offer PostgreSQL's planner a cheap-looking way to read a whole desk and
 * filter it by similarity instead of asking the trigram index.
 */
async function deskIndexes(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('tm_unit_pair_desk')
    .on('tm_unit')
    .columns(['pair_hash', 'desk'])
    .unique()
    .execute();
  await db.schema
    .createIndex('tm_unit_source_desk')
    .on('tm_unit')
    .columns(['source_hash', 'lang', 'desk'])
    .execute();
}

/**
 * PostgreSQL: the column is added in place. The trigram GIN index stays on `source` alone and the candidate query
 * filters its few hits by desk: measured at 1,000,000 units (bench:desk), a two-column GIN index `(desk, source)`
 * (btree_gin) reads the desk's whole posting tree on every lookup and was 2.5 times slower (20 vs 8 ms p95).
 */
async function alterPostgresWithDesk(db: Kysely<any>, desk: string): Promise<void> {
  await db.schema
    .alterTable('tm_unit')
    .addColumn('desk', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  if (desk) await db.updateTable('tm_unit').set({ desk }).execute();
  await deskFromProjects(db, 'postgres', 'tm_unit');
  await sql`ALTER TABLE tm_unit DROP CONSTRAINT tm_unit_pair_hash_key`.execute(db);
  await db.schema.dropIndex('tm_unit_source').execute();
  await deskIndexes(db);
}

/**
 * The memory belongs to a desk (newsroom), not to the whole database: every unit carries its desk (`''` for the
 * embedded app), an identical pair is one unit per desk, and the b-tree indexes include the desk. Units stored before
 * go to the desk that used them (see `deskOfExistingRows`), so an upgrade keeps a desk's memory.
 */
const perDesk: DomainMigration = {
  name: '0201-tm-per-desk',
  async up(db, dialect) {
    const desk = await deskOfExistingRows(db, dialect);
    if (dialect === 'sqlite') await rebuildSqliteWithDesk(db, desk);
    else await alterPostgresWithDesk(db, desk);
  },
};

/** The translation memory's and the MT cache's migrations (0200–0299), in order. */
export const TM_MIGRATIONS: readonly DomainMigration[] = [units, perDesk, mtCache];
