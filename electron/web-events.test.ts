import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewEvent } from './contract';
import { readEventStream } from './services/desk-client/sse';
import { EventStreams, type EventLog } from './web-http';

/** A page's side of one stream: the frames written to it, parsed as a browser would. */
class FakeStream extends EventEmitter {
  readonly req = Object.assign(new EventEmitter(), {
    headers: {} as Record<string, string>,
    url: '/api/events',
  });
  written = '';
  writableEnded = false;
  destroyed = false;
  writeHead(): void {}
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
  cut(): void {
    this.destroyed = true;
    this.req.emit('close');
  }
}

/** Parse frames into (id, event) pairs and the last id (a `resume` point included). */
async function framesOf(
  text: string,
): Promise<{ got: Array<{ id?: string; e: ReviewEvent }>; last?: string }> {
  const got: Array<{ id?: string; e: ReviewEvent }> = [];
  let last: string | undefined;
  const body = new Blob([text]).stream();
  await readEventStream(
    body,
    (data, id) => {
      last = id ?? last;
      got.push({ id, e: JSON.parse(data) as ReviewEvent });
    },
    (id) => (last = id),
  );
  return { got, last };
}

const event = (n: number): ReviewEvent => ({
  type: 'mt-progress',
  projectId: 'p',
  lang: 'vi',
  done: n,
  total: 0,
});
const flush = () => new Promise((r) => setImmediate(r));

// A model of a page that keeps losing its stream while events are logged: whatever the interleaving, it gets every
// event once and in order, or is told it missed some (only when the log no longer holds them).
describe('event streams resume from the log', () => {
  it('every logged event arrives exactly once, in order, or events-missed says the log forgot them', async () => {
    const op = fc.oneof(
      fc.constant('emit' as const),
      fc.constant('cut' as const),
      fc.constant('connect' as const),
      fc.constant('prune' as const),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const kept: Array<{ id: number; event: ReviewEvent }> = [];
        let next = 1;
        let pruned = 0;
        const log: EventLog = {
          get lastId() {
            return next - 1;
          },
          async since(id) {
            if (id > next - 1 || id < pruned) return null;
            return kept.filter((k) => k.id > id);
          },
        };
        const streams = new EventStreams(10, () => true, 10, log);
        const received: number[] = [];
        let missed: { at: number; id: number } | null = null;
        let lastId: string | undefined;
        let stream = new FakeStream();
        let connected = false;
        const take = async () => {
          await flush();
          const { got, last } = await framesOf(stream.written);
          for (const g of got)
            if (g.e.type === 'events-missed') missed = { at: received.length, id: Number(g.id) };
            else received.push(Number(g.id));
          lastId = last ?? lastId;
        };
        const connect = () => {
          connected = true;
          stream = new FakeStream();
          if (lastId !== undefined) stream.req.headers['last-event-id'] = lastId;
          streams.open(
            stream.req as unknown as IncomingMessage,
            stream as unknown as ServerResponse,
            {
              id: 'p',
            } as never,
          );
        };
        connect();
        for (const o of ops) {
          if (o === 'emit') {
            const id = next++;
            kept.push({ id, event: event(id) });
            streams.emit(event(id), id);
          } else if (o === 'prune') {
            pruned = next - 2;
            kept.splice(0, kept.length, ...kept.filter((k) => k.id > pruned));
          } else if (o === 'cut' && connected) {
            await take();
            stream.cut();
            connected = false;
          } else if (o === 'connect' && !connected) connect();
        }
        if (!connected) connect();
        await take();
        const all = Array.from({ length: next - 1 }, (_, i) => i + 1);
        if (!ops.includes('prune')) expect(missed).toBeNull();
        if (missed === null) expect(received).toEqual(all);
        else {
          // Only what came before the notice can be missing; after it, every event past its id, in order.
          const { at, id } = missed;
          expect(received.slice(0, at)).toEqual(all.slice(0, at));
          expect(received.slice(at)).toEqual(all.filter((i) => i > id));
        }
      }),
      { numRuns: 200 },
    );
  });
});
