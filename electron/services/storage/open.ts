import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate, type Database, type DomainMigration } from '../db';
import { AppError } from '../errors';
import { dailyBackupDue, makeBackup } from './backups';
import { toStorageError } from './faults';

/** Knobs for {@link openDataFolder}; tests inject faults through `probe`. */
export interface OpenOptions {
  now?: () => Date;
  /** Checks the folder is writable (default: write and remove a small file). */
  probe?: (dir: string) => Promise<void>;
  /** How long to wait for another process's lock before reporting `storage.locked` (default 5 s). */
  busyTimeoutMs?: number;
}

async function defaultProbe(dir: string): Promise<void> {
  const file = join(dir, `.write-probe-${process.pid}`);
  await writeFile(file, 'ok');
  await rm(file, { force: true });
}

function appliedMigrations(sqlite: SqliteDatabase.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration').all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

function openChecked(file: string, existed: boolean, timeout: number): SqliteDatabase.Database {
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file, { timeout });
    if (existed && sqlite.pragma('quick_check', { simple: true }) !== 'ok')
      throw new AppError('storage.corrupt');
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed transaction survives power loss too, not only a killed process.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${timeout}`);
    return sqlite;
  } catch (e) {
    sqlite?.close();
    throw toStorageError(e);
  }
}

/**
 * Open the data folder's database with every check a reviewer's work deserves. A read-only or full folder, a
 * locked or corrupt database, or one written by a newer version of the app is reported as a `storage.*`
 * {@link AppError} and left exactly as it is (never repaired or overwritten). A backup is taken before any
 * migration and once a day. `migrations` are every domain's (the composition root passes them in).
 */
export async function openDataFolder(
  dataDir: string,
  fileName: string,
  migrations: readonly DomainMigration[],
  opts: OpenOptions = {},
): Promise<Database> {
  const now = opts.now ?? (() => new Date());
  try {
    await mkdir(dataDir, { recursive: true });
    await (opts.probe ?? defaultProbe)(dataDir);
  } catch (e) {
    throw toStorageError(e);
  }
  const file = join(dataDir, fileName);
  const existed = existsSync(file);
  const sqlite = openChecked(file, existed, opts.busyTimeoutMs ?? 5000);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  const database: Database = { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  try {
    const applied = appliedMigrations(sqlite);
    const known = new Set(migrations.map((m) => m.name));
    if (applied.some((n) => !known.has(n))) throw new AppError('storage.newerSchema');
    const pending = migrations.some((m) => !applied.includes(m.name));
    if (existed && applied.length && pending) await makeBackup(sqlite, dataDir, 'pre-migration', now());
    try {
      await migrate(database, migrations);
    } catch (e) {
      const err = toStorageError(e);
      throw err.code === 'storage.writeFailed' ? new AppError('storage.migrationFailed', err.params) : err;
    }
    if (existed && (await dailyBackupDue(dataDir, now()))) await makeBackup(sqlite, dataDir, 'daily', now());
  } catch (e) {
    await database.close();
    throw toStorageError(e);
  }
  return database;
}
