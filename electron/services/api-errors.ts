import { API_ERROR_PREFIX, type ApiError } from '../contract';
import { isAppError } from './errors';

/**
 * Turn anything thrown by a handler into the {@link ApiError} the UI can show. Unexpected errors become
 * `unknown` with their message only (no stack, no arguments: those may hold article text or the key).
 */
export function toApiError(e: unknown): ApiError {
  if (isAppError(e)) return e.params ? { code: e.code, params: e.params } : { code: e.code };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'unknown', params: { detail: detail.slice(0, 300) } };
}

/** An Error whose message carries the serialised {@link ApiError} across IPC, which keeps only messages. */
export function toTransportError(e: unknown): Error {
  return new Error(API_ERROR_PREFIX + JSON.stringify(toApiError(e)));
}
