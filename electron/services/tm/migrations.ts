import { sql, type Kysely } from 'kysely';
import type { DbDialect, DomainMigration } from '../db';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before any repository types its tables */

/** Auto-increment key: SQLite's rowid alias, PostgreSQL's identity sequence. */
function idColumn(db: Kysely<any>, dialect: DbDialect) {
  return db.schema
    .createTable('tm_unit')
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
      await sql`CREATE TRIGGER tm_unit_ai AFTER INSERT ON tm_unit BEGIN
        INSERT INTO tm_fts(rowid, source) VALUES (new.id, new.source); END`.execute(db);
      await sql`CREATE TRIGGER tm_unit_ad AFTER DELETE ON tm_unit BEGIN
        INSERT INTO tm_fts(tm_fts, rowid, source) VALUES ('delete', old.id, old.source); END`.execute(db);
      await sql`CREATE TRIGGER tm_unit_au AFTER UPDATE OF source ON tm_unit BEGIN
        INSERT INTO tm_fts(tm_fts, rowid, source) VALUES ('delete', old.id, old.source);
        INSERT INTO tm_fts(rowid, source) VALUES (new.id, new.source); END`.execute(db);
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

/** The translation memory's and the MT cache's migrations (0200–0299), in order. */
export const TM_MIGRATIONS: readonly DomainMigration[] = [units, mtCache];
