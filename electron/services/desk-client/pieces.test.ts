import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { normaliseDeskAddress } from './address';
import { OUTBOX_FILE, Outbox } from './outbox';
import { readEventStream } from './sse';

describe('desk address', () => {
  it('keeps https origins and http only to this computer', () => {
    expect(normaliseDeskAddress('https://desk.example.org/')).toBe('https://desk.example.org');
    expect(normaliseDeskAddress(' desk.example.org:8443 ')).toBe('https://desk.example.org:8443');
    expect(normaliseDeskAddress('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseDeskAddress('http://localhost:9')).toBe('http://localhost:9');
  });
  it.each([
    ['http://desk.example.org', 'deskClient.insecureAddress'],
    ['ftp://desk.example.org', 'deskClient.insecureAddress'],
    ['https://user:pw@desk.example.org', 'deskClient.badAddress'],
    ['https://desk.example.org/review?x=1', 'deskClient.badAddress'],
    ['https://', 'deskClient.badAddress'],
    ['not a url at all', 'deskClient.badAddress'],
  ])('refuses %s', (address, code) => {
    let error: unknown;
    try {
      normaliseDeskAddress(address);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, code)).toBe(true);
  });
});

describe('event stream reader', () => {
  const stream = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
  it('joins data lines, skips comments and survives chunks split anywhere (CRLF, multi-byte)', async () => {
    const text = ': connected\n\ndata: {"a":"한"}\n\ndata: x\r\ndata: y\r\n\r\n';
    const bytes = new TextEncoder().encode(text);
    // Every split point, including inside the Hangul syllable and between CR and LF.
    for (let cut = 1; cut < bytes.length; cut++) {
      const got: string[] = [];
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, cut));
          c.enqueue(bytes.slice(cut));
          c.close();
        },
      });
      await readEventStream(body, (d) => got.push(d));
      expect(got).toEqual(['{"a":"한"}', 'x\ny']);
    }
    const got: string[] = [];
    await readEventStream(stream(['data: unfinished']), (d) => got.push(d));
    expect(got).toEqual([]); // an event is only complete at its blank line
  });
});

describe('outbox of kept edits', () => {
  let dir: string;
  const now = () => new Date('2026-11-25T10:00:00Z');
  const edit = (segmentId: string, text: string) => ({
    projectId: 'p1',
    segmentId,
    lang: 'vi' as const,
    text,
    baseRev: 3,
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('keeps the latest edit per cell on disk, per desk and account, and forgets on request', async () => {
    const box = new Outbox(dir, now);
    await box.keep('https://a', 'lan', edit('s1', 'một'));
    await box.keep('https://a', 'lan', edit('s1', 'một hai'));
    await box.keep('https://a', 'lan', edit('s2', 'ba'));
    await box.keep('https://a', 'james', edit('s1', 'other person'));
    await box.keep('https://b', 'lan', edit('s1', 'other desk'));
    // A new instance reads what the first one wrote: it is on disk, not in memory.
    const again = new Outbox(dir, now);
    expect((await again.list('https://a', 'lan')).map((e) => e.text).sort()).toEqual(['ba', 'một hai']);
    expect((await again.list('https://a', 'lan', 'p2')).length).toBe(0);
    expect((await again.list('https://a', null)).length).toBe(3);
    const [kept] = await again.list('https://a', 'lan');
    expect(kept).toMatchObject({ projectId: 'p1', lang: 'vi', baseRev: 3, keptAt: now().toISOString() });
    await again.forget('https://a', 'lan', { projectId: 'p1', segmentId: 's1', lang: 'vi' });
    expect((await new Outbox(dir, now).list('https://a', 'lan')).map((e) => e.text)).toEqual(['ba']);
    expect((await new Outbox(dir, now).list('https://a', 'james')).map((e) => e.text)).toEqual([
      'other person',
    ]);
  });

  it('sets a damaged file aside instead of overwriting it', async () => {
    await writeFile(join(dir, OUTBOX_FILE), '{"version":1,"edits":[{"add');
    const box = new Outbox(dir, now);
    expect(await box.list('https://a', 'lan')).toEqual([]);
    await box.keep('https://a', 'lan', edit('s1', 'mới'));
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith(`${OUTBOX_FILE}.damaged-`));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"version":1,"edits":[{"add');
    expect((await new Outbox(dir, now).list('https://a', 'lan')).map((e) => e.text)).toEqual(['mới']);
  });

  it('reports a write the disk refuses, and keeps working after it', async () => {
    const box = new Outbox(join(dir, 'missing-folder'), now);
    await expect(box.keep('https://a', 'lan', edit('s1', 'x'))).rejects.toThrow();
    const ok = new Outbox(dir, now);
    await ok.keep('https://a', 'lan', edit('s1', 'y'));
    expect((await ok.list('https://a', 'lan')).length).toBe(1);
  });
});
