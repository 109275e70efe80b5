import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project, Segment } from './contract';
import { startWebHost, type WebHost } from './web';
import { signIn, type SignedIn } from '../test/support/web';

interface Reply<T> {
  value: T;
  error: { code: string };
}
const read = async <T>(r: Promise<Response>): Promise<Reply<T>> => (await (await r).json()) as Reply<T>;

// The loopback host end to end with the real services: what the browser mode and Playwright rely on.
describe('loopback web host', () => {
  let host: WebHost;
  let session: SignedIn;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'web-'));
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(
      join(rendererDir, 'index.html'),
      '<html><head><title>t</title></head><body></body></html>',
    );
    host = await startWebHost({ dataDir, port: 0, rendererDir, env: {} });
    session = await signIn(host);
  });
  afterEach(() => host.close());

  const call = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    session.call(channel, args, headers);

  it('serves the page with a strict CSP and the API only to the signed-in browser', async () => {
    const page = await fetch(host.origin, { headers: { Cookie: session.headers.Cookie! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await call('app:info', [])).json()).toMatchObject({ value: { mode: 'browser' } });
    expect((await call('app:info', [], { Cookie: 'review_session_1=guess' })).status).toBe(401);
  });

  it('refuses other origins and rebound host names', async () => {
    expect((await call('app:info', [], { Origin: 'https://evil.example' })).status).toBe(403);
    const port = new URL(host.url).port;
    // fetch() will not send a foreign Host header; a raw request does, as a rebinding attack would.
    const status = await new Promise<number | undefined>((ok, fail) =>
      get({ host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } }, (res) => {
        res.resume();
        ok(res.statusCode);
      }).on('error', fail),
    );
    expect(status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    await writeFile(join(dataDir, 'secret.txt'), 'secret');
    const res = await fetch(new URL('/..%2Fsecret.txt', host.origin));
    expect(res.status).toBe(404);
  });

  it('validates arguments and reports errors as codes', async () => {
    const bad = await read(call('cell:update', [{ projectId: '../x', segmentId: 'a', lang: 'fr', text: 1 }]));
    expect(bad.error.code).toBe('api.invalidArgument');
    const missing = await read(call('project:open', ['does-not-exist']));
    expect(missing.error.code).toBe('project.notFound');
  });

  it('opens the sample on first start, keeps an edit, and approves it', async () => {
    const project = (await read<Project>(call('project:openLast', []))).value;
    expect(project.segments.length).toBeGreaterThan(10);
    const para = project.segments.find((s) => s.kind === 'paragraph')!;
    const edit = { projectId: project.id, segmentId: para.id, lang: 'vi', text: 'Thị trưởng Oh Se-hoon' };
    const edited = (await read<Segment>(call('cell:update', [edit]))).value;
    expect(edited.targets.vi).toMatchObject({ text: 'Thị trưởng Oh Se-hoon', status: 'edited' });
    const ref = { projectId: project.id, segmentId: para.id, lang: 'vi' };
    const approved = (await read<Segment>(call('cell:approve', [ref]))).value;
    expect(approved.targets.vi.status).toBe('approved');
    const again = (await read<Project>(call('project:openLast', []))).value;
    expect(again.id).toBe(project.id);
  });
});
