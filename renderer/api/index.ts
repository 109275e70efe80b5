import { API_ERROR_PREFIX, type ApiError, type ReviewApi } from '../../electron/contract';
import { createHttpApi } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in the browser mode. */
    reviewApi?: ReviewApi;
  }
}

/** The one way the UI talks to the Node side: IPC in the desktop app, HTTP to the loopback host in a browser. */
export const api: ReviewApi = window.reviewApi ?? createHttpApi();

/**
 * Recover the {@link ApiError} from a rejected API call (both transports carry it in the message). An ApiError
 * itself (what `useApi` reports) is returned as it is, so a handler of any failure may be given either.
 */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  const at = message.indexOf(API_ERROR_PREFIX);
  if (at >= 0) {
    try {
      return JSON.parse(message.slice(at + API_ERROR_PREFIX.length)) as ApiError;
    } catch {
      // fall through to a generic error
    }
  }
  return { code: 'unknown', params: { detail: message.slice(0, 300) } };
}

/** An {@link ApiError} as a value (not an Error whose message carries one). */
function isApiError(e: unknown): e is ApiError {
  return (
    typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as ApiError).code === 'string'
  );
}
