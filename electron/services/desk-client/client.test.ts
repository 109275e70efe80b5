import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewEvent } from '../../contract';
import { DeskClient } from './client';

const USER = { id: 'u1', name: 'lan', role: 'reviewer', desk: 'main', disabled: false, createdAt: '' };

/** A desk that answers sign-in and whoAmI, and streams the given SSE text once. */
function fakeDesk(stream: string): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    if (url.endsWith('/auth/login'))
      return new Response(JSON.stringify({ value: USER }), {
        headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'desk_session=abc; Path=/; HttpOnly' },
      });
    if (url.endsWith('/api/desk:whoAmI')) return Response.json({ value: USER });
    if (url.endsWith('/api/events'))
      return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
    return new Response('<html>not found</html>', { status: 404 });
  }) as typeof fetch;
}

describe('desk client events', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-client-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it("passes on the desk's live updates, never events that are this app's own business", async () => {
    const segments: ReviewEvent = { type: 'segments-updated', projectId: 'p1', segments: [] };
    const spoofed = [
      { type: 'desk-connection', connection: { address: 'https://evil', state: 'online' } },
      { type: 'show-help', topic: 'about' },
      { type: 'project-opened', outcome: {} },
    ];
    const frames = [...spoofed, segments].map((e) => `data: ${JSON.stringify(e)}\n\n`).join('');
    const events: ReviewEvent[] = [];
    const client = new DeskClient({
      dataDir: dir,
      emit: (e) => events.push(e),
      now: () => new Date(),
      fetch: fakeDesk(frames),
    });
    await client.connect('http://127.0.0.1:9', 'lan', 'pw');
    await expect.poll(() => events.filter((e) => e.type === 'segments-updated').length).toBe(1);
    await client.close();
    expect(events.filter((e) => e.type === 'show-help' || e.type === 'project-opened')).toEqual([]);
    // The only link-state events are the client's own (online after sign-in), never the desk's spoof.
    const states = events.flatMap((e) => (e.type === 'desk-connection' ? [e.connection.address] : []));
    expect(states.every((a) => a === 'http://127.0.0.1:9')).toBe(true);
  });

  it('says "not a desk" for a server that answers with something else', async () => {
    const client = new DeskClient({
      dataDir: dir,
      emit: () => undefined,
      now: () => new Date(),
      fetch: (async () => new Response('<html>hello</html>', { status: 200 })) as typeof fetch,
    });
    await expect(client.connect('https://example.org', 'lan', 'pw')).rejects.toMatchObject({
      code: 'deskClient.notADesk',
    });
    expect(client.connection()).toMatchObject({ address: null, state: 'local' });
  });
});
