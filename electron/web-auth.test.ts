import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './services/web/limits';
import { startWebHost, type WebHost, type WebHostOptions } from './web';
import { signIn } from '../test/support/web';

// The browser mode's doors: who gets in (only the browser that opened a one-time link), and what bounds hold.
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function start(extra: Partial<WebHostOptions> = {}): Promise<WebHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'web-auth-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body>APP</body></html>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  const host = await startWebHost({ dataDir, port: 0, rendererDir, env: {}, ...extra });
  hosts.push(host);
  return host;
}

/** A raw request: fetch() refuses malformed paths and cannot send some headers. */
function raw(host: WebHost, path: string, headers: Record<string, string> = {}) {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('browser-mode sign-in', () => {
  it('gives a browser without the link nothing: no page, no API, no token in the HTML', async () => {
    const host = await start();
    const page = await fetch(host.origin);
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).not.toContain('APP');
    expect(html).toContain('terminal');
    const api = await fetch(new URL('/api/app:info', host.origin), {
      method: 'POST',
      headers: { 'X-Review-Request': '1' },
      body: '[]',
    });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { code: 'api.sessionExpired' } });
    expect((await fetch(new URL('/login', host.origin), { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(new URL('/api/events', host.origin))).status).toBe(401);
  });

  it('exchanges a link once for an HttpOnly SameSite=Strict cookie; a replayed link gets nothing', async () => {
    const host = await start();
    const link = host.url;
    expect(link).toMatch(/\/login\?secret=[\w-]{43}$/);
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const replay = await fetch(link, { redirect: 'manual' });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toBeNull();
    // A secret one character off is refused too.
    const other = host.url;
    const wrong = other.slice(0, -1) + (other.endsWith('A') ? 'B' : 'A');
    expect((await fetch(wrong, { redirect: 'manual' })).status).toBe(401);
    // The browser that signed in keeps working, even when it opens the used link again.
    const session = cookie.split(';')[0]!;
    expect((await fetch(link, { redirect: 'manual', headers: { Cookie: session } })).status).toBe(303);
    expect((await fetch(host.origin, { headers: { Cookie: session } })).status).toBe(200);
  });

  it("refuses another user's request without the cookie, a forged cookie, and a foreign Origin", async () => {
    const host = await start();
    const me = await signIn(host);
    expect((await me.call('app:info', [])).status).toBe(200);
    expect((await me.call('app:info', [], { Cookie: '' })).status).toBe(401);
    const name = me.headers.Cookie!.split('=')[0]!;
    expect((await me.call('app:info', [], { Cookie: `${name}=${'A'.repeat(43)}` })).status).toBe(401);
    expect((await me.call('app:info', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await me.call('app:info', [], { Origin: 'null' })).status).toBe(403);
    // A form post from another site cannot add our header: refused even with the cookie.
    expect((await me.call('app:info', [], { 'X-Review-Request': '' })).status).toBe(403);
  });

  it('tells a page left open across a restart that its session is gone', async () => {
    const first = await start();
    const me = await signIn(first);
    const port = Number(new URL(first.origin).port);
    await hosts.shift()!.close();
    const second = await start({ port });
    expect(second.origin).toBe(first.origin);
    const res = await fetch(new URL('/api/cell:update', second.origin), {
      method: 'POST',
      headers: me.headers,
      body: '[]',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'api.sessionExpired' } });
  });
});

describe('loopback host bounds', () => {
  it('answers a malformed URL with 400, not 500', async () => {
    const host = await start();
    const me = await signIn(host);
    for (const path of ['/%E0%A4%A', '/api/%zz', '/%', '/app.js%']) {
      const res = await raw(host, path, { Cookie: me.headers.Cookie! });
      expect(res.status, path).toBe(400);
    }
  });

  it('refuses bodies over the limit with 413 before reading them', async () => {
    const host = await start({ maxBody: 1024 });
    const me = await signIn(host);
    const res = await me.call('project:importText', [{ text: 'x'.repeat(4096) }]);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'api.tooLarge' } });
    expect((await me.call('app:info', [])).status).toBe(200);
  });

  it('limits the API call rate and sign-in guessing', async () => {
    const host = await start({ apiRate: 5 });
    const me = await signIn(host);
    const statuses = await Promise.all(Array.from({ length: 30 }, () => me.call('app:info', [])));
    expect(statuses.map((r) => r.status)).toContain(429);
    const guesses = [];
    for (let i = 0; i < 30; i++)
      guesses.push((await fetch(new URL(`/login?secret=g${i}`, host.origin), { redirect: 'manual' })).status);
    expect(guesses).toContain(429);
    // A real link still works once guessing stops being a flood (the bucket refills at one per second).
    expect(guesses.slice(0, 10).every((s) => s === 401)).toBe(true);
  });

  it('never refuses a valid one-time link because others failed', async () => {
    const host = await start();
    const flood = [];
    for (let i = 0; i < 40; i++)
      flood.push((await fetch(new URL(`/login?secret=bad${i}`, host.origin), { redirect: 'manual' })).status);
    expect(flood).toContain(429); // the flooding address is slowed down...
    const owner = await fetch(host.url, { redirect: 'manual' });
    expect(owner.status).toBe(303); // ...the owner's fresh link still signs in
    expect(owner.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });

  it('refills the token bucket with time', () => {
    let now = 0;
    const bucket = new RateLimiter(2, 1, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now = 1000;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
