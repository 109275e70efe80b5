import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../e2e/support/deepl-server';
import { EXPORT_FORMATS, type ReviewEvent } from './contract';
import { createCore, type Core } from './handlers';
import { toApiError, toTransportError } from './services/api-errors';
import { isAppError } from './services/errors';
import { SettingsStore, type ConfirmKeyTransfer, type KeyVault } from './services/settings';

// The DeepL key goes only to the server it was entered for, and appears nowhere else.
const KEY = 'k3y-5ecret-0f-the-reviewer:fx';
const SAMPLE = join(import.meta.dirname, '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');
const vault: KeyVault = {
  encrypt: (s) => Buffer.from([...s].reverse().join('')).toString('base64'),
  decrypt: (s) => [...Buffer.from(s, 'base64').toString()].reverse().join(''),
};

/** A server that records everything it is sent, as a hostile "DeepL-compatible" server would. */
interface Catcher {
  url: string;
  seen: string[];
  close(): Promise<void>;
}
async function startCatcher(): Promise<Catcher> {
  const seen: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"message":"nope"}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

let deepl: DeeplFake;
let evil: Catcher;
const cores: Core[] = [];
beforeAll(async () => {
  deepl = await startDeeplServer();
  evil = await startCatcher();
});
afterAll(async () => {
  await deepl.close();
  await evil.close();
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  deepl.reset();
  deepl.setFault(null);
  evil.seen.length = 0;
});

async function app(env: Record<string, string> = {}, confirm: ConfirmKeyTransfer | null = null) {
  const dataDir = await mkdtemp(join(tmpdir(), 'key-'));
  const events: ReviewEvent[] = [];
  const settings = new SettingsStore(dataDir, env, vault, confirm);
  const core = await createCore({
    dataDir,
    now: () => new Date(),
    appVersion: '0.0.0',
    mode: 'electron',
    systemLocale: 'en',
    samplePath: SAMPLE,
    settings,
    emit: (e) => events.push(e),
  });
  cores.push(core);
  return { core, dataDir, events, h: core.handlers };
}

/** Translate the sample; returns the summary or the coded error. */
async function translate(h: Core['handlers']): Promise<unknown> {
  const project = await h.openLastProject();
  try {
    return await h.translate({ projectId: project.id, langs: ['vi'] });
  } catch (e) {
    return toApiError(e);
  }
}

describe('the DeepL key is bound to its server', () => {
  it('sends a key entered for one server nowhere else after the server changes', async () => {
    const { h } = await app();
    await h.updateSettings({ serverUrl: deepl.url, deeplAuthKey: KEY });
    await translate(h);
    expect(deepl.requests.some((r) => r.authorized)).toBe(true);
    const view = await h.updateSettings({ serverUrl: evil.url });
    expect(view).toMatchObject({ keySource: 'none', keyForOtherServer: true });
    expect(await translate(h)).toEqual({ code: 'mt.noKey' });
    expect(evil.seen.join('\n')).not.toContain(KEY);
    // Back to the server it was entered for: the key works again without being typed.
    expect((await h.updateSettings({ serverUrl: deepl.url })).keySource).toBe('settings');
  });

  it('moves the key only when the person confirms, outside the page', async () => {
    const asked: Array<[string | null, string | null]> = [];
    const refuse = await app({}, async (from, to) => (asked.push([from, to]), false));
    await refuse.h.updateSettings({ serverUrl: deepl.url, deeplAuthKey: KEY });
    await refuse.h.updateSettings({ serverUrl: evil.url });
    expect(asked).toEqual([[deepl.url, evil.url]]);
    await translate(refuse.h);
    expect(evil.seen.join('\n')).not.toContain(KEY);

    const accept = await app({}, async () => true);
    await accept.h.updateSettings({ serverUrl: deepl.url, deeplAuthKey: KEY });
    expect((await accept.h.updateSettings({ serverUrl: evil.url })).keySource).toBe('settings');
    await translate(accept.h);
    expect(evil.seen.join('\n')).toContain(KEY); // proves the catcher would have seen a leak
  });

  it('keeps a key from the environment for the environment’s server', async () => {
    const { h } = await app({ DEEPL_AUTH_KEY: KEY });
    await h.updateSettings({ serverUrl: evil.url });
    expect(await translate(h)).toEqual({ code: 'mt.noKey' });
    expect(evil.seen).toEqual([]);
  });

  it('accepts only https, or http to this computer', async () => {
    const { h } = await app();
    for (const url of ['http://evil.example', 'http://10.0.0.1:8080', 'ftp://x', 'https://u:p@deepl.example'])
      await expect(h.updateSettings({ serverUrl: url })).rejects.toSatisfy((e) =>
        isAppError(e, 'settings.badServerUrl'),
      );
    for (const url of [
      'https://api.deepl.com',
      'http://127.0.0.1:8080',
      'http://localhost:1',
      'http://[::1]:2',
    ])
      expect((await h.updateSettings({ serverUrl: url })).serverUrl).toBe(url);
  });

  it('saves settings in a data folder that does not exist yet', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'fresh-')), 'not', 'yet');
    const store = new SettingsStore(dir, {}, vault);
    expect((await store.update({ reviewerName: 'Lan' })).reviewerName).toBe('Lan');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toContain('Lan');
  });
});

describe('the key appears in no log, error, UI state, project, export or crash message', () => {
  it('after runs that fail in every way', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(capture),
    );
    try {
      const { h, dataDir, events } = await app();
      const seen: unknown[] = [await h.updateSettings({ serverUrl: deepl.url, deeplAuthKey: KEY })];
      seen.push(await h.getSettings(), await h.getAppInfo());
      seen.push(await translate(h));
      for (const fault of [
        { status: 403 },
        { status: 456 },
        { status: 500 },
        { kind: 'close-socket' },
      ] as const) {
        deepl.setFault(fault);
        const project = await h.openLastProject();
        seen.push(
          await h.translate({ projectId: project.id, langs: ['en'], refresh: true }).catch(toApiError),
        );
      }
      deepl.setFault(null);
      const project = await h.openLastProject();
      seen.push(project, await h.getUsage().catch(toApiError));
      for (const format of EXPORT_FORMATS) {
        const lang = ['tmx', 'review-docx', 'report-html', 'report-csv'].includes(format) ? 'all' : 'vi';
        const file = await h
          .buildExport({ projectId: project.id, lang, format, policy: 'include-unapproved' })
          .catch(toApiError);
        seen.push('dataBase64' in file ? Buffer.from(file.dataBase64, 'base64').toString('latin1') : file);
      }
      // A library error that echoes its request, header and all, must not carry the key into the UI.
      const crash = new Error(`request failed: Authorization: DeepL-Auth-Key ${KEY}`);
      seen.push(toApiError(crash), toTransportError(crash).message);
      await cores[0]!.store.flush();
      const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
      for (const f of files.filter((f) => f.isFile()))
        seen.push((await readFile(join(f.parentPath, f.name))).toString('latin1'));
      const all = [
        ...seen.map((s) => (typeof s === 'string' ? s : JSON.stringify(s))),
        ...logged,
        JSON.stringify(events),
      ];
      expect(all.length).toBeGreaterThan(20);
      for (const text of all) expect(text).not.toContain(KEY);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});
