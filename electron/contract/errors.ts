// How an error crosses the boundary between the Node side and the UI.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/**
 * How an error crosses the boundary: `code` is an `errors:` i18n key, `params` its interpolation values. Transports
 * serialise it as JSON in the error message so the UI can show it in the UI language.
 */
export interface ApiError {
  code: string;
  params?: Record<string, string | number>;
}

/** Prefix that marks a serialised {@link ApiError} in an error message. */
export const API_ERROR_PREFIX = 'APIERR:';
