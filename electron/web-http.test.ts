import { once } from 'node:events';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ReviewEvent } from './contract';
import { EventStreams } from './web-http';

const EVENT: ReviewEvent = { type: 'show-help', topic: 'about' };

describe('event streams', () => {
  it('an event whose check ends after the stream closed is dropped, not written after the end', async () => {
    let answer!: (ok: boolean) => void;
    const asked = new Promise<boolean>((resolve) => (answer = resolve));
    const streams = new EventStreams(10, () => asked);
    const opened: ServerResponse[] = [];
    const server = createServer((req, res) => {
      opened.push(res);
      streams.open(req, res, { id: 'p', name: 'p' } as never);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const client = request({ port, path: '/api/events' });
    client.end();
    const [reply] = (await once(client, 'response')) as [NodeJS.ReadableStream];
    reply.resume();
    const errors: unknown[] = [];
    opened[0]!.on('error', (e) => errors.push(e));
    streams.emit(EVENT); // its check is still pending…
    streams.closeAll(); // …when the host closes the stream
    answer(true);
    await asked;
    await new Promise((r) => setImmediate(r));
    expect(opened[0]!.writableEnded).toBe(true);
    expect(errors).toEqual([]);
    client.destroy();
    server.close();
  });
});
