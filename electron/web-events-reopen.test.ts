import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSource as UndiciEventSource } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewApi, ReviewEvent } from './contract';

// The page's transport, loaded by a path the Node-side type check does not follow (it is compiled with the DOM's
// types by renderer/tsconfig.json; this side has Node's).
const transport = '../renderer/api/http-client';
const { createHttpApi } = (await import(/* @vite-ignore */ transport)) as {
  createHttpApi(later?: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>): ReviewApi;
};

/** What the page's event stream asked for: its address and the browser's own resume header. */
interface Asked {
  url: string;
  lastEventId: string | undefined;
}

const missed: ReviewEvent = { type: 'events-missed' };

/**
 * A desk that refuses the stream (503 while its database restarts, then 401 while the session is looked up
 * again), then serves one event and drops the line; the stream coming back by itself is refused again, and the
 * page's own reopening is served. Answers in order, one per request.
 */
function flakyDesk(asked: Asked[]) {
  const answers: Array<(res: ServerResponse) => void> = [
    (res) =>
      res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":{"code":"api.unavailable"}}'),
    (res) =>
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":{"code":"desk.notSignedIn"}}'),
    // `retry: 1`: the browser's own reconnection after the drop comes at once.
    (res) => sse(res).end(`retry: 1\nid: 41\ndata: ${JSON.stringify(missed)}\n\n`),
    (res) => res.writeHead(503).end(),
    (res) => sse(res).write(`id: 42\ndata: ${JSON.stringify(missed)}\n\n`),
  ];
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['last-event-id'];
    asked.push({ url: req.url ?? '', lastEventId: typeof header === 'string' ? header : undefined });
    const answer = answers.shift();
    if (answer) answer(res);
    else res.writeHead(503).end();
  });
}

const sse = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/event-stream' });

// The page's event stream against a real HTTP server, through a spec-following EventSource (undici's, as the
// browser's): a refused stream (503, 401) is closed by the EventSource for good, and the page opens it again
// itself, waiting 2 s, then twice as long while refused, and from 2 s again once a stream opened; it resumes
// after the last event id it got.
describe('HTTP transport: the event stream reopens after the desk refused it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reopens with back-off after 503 and 401, and resumes after the last id', async () => {
    const asked: Asked[] = [];
    const server = flakyDesk(asked).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The page's relative `/api/events`, against the test's server.
    vi.stubGlobal(
      'EventSource',
      class extends UndiciEventSource {
        constructor(url: string) {
          super(new URL(url, base));
        }
      },
    );
    const waits: number[] = [];
    const api = createHttpApi((fn, ms) => {
      waits.push(ms);
      return setTimeout(fn, 0);
    });
    const got: Array<ReviewEvent> = [];
    let arrived: () => void = () => undefined;
    const two = new Promise<void>((ok) => (arrived = ok));
    const off = api.onEvent((e) => {
      got.push(e);
      if (got.length === 2) arrived();
    });
    try {
      await two;
      expect(got).toEqual([missed, missed]);
      expect(asked).toEqual([
        { url: '/api/events', lastEventId: undefined },
        { url: '/api/events', lastEventId: undefined },
        { url: '/api/events', lastEventId: undefined },
        { url: '/api/events', lastEventId: '41' }, // the EventSource's own reconnection, refused
        { url: '/api/events?lastEventId=41', lastEventId: undefined }, // the page's, resuming after 41
      ]);
      expect(waits).toEqual([2000, 4000, 2000]);
    } finally {
      off();
      server.closeAllConnections();
      server.close();
    }
  });
});
