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
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('storage.readOnly');
  if (code === '25006') return new AppError('storage.readOnly');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('storage.locked');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('storage.corrupt');
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError('storage.writeFailed', { detail: detail.slice(0, 200) });
}
