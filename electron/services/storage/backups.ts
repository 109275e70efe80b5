import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../errors';

import type { BackupInfo } from '../../contract';

export type { BackupInfo };

/** How many backups are kept (the oldest go first). */
export const KEEP_BACKUPS = 5;
const NAME = /^review-(\d{8}T\d{6}\d{3}Z)-(daily|pre-migration|manual)\.db$/;

/** The folder backups live in. */
export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

function stampOf(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** Backups, newest first. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(backupDir(dataDir));
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const { size } = await stat(join(backupDir(dataDir), name));
    out.push({ name, at: parseStamp(m[1]!), bytes: size, reason: m[2] as BackupInfo['reason'] });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}

/** Copy the open database to a new backup (consistent even while in use) and keep only the newest few. */
export async function makeBackup(
  sqlite: SqliteDatabase.Database,
  dataDir: string,
  reason: BackupInfo['reason'],
  now: Date,
): Promise<BackupInfo> {
  await mkdir(backupDir(dataDir), { recursive: true });
  const name = `review-${stampOf(now)}-${reason}.db`;
  const file = join(backupDir(dataDir), name);
  sqlite.prepare('VACUUM INTO ?').run(file);
  const all = await listBackups(dataDir);
  for (const old of all.slice(KEEP_BACKUPS)) await rm(join(backupDir(dataDir), old.name), { force: true });
  return { name, at: now.toISOString(), bytes: (await stat(file)).size, reason };
}

/** True when the newest backup is older than a day (or there is none). */
export async function dailyBackupDue(dataDir: string, now: Date): Promise<boolean> {
  const [newest] = await listBackups(dataDir);
  return !newest || now.getTime() - Date.parse(newest.at) > 24 * 3600 * 1000;
}

/**
 * Put a backup in place of the database file. The database must be closed. The replaced file (with its WAL) is
 * moved aside, never deleted, so a wrong choice can be undone by hand.
 */
export async function restoreBackup(
  dataDir: string,
  dbFile: string,
  name: string,
  now: Date,
): Promise<string> {
  if (!NAME.test(name)) throw new AppError('storage.backupNotFound');
  const from = join(backupDir(dataDir), name);
  if (!existsSync(from)) throw new AppError('storage.backupNotFound');
  const check = new SqliteDatabase(from, { readonly: true, fileMustExist: true });
  try {
    if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new AppError('storage.backupCorrupt');
  } catch (e) {
    throw e instanceof AppError ? e : new AppError('storage.backupCorrupt');
  } finally {
    check.close();
  }
  const aside = `${dbFile}.replaced-${stampOf(now)}`;
  for (const ext of ['', '-wal', '-shm'])
    if (existsSync(dbFile + ext)) await rename(dbFile + ext, aside + ext);
  await copyFile(from, dbFile);
  return aside;
}
