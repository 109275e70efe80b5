/**
 * A failure the user should understand. `code` is a key of the `errors` i18n namespace (e.g. `import.empty`),
 * `params` its interpolation values, so the UI shows the message in the UI language and the CLI in English.
 * Never put secrets (the DeepL key) or article text in params.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** True when `e` is an {@link AppError} with the given code (or any AppError when code is omitted). */
export function isAppError(e: unknown, code?: string): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
