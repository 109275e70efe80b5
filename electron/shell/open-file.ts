import { basename } from 'node:path';
import type { ApiError, ApiHandlers, ReviewEvent } from '../contract';
import { toApiError } from '../services/api-errors';
import { AppError } from '../services/errors';
import { readRegularFile } from '../services/import/files';
import { MAX_BYTES } from '../services/import/limits';
import type { OpenKind } from './instance';

/**
 * Open a file given by the desktop (File menu, command line, file manager, a second start) and turn the outcome
 * into the event the UI shows: the opened project, or a coded error. Nothing is thrown: the caller is a menu
 * click or an OS event with nobody to catch it.
 */
export async function openFromDisk(
  path: string,
  kind: OpenKind,
  handlers: Pick<ApiHandlers, 'importArticle' | 'importProjectFile'>,
): Promise<ReviewEvent> {
  try {
    // Regular files only (a FIFO or device would hang the read), size checked before reading; no more than an
    // import accepts (plus room for a project's history), whatever was double-clicked.
    const limit = kind === 'project' ? 4 * MAX_BYTES : MAX_BYTES;
    const bytes = await readRegularFile(
      path,
      limit,
      (size) =>
        new AppError('import.tooLarge', {
          sizeMb: Math.round(size / 1048576),
          limitMb: Math.round(limit / 1048576),
        }),
    );
    const payload = { fileName: basename(path), dataBase64: bytes.toString('base64') };
    if (kind === 'project') {
      const project = await handlers.importProjectFile(payload);
      return { type: 'project-opened', outcome: { project, encoding: 'utf-8', warnings: [] } };
    }
    return { type: 'project-opened', outcome: await handlers.importArticle(payload) };
  } catch (e) {
    return { type: 'error', error: readError(e) };
  }
}

/** File-system failures in the person's terms (never with the path: the UI shows no internal paths). */
export function readError(e: unknown): ApiError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'import.notFound' };
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return { code: 'import.unreadable' };
  return toApiError(e);
}
