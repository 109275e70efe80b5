import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../errors';
import { toStorageError } from './faults';

/** A held data-folder lock. */
export interface FolderLock {
  release(): void;
}

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'review.lock';

/**
 * Take the one-writer lock of a data folder. The lock is an exclusive SQLite lock on a small file, i.e. an
 * operating-system file lock owned by this process: the OS frees it when the process ends, however it ends, so a
 * crashed app never locks the user out (no stale pid files). A second holder gets `storage.folderInUse`.
 * Plain Node (no Electron), so the desktop shell and the browser-mode host both call it.
 */
export function acquireFolderLock(dataDir: string): FolderLock {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw toStorageError(e);
  }
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(join(dataDir, LOCK_FILE), { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    // In exclusive locking mode the lock outlives the commit: it is held until the connection closes.
    db.exec('COMMIT');
  } catch (e) {
    db?.close();
    const code = String((e as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new AppError('storage.folderInUse', { folder: dataDir });
    throw toStorageError(e);
  }
  const held = db;
  return { release: () => held.open && held.close() };
}
