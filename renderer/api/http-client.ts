import {
  API_ERROR_PREFIX,
  CHANNELS,
  type ApiMethod,
  type ReviewApi,
  type ReviewEvent,
} from '../../electron/contract';

/**
 * {@link ReviewApi} over the loopback host's HTTP endpoints, for the browser mode. The per-run token comes from a
 * meta tag the host writes into the page it serves; other origins cannot read that page, so they cannot call us.
 */
export function createHttpApi(doc: Document = document): ReviewApi {
  const token = doc.querySelector<HTMLMetaElement>('meta[name="review-token"]')?.content ?? '';
  const listeners = new Set<(event: ReviewEvent) => void>();
  let source: EventSource | null = null;
  // Resolves once the event stream is connected: `uiReady` waits for it, so the host pushes to a listener.
  let connected: Promise<void> = Promise.resolve();

  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`/api/${CHANNELS[method]}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Review-Token': token },
        body: JSON.stringify(args),
      });
    } catch {
      throw new Error(API_ERROR_PREFIX + JSON.stringify({ code: 'api.hostUnreachable' }));
    }
    const body = (await response.json().catch(() => ({ error: { code: 'api.hostUnreachable' } }))) as {
      value?: unknown;
      error?: unknown;
    };
    if (body.error) throw new Error(API_ERROR_PREFIX + JSON.stringify(body.error));
    return body.value;
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
      if (!source) {
        const stream = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source = stream;
        connected = new Promise((resolve) => {
          stream.addEventListener('open', () => resolve(), { once: true });
          // A stream that cannot connect must not block the start; calls report the host as unreachable.
          stream.addEventListener('error', () => resolve(), { once: true });
        });
        stream.onmessage = (m: MessageEvent<string>) => {
          const event = JSON.parse(m.data) as ReviewEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
