import { sql, type Kysely } from 'kysely';
import type { TargetLang } from '../../contract';
import type { DbDialect, DomainMigration } from '../db';
import { unitOf } from '../tm/memory';
import { nameSkeleton } from './skeleton';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before any repository types exist */

// Times are ISO-8601 strings (UTC, `Z`): they sort and compare as text the same way on both engines, where
// timestamp types and their drivers' conversions differ.

async function people(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The desk (newsroom) the account belongs to: a user never sees another desk's projects.
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('desk_sessions')
    // sha256 of the cookie value: a leaked table does not hand out live sessions.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('desk_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_sessions_user').on('desk_sessions').column('user_id').execute();
  await db.schema
    .createTable('desk_projects')
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('desk_assignments')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('desk_users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('desk_assignments_pk', ['project_id', 'lang', 'user_id'])
    .execute();
  await db.schema
    .createTable('desk_signoffs')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_signoffs_pk', ['project_id', 'lang'])
    .execute();
}

async function liveTables(db: Kysely<any>, dialect: DbDialect): Promise<void> {
  await db.schema
    .createTable('desk_presence')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text')
    .addColumn('lang', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_presence_project').on('desk_presence').column('project_id').execute();
  // NOTIFY payloads are limited to 8000 bytes; a larger event is stored here and the notification carries its id.
  await db.schema
    .createTable('desk_event_log')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

async function sharedMemory(db: Kysely<any>, dialect: DbDialect): Promise<void> {
  await db.schema
    .createTable('desk_tm_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The normalized Korean the score is computed on (see services/desk/memory.ts); the trigram index is on it.
    .addColumn('source_norm', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('project_name', 'text')
    .addColumn('reviewer', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  if (dialect === 'postgres') {
    // pg_trgm is a trusted extension (PostgreSQL ≥ 13): the database owner may create it without superuser.
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX desk_tm_units_trgm ON desk_tm_units USING gin (source_norm gin_trgm_ops)`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('desk_tm_units_exact')
    .on('desk_tm_units')
    .columns(['desk', 'lang', 'source_norm'])
    .execute();
}

/**
 * One memory, not two: the desk's shared memory is the translation memory's own `tm_unit` table (0200, with its
 * pg_trgm index on PostgreSQL; per desk since 0201, which always runs first). Units a desk stored in
 * `desk_tm_units` before are moved there with their desk (hashed as the memory hashes them; an identical pair is
 * kept once per desk, newest first), then the desk's table is dropped.
 */
async function oneMemory(db: Kysely<any>): Promise<void> {
  const repoRows = await db.selectFrom('desk_tm_units').selectAll().orderBy('at', 'desc').execute();
  const seen = new Set<string>();
  const units = [];
  for (const r of repoRows) {
    const u = unitOf(
      {
        source: r.source as string,
        target: r.target as string,
        lang: r.lang as TargetLang,
        at: r.at as string,
        ...(r.project_name ? { projectName: r.project_name as string } : {}),
        ...(r.reviewer ? { reviewer: r.reviewer as string } : {}),
      },
      false,
    );
    const key = `${r.desk as string}\n${u.pairHash}`;
    if (!u.source || !u.target || seen.has(key)) continue;
    seen.add(key);
    units.push({ ...u, desk: r.desk as string });
  }
  for (let i = 0; i < units.length; i += 1000)
    await db
      .insertInto('tm_unit')
      .values(
        units.slice(i, i + 1000).map((u) => ({
          desk: u.desk,
          pair_hash: u.pairHash,
          source_hash: u.sourceHash,
          source: u.source,
          target: u.target,
          lang: u.lang,
          prev_hash: u.prevHash,
          next_hash: u.nextHash,
          project_id: u.projectId,
          project_name: u.projectName,
          reviewer: u.reviewer,
          at: u.at,
        })),
      )
      .onConflict((oc) => oc.columns(['desk', 'pair_hash']).doNothing())
      .execute();
  await db.schema.dropTable('desk_tm_units').execute();
}

/**
 * User names unique by confusable skeleton (`Boss`, `boss`, Cyrillic `bоss` are one name): a `name_key` column with
 * a unique index. Accounts made before, whose skeletons collide, keep working: the later ones get a key of their own.
 */
async function nameKeys(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('desk_users').addColumn('name_key', 'text').execute();
  const rows = await db.selectFrom('desk_users').select(['id', 'name']).orderBy('created_at').execute();
  const seen = new Set<string>();
  for (const r of rows) {
    let key = nameSkeleton(r.name as string);
    if (seen.has(key)) key = `${key}#${r.id as string}`;
    seen.add(key);
    await db.updateTable('desk_users').set({ name_key: key }).where('id', '=', r.id).execute();
  }
  await db.schema.createIndex('desk_users_skeleton').on('desk_users').column('name_key').unique().execute();
}

/**
 * The events of changes, recorded un-numbered in the change's own transaction (the bus numbers them into
 * `desk_event_log`): a process killed between the commit and the log loses no live update.
 */
async function eventOutbox(db: Kysely<any>, dialect: DbDialect): Promise<void> {
  await db.schema
    .createTable('desk_event_outbox')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

/** The team desk's migrations (0400–0499): people and access, live collaboration, the shared memory. */
export const DESK_MIGRATIONS: readonly DomainMigration[] = [
  { name: '0400-desk-people', up: (db) => people(db) },
  { name: '0401-desk-live', up: liveTables },
  { name: '0402-desk-memory', up: sharedMemory },
  { name: '0403-desk-one-memory', up: (db) => oneMemory(db) },
  { name: '0404-desk-name-keys', up: (db) => nameKeys(db) },
  { name: '0405-desk-event-outbox', up: eventOutbox },
];
