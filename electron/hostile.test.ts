// @slow: every method of the contract × a dozen hostile payloads, over IPC dispatch and HTTP.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, CHANNELS } from './contract';
import { createCore, type Core } from './handlers';
import { registerIpc } from './ipc';
import { TRUSTED_FRAME, fakeIpcMain } from '../test/support/ipc';
import { SettingsStore } from './services/settings';
import { startWebHost, type WebHost } from './web';
import { signIn, type SignedIn } from '../test/support/web';

vi.mock('electron', async () => (await import('../test/support/ipc')).ELECTRON_STUB);

// Hostile payloads for every method of the table (so methods added later are covered), over both transports:
// whatever a compromised page sends, the answer is a coded error, never a crash, a path or a polluted prototype.
const HUGE = 'x'.repeat(2_000_000);
const PAYLOADS: Array<[string, unknown]> = [
  ['an object instead of the argument list', { projectId: 'p' }],
  ['a string instead of the argument list', 'x'],
  ['null instead of the argument list', null],
  ['a number argument', [42]],
  ['a null argument', [null]],
  ['an array argument', [[1, 2, 3]]],
  ['a huge string', [HUGE]],
  ['a path-like id', ['../../../../etc/passwd']],
  ['a Windows path id', ['..\\..\\Windows\\win.ini']],
  ['an absolute path id', ['/etc/passwd']],
  ['unknown fields', [{ projectId: '../x', segmentId: '/etc', lang: 'fr', extra: HUGE, text: 1 }]],
  [
    'prototype pollution',
    JSON.parse('[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]'),
  ],
  ['too many arguments', [{}, {}, {}, {}]],
];
const NOT_A_LIST = new Set(PAYLOADS.slice(0, 3).map(([name]) => name));

let dataDir: string;
let core: Core;
const ipc = fakeIpcMain();
let host: WebHost;
let session: SignedIn;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hostile-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  core = await createCore({
    dataDir: join(dataDir, 'ipc'),
    now: () => new Date(),
    appVersion: '0.0.0',
    mode: 'electron',
    systemLocale: 'en',
    samplePath: join(dirname(import.meta.dirname), 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt'),
    settings: new SettingsStore(join(dataDir, 'ipc'), {}, null),
    emit: () => undefined,
  });
  registerIpc(core.handle, (frame) => frame === TRUSTED_FRAME, ipc.ipc);
  // Thousands of hostile calls in a row: the rate bound is tested on its own (web-auth.test.ts), not here.
  host = await startWebHost({
    dataDir: join(dataDir, 'web'),
    port: 0,
    rendererDir,
    env: {},
    apiRate: 100_000,
  });
  session = await signIn(host);
}, 60_000);
afterAll(async () => {
  await core.close();
  await host.close();
});

/** What no answer may contain: an absolute path of this machine. */
function expectNoPaths(text: string): void {
  expect(text).not.toContain(dataDir);
  expect(text).not.toMatch(/\/(?:tmp|home|root|etc|work)\//);
}

describe.each(API_METHODS)('%s refuses hostile payloads', (method) => {
  it.each(PAYLOADS)('over IPC: %s', async (name, args) => {
    // ipcRenderer.invoke spreads its arguments: a payload that is not a list arrives as one argument.
    const sent = Array.isArray(args) ? args : [args];
    const answer = await ipc.invoke(CHANNELS[method], sent);
    if (name === 'too many arguments') expect(answer.error?.code).toBe('api.invalidArgument');
    if (answer.error) expect(answer.error.code, JSON.stringify(answer.error)).not.toBe('unknown');
    expectNoPaths(JSON.stringify(answer.error ?? ''));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(PAYLOADS)('over HTTP: %s', async (name, args) => {
    const res = await session.call(CHANNELS[method], args as unknown[]);
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoPaths(text);
    const body = JSON.parse(text) as { error?: { code: string } };
    if (NOT_A_LIST.has(name)) expect(body.error?.code).toBe('api.invalidArgument');
    if (body.error) expect(body.error.code).not.toBe('unknown');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** A raw request, for paths and methods fetch() normalises away. */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('every HTTP route refuses hostile requests', () => {
  const routes: Array<[string, string]> = [
    ['/../../../etc/passwd', 'GET'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'GET'],
    ['/..%5c..%5cwindows%5cwin.ini', 'GET'],
    ['/api/app:info', 'GET'],
    ['/api/app:info', 'PUT'],
    ['/api/..%2f..%2fetc', 'POST'],
    ['/api/no:such', 'POST'],
    [`/login?secret=${'A'.repeat(100_000).slice(0, 7000)}`, 'GET'],
    ['/login?secret=../../etc/passwd', 'GET'],
    ['/login', 'POST'],
    ['/index.html', 'DELETE'],
    ['/%00', 'GET'],
  ];
  it.each(routes)('%s %s', async (path, method) => {
    const res = await raw(path, method, { ...session.headers, 'Content-Length': '0' });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('root:');
    expectNoPaths(res.body);
  });

  it('answers bodies that are not JSON, empty or deeply nested with a coded error', async () => {
    for (const body of ['', '{', 'null', '['.repeat(100_000)]) {
      const res = await fetch(new URL('/api/project:open', host.origin), {
        method: 'POST',
        headers: session.headers,
        body,
      });
      expect(res.status, body.slice(0, 10)).toBe(200);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('api.invalidArgument');
    }
  });

  it('wrote nothing outside the data folders', async () => {
    expect((await readdir(dataDir)).sort()).toEqual(['ipc', 'renderer', 'web']);
  });
});
