import {
  AuthorizationError,
  ConnectionError,
  DeepLError,
  GlossaryNotFoundError,
  QuotaExceededError,
  TooManyRequestsError,
} from 'deepl-node';

/**
 * How a failed DeepL call is reported. `stopsRun`: nothing else can succeed (bad key, quota used up, no network),
 * so the run ends with this as its summary error and untouched rows stay as they were; otherwise only the rows of
 * the failed request get the code as their error and the run goes on.
 */
export interface MtFault {
  /** An `errors:` i18n key under `mt`. */
  code: string;
  stopsRun: boolean;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Map anything deepl-node throws to the code the user sees. Messages are never passed on: codes only. */
export function classifyFault(e: unknown): MtFault {
  if (e instanceof AuthorizationError) return { code: 'mt.authFailed', stopsRun: true };
  if (e instanceof QuotaExceededError) return { code: 'mt.quotaExceeded', stopsRun: true };
  if (e instanceof TooManyRequestsError) return { code: 'mt.rateLimited', stopsRun: false };
  if (e instanceof ConnectionError) {
    const code = (e.error as { code?: string } | undefined)?.code ?? '';
    if (OFFLINE_CODES.has(code)) return { code: 'mt.offline', stopsRun: true };
    if (TIMEOUT_CODES.has(code) || /timeout/i.test(e.message)) return { code: 'mt.timeout', stopsRun: false };
    return { code: 'mt.connectionLost', stopsRun: false };
  }
  if (e instanceof GlossaryNotFoundError) return { code: 'mt.glossaryFailed', stopsRun: true };
  if (e instanceof DeepLError) {
    // deepl-node folds other statuses into the message: "Bad request…", "Unexpected status code: 413 …".
    const status = /Unexpected status code: (\d{3})/.exec(e.message)?.[1];
    if (/^(Bad request|Not found)/.test(e.message) || (status && status.startsWith('4'))) {
      return { code: 'mt.rejected', stopsRun: false };
    }
    return { code: 'mt.serverError', stopsRun: false };
  }
  return { code: 'mt.serverError', stopsRun: false };
}

/**
 * When a request sent with a house style fails: the `errors:` code saying DeepL refused the style (403: not on this
 * account's plan; 400/404: not for this target, or an id DeepL does not know), or null for any other fault. Whether
 * the style was to blame shows only when the same request without it succeeds (see run.ts).
 */
export function styleRefusal(e: unknown): string | null {
  if (e instanceof AuthorizationError) return 'mt.styleNotOnPlan';
  if (
    e instanceof DeepLError &&
    !(e instanceof ConnectionError) &&
    /^(Bad request|Not found)/.test(e.message)
  )
    return 'mt.styleRejected';
  return null;
}
