import { API_ERROR_PREFIX, type ApiError } from '../contract';
import { isAppError } from './errors';
import { redact } from './redact';

/**
 * Turn anything thrown by a handler into the {@link ApiError} the UI can show. Unexpected errors become
 * `unknown` with their message only (no stack, no arguments: those may hold article text or the key).
 */
export function toApiError(e: unknown): ApiError {
  if (isAppError(e)) return e.params ? { code: e.code, params: redactParams(e.params) } : { code: e.code };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'unknown', params: { detail: redact(scrubPaths(detail)).slice(0, 300) } };
}

// An absolute path (POSIX, Windows drive or UNC, or a file: URL): everything up to its last separator.
const ABSOLUTE_PATH = /(?:file:\/\/\/?|[A-Za-z]:[\\/]|\\\\|(?<![\w.~-])\/)(?:[^\s'"`<>|\\/]+[\\/])+/g;

/**
 * Remove the folders of absolute paths from a message, keeping the file name: an error shown in the UI or
 * written to a log must not reveal the user's home folder, account name or the app's install location.
 * `ENOENT: no such file or directory, open '/home/ana/x/p.json'` becomes `… open 'p.json'`.
 */
export function scrubPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, '');
}

/** An Error whose message carries the serialised {@link ApiError} across IPC, which keeps only messages. */
export function toTransportError(e: unknown): Error {
  return new Error(API_ERROR_PREFIX + JSON.stringify(toApiError(e)));
}

function redactParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v]),
  );
}
