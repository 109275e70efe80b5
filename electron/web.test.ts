import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project, Segment } from './contract';
import { startWebHost, type WebHost } from './web';

interface Reply<T> {
  value: T;
  error: { code: string };
}
const read = async <T>(r: Promise<Response>): Promise<Reply<T>> => (await (await r).json()) as Reply<T>;

// The loopback host end to end with the real services: what the browser mode and Playwright rely on.
describe('loopback web host', () => {
  let host: WebHost;
  let token: string;
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
    const html = await (await fetch(host.url)).text();
    token = /name="review-token" content="([^"]+)"/.exec(html)![1]!;
  });
  afterEach(() => host.close());

  const call = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    fetch(new URL(`/api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Review-Token': token, ...headers },
      body: JSON.stringify(args),
    });

  it('serves the page with a strict CSP and the API only with the page token', async () => {
    const page = await fetch(host.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await call('app:info', [])).status).toBe(200);
    expect(await (await call('app:info', [])).json()).toMatchObject({ value: { mode: 'browser' } });
    expect((await call('app:info', [], { 'X-Review-Token': 'guess' })).status).toBe(403);
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
    const res = await fetch(new URL('/..%2Fsecret.txt', host.url));
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
