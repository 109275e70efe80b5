import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';

/** The SQL engines the app runs on: SQLite embedded for one reviewer, PostgreSQL for a team desk. */
export type DbDialect = 'sqlite' | 'postgres';

/**
 * One migration of one domain. `up` gets the dialect because a few things (auto-increment keys, full-text indexes)
 * are spelled differently by SQLite and PostgreSQL; everything else goes through Kysely's builders and stays the
 * same on both.
 */
export interface DomainMigration {
  /** Globally ordered name, `NNNN-domain-what` (e.g. `0001-project-tables`). */
  name: string;
  up(db: Kysely<any>, dialect: DbDialect): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An open database: the query builder every repository uses, and the engine under it. */
export interface Database {
  // Repositories type their own tables; the handle itself is shared by every domain.
  db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  dialect: DbDialect;
  /** The SQLite connection (embedded mode only), for pragmas, backups and synchronous transactions. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

/**
 * Open (creating if needed) the embedded database file, in WAL mode, and bring its schema up to date with
 * `migrations` (every domain's: the composition root passes `ALL_MIGRATIONS` of `electron/core/migrations`).
 */
export async function openSqlite(file: string, migrations: readonly DomainMigration[]): Promise<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss too, not only a killed process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  const database: Database = { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  await migrate(database, migrations);
  return database;
}

/** Apply every migration not applied yet, in name order; throws with the failing migration's error. */
export async function migrate(database: Database, migrations: readonly DomainMigration[]): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of migrations) out[m.name] = { up: (db) => m.up(db, database.dialect) };
      return out;
    },
  };
  const { error } = await new Migrator({
    db: database.db,
    provider,
    // Domains number their migrations in their own ranges (0100 storage, 0200 tm, …): a new storage migration
    // must still apply on a database that already has later-numbered ones from another domain.
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
