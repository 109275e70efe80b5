/** HTTP helpers for desk server tests and the bench: a signed-in client with its own cookie, and an SSE reader. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewEvent } from '../../electron/contract';
import { CHANNELS, type ApiMethod, type DeskRole } from '../../electron/contract';
import { startPgTestCluster, type PgTestCluster } from './pg-cluster';
import { openPostgres } from '../../electron/services/db/postgres';
import { DeskDirectory } from '../../electron/services/desk/directory';
import { startDeskServer, type DeskServer } from '../../electron/desk/server';
import { ALL_MIGRATIONS } from '../../electron/core/migrations';

/** One person's connection to a desk server. */
export interface DeskClient {
  /** Call an API method; resolves to `{value}` or `{error}` as the host answers. */
  call<T = unknown>(method: ApiMethod, ...args: unknown[]): Promise<{ value?: T; error?: { code: string } }>;
  /** The raw Set-Cookie of the login. */
  setCookie: string;
  cookie: string;
}

/** Sign in; throws with the server's error code when the login is refused. */
export async function signIn(baseUrl: string, name: string, password: string): Promise<DeskClient> {
  const res = await fetch(new URL('/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 200) throw new Error(((await res.json()) as { error: { code: string } }).error.code);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return {
    setCookie,
    cookie,
    async call(method, ...args) {
      const r = await fetch(new URL(`/api/${CHANNELS[method]}`, baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Review-Request': '1', Cookie: cookie },
        body: JSON.stringify(args),
      });
      return (await r.json()) as never;
    },
  };
}

/** An open event stream: everything received so far, and a way to wait for a matching event. */
export interface EventStream {
  events: Array<{ event: ReviewEvent; at: number; id?: number }>;
  /** The last event id the stream was given (its resume point), if any. */
  readonly lastId: string | undefined;
  waitFor(
    match: (e: ReviewEvent) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: ReviewEvent; at: number }>;
  close(): void;
}

/** One SSE frame's fields (`data`, `id`, `event`), the last of each. */
function fieldsOf(frame: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of frame.split('\n')) {
    const m = /^(\w+): ?(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * Open `/api/events` with a session cookie (resuming after `lastEventId` when given, as a reconnecting browser
 * does); resolves once the stream is connected.
 */
export function openEvents(baseUrl: string, cookie: string, lastEventId?: string): Promise<EventStream> {
  const events: EventStream['events'] = [];
  const waiters = new Set<() => void>();
  let lastId: string | undefined;
  const headers = { Cookie: cookie, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) };
  return new Promise((ok, fail) => {
    const req = request(new URL('/api/events', baseUrl), { headers }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`events: HTTP ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const f = fieldsOf(frame);
          if (f.id !== undefined) lastId = f.id;
          if (f.data && !f.event)
            events.push({
              event: JSON.parse(f.data) as ReviewEvent,
              at: performance.now(),
              ...(f.id !== undefined ? { id: Number(f.id) } : {}),
            });
          for (const w of waiters) w();
        }
      });
      ok({
        events,
        get lastId() {
          return lastId;
        },
        waitFor(match, timeoutMs = 2000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              const hit = events.find((e) => match(e.event));
              if (!hit) return;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(hit);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              reject(new Error(`no matching event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** A desk server for a test: a fresh database of its own cluster, a stub page, a temp folder, accounts made. */
export interface TestDesk {
  server: DeskServer;
  cluster: PgTestCluster;
  /** The database's connection string. */
  url: string;
  /** Start another desk server process's worth of host on the same database (its own pool, cache and LISTEN). */
  startPeer(): Promise<DeskServer>;
  close(): Promise<void>;
}

/** Start a throwaway cluster and a desk server on it, with `users` created (name, role, password). */
export async function startTestDesk(
  name: string,
  users: Array<{ name: string; role: DeskRole; password: string }>,
): Promise<TestDesk> {
  const cluster = await startPgTestCluster();
  const url = await cluster.createDatabase(name);
  const work = await mkdtemp(join(tmpdir(), `desk-${name}-`));
  await mkdir(join(work, 'renderer'));
  await writeFile(join(work, 'renderer', 'index.html'), '<html><head></head><body></body></html>');
  const start = (n: number) =>
    startDeskServer({
      databaseUrl: url,
      listen: '127.0.0.1:0',
      dataDir: join(work, `data${n}`),
      rendererDir: join(work, 'renderer'),
      env: {},
    });
  const server = await start(0);
  const peers: DeskServer[] = [];
  const setup = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
  const directory = new DeskDirectory(setup);
  for (const u of users) await directory.createUser(u);
  await setup.close();
  return {
    server,
    cluster,
    url,
    async startPeer() {
      const peer = await start(peers.length + 1);
      peers.push(peer);
      return peer;
    },
    async close() {
      for (const p of peers) await p.close();
      await server.close();
      await cluster.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Two editors on a desk of two processes: minh signed in on both (`minhA`, `minhB`), lan on the first. */
export interface TwoEditors {
  desk: TestDesk;
  a: DeskServer;
  b: DeskServer;
  minhA: DeskClient;
  minhB: DeskClient;
  lan: DeskClient;
}

/** {@link startTestDesk} with a second process and {@link TwoEditors} signed in. */
export async function twoEditorsOnTwoProcesses(name: string): Promise<TwoEditors> {
  const desk = await startTestDesk(name, [
    { name: 'minh', role: 'editor', password: 'minh-password' },
    { name: 'lan', role: 'editor', password: 'lan-password' },
  ]);
  const a = desk.server;
  const b = await desk.startPeer();
  return {
    desk,
    a,
    b,
    minhA: await signIn(a.url, 'minh', 'minh-password'),
    minhB: await signIn(b.url, 'minh', 'minh-password'),
    lan: await signIn(a.url, 'lan', 'lan-password'),
  };
}
