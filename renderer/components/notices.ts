import type { ApiError } from '../../electron/contract';

/**
 * A message in the notice area. It keeps the i18n code and parameters, not text, so switching the UI language
 * re-renders notices already on screen in the new language.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  /** An `errors:` code from the Node side, or a namespaced UI key such as `translate:done`. */
  message: ApiError;
}

let next = 1;
/** A notice with a fresh id. */
export function notice(kind: Notice['kind'], message: ApiError): Notice {
  return { id: next++, kind, message };
}

/** At most this many notices stay on screen; older ones make room. */
export const MAX_NOTICES = 4;
