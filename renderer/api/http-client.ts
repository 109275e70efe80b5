import {
  API_ERROR_PREFIX,
  CHANNELS,
  type ApiMethod,
  type ReviewApi,
  type ReviewEvent,
} from '../../electron/contract';

/** The error every call gets once the host no longer knows our session (it was restarted): open the new link. */
const SESSION_EXPIRED = API_ERROR_PREFIX + JSON.stringify({ code: 'api.sessionExpired' });

/**
 * One API call over HTTP: the answer's value, or the error the host sent (as {@link API_ERROR_PREFIX} + JSON, what
 * `toApiError` reads), `api.hostUnreachable` when no answer came, the sign-in the host asks for on a 401.
 */
async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${CHANNELS[method]}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Review-Request': '1' },
      credentials: 'same-origin',
      body: JSON.stringify(args),
    });
  } catch {
    throw new Error(API_ERROR_PREFIX + JSON.stringify({ code: 'api.hostUnreachable' }));
  }
  // The host says which sign-in is missing: the loopback host's session ended, or a team desk's sign-in
  // (`desk.notSignedIn`, which shows the desk's sign-in screen rather than "open the new link").
  if (response.status === 401) {
    const reply = (await response.json().catch(() => ({}))) as { error?: { code?: unknown } };
    if (typeof reply.error?.code === 'string')
      throw new Error(API_ERROR_PREFIX + JSON.stringify(reply.error));
    throw new Error(SESSION_EXPIRED);
  }
  const body = (await response.json().catch(() => ({ error: { code: 'api.hostUnreachable' } }))) as {
    value?: unknown;
    error?: unknown;
  };
  if (body.error) throw new Error(API_ERROR_PREFIX + JSON.stringify(body.error));
  return body.value;
}

/**
 * {@link ReviewApi} over the loopback host's HTTP endpoints, for the browser mode. The browser carries the
 * session cookie the sign-in link set (HttpOnly: this code never sees it); the custom header marks the call as
 * our page's own, which a foreign page cannot send without a CORS preflight the host never grants.
 */
export function createHttpApi(
  /** Run `fn` after `ms` (the stream's back-off; a test watches the waits). */
  later: (fn: () => void, ms: number) => ReturnType<typeof setTimeout> = (fn, ms) => setTimeout(fn, ms),
): ReviewApi {
  const listeners = new Set<(event: ReviewEvent) => void>();
  let source: EventSource | null = null;
  // Resolves once the event stream is connected: `uiReady` waits for it, so the host pushes to a listener.
  let connected: Promise<void> = Promise.resolve();

  // The id of the last event received: a stream opened again resumes after it (the desk replays what was missed).
  let lastEventId = '';
  let reopen: ReturnType<typeof setTimeout> | undefined;
  /** Wait before opening a refused stream again: 2 s, doubling up to a minute while it is refused. */
  let reopenMs = 2000;

  /**
   * Open the event stream. The browser reconnects a dropped stream by itself, sending the last id; a stream the
   * host refused (503 while a desk's database restarts) is opened again here, with the last id in the address.
   */
  function connect(): Promise<void> {
    const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '';
    const stream = new EventSource(`/api/events${query}`);
    source = stream;
    stream.onmessage = (m: MessageEvent<string>) => {
      if (m.lastEventId) lastEventId = m.lastEventId;
      const event = JSON.parse(m.data) as ReviewEvent;
      for (const l of listeners) l(event);
    };
    // The desk's resume point before any event has come (so a break before the first one loses nothing either).
    stream.addEventListener('resume', (m) => {
      if (m.lastEventId) lastEventId = m.lastEventId;
    });
    stream.addEventListener('error', () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      reopen = later(() => source === stream && void connect(), reopenMs);
      reopenMs = Math.min(reopenMs * 2, 60_000);
    });
    stream.addEventListener('open', () => (reopenMs = 2000));
    return new Promise((resolve) => {
      stream.addEventListener('open', () => resolve(), { once: true });
      // A stream that cannot connect must not block the start; calls report the host as unreachable.
      stream.addEventListener('error', () => resolve(), { once: true });
    });
  }

  const methods = Object.fromEntries(
    (Object.keys(CHANNELS) as ApiMethod[]).map((m) => [m, (...args: unknown[]) => call(m, args)]),
  ) as Omit<ReviewApi, 'onEvent'>;

  return {
    ...methods,
    async uiReady() {
      await connected;
      await call('uiReady', []);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connected = connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
          clearTimeout(reopen);
        }
      };
    },
  };
}
