import { AppError } from '../errors';

/**
 * Turn a database or file-system failure into the error the user sees. SQLite reports result codes
 * (`SQLITE_FULL`...), Node `errno` codes (`ENOSPC`...) and PostgreSQL SQLSTATEs (`53100`...); each maps to one
 * clear `storage.*` message. An {@link AppError} passes through unchanged.
 */
export function toStorageError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100')
    return new AppError('storage.diskFull');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === '25006')
    return new AppError('storage.readOnly');
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === '42501')
    return new AppError('storage.permissionDenied');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('storage.locked');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('storage.corrupt');
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError('storage.writeFailed', { detail: detail.slice(0, 200) });
}

/** Run a read of the database: its failure becomes the error the user sees. */
export async function reading<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Problems that stop every write while they last (as opposed to one failed statement). */
const LASTING = new Set([
  'storage.diskFull',
  'storage.readOnly',
  'storage.permissionDenied',
  'storage.locked',
]);

/**
 * What the storage status reports about writes: the last lasting problem (disk full, read-only, no permission,
 * locked) from the moment a write fails with it until a write succeeds again.
 */
export class StorageHealth {
  private current: AppError | null = null;

  /** A write failed: remember a lasting problem. Returns the error, for `throw health.failed(e)`. */
  failed(e: unknown): AppError {
    const error = toStorageError(e);
    if (LASTING.has(error.code)) this.current = error;
    return error;
  }

  /** Run a write: a failure is thrown as the user's error and remembered ({@link failed}), a success clears it. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      throw this.failed(e);
    }
    this.succeeded();
    return result;
  }

  /** A write succeeded: whatever stopped writes is over. */
  succeeded(): void {
    this.current = null;
  }

  /** The problem that stops writes now, if any. */
  problem(): AppError | null {
    return this.current;
  }
}
