import type { ApiError } from '../../electron/contract';

/**
 * A message in the notice area. It keeps the i18n code and parameters, not text, so switching the UI language
 * re-renders notices already on screen in the new language.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** An `errors:` code from the Node side, or a `common:`-prefixed UI key. */
  message: ApiError;
}

let next = 1;
/** A notice with a fresh id. */
export function notice(kind: Notice['kind'], message: ApiError): Notice {
  return { id: next++, kind, message };
}
