// @slow: zip bombs, 10 MB files and import time limits, each against a live host.
/**
 * Hostile files against the loopback host, as a user (or an attacker) would send them: each is refused with its
 * own message, the host answers every probe call meanwhile (imports run in a worker thread), and memory stays
 * bounded. How fast (refusal time, the probe's slowest answer) is measured by `bench/hostile.ts`, not here: the
 * suite must pass on a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { readArticleFile } from './services/import';
import { parseArticleOffThread } from './services/import/off-thread';
import { startWebHost, type WebHost } from './web';
import { signIn, type SignedIn } from '../test/support/web';
import {
  HOSTILE_ARTICLES,
  importWithProbe as probeImport,
  placeholderFlood,
  withProbe,
  type Reply,
} from '../test/support/hostile';

describe('hostile files', () => {
  let host: WebHost;
  let session: SignedIn;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(
      join(rendererDir, 'index.html'),
      '<html><head><title>t</title></head><body></body></html>',
    );
    host = await startWebHost({ dataDir: join(dir, 'data'), port: 0, rendererDir, env: {} });
    session = await signIn(host);
  });
  afterAll(() => host.close());

  const importWithProbe = (fileName: string, bytes: Uint8Array) => probeImport(session, fileName, bytes);

  it.each(HOSTILE_ARTICLES)(
    '%s is refused with its own message; the host answers every probe meanwhile',
    async (_name, file, make, code) => {
      const result = await importWithProbe(file, await make());
      console.info(`${file}: ${JSON.stringify({ ...result, reply: undefined })}`);
      expect(result.reply.error?.code).toBe(code);
      expect(result.probes).toBeGreaterThan(0);
      expect(result.failedProbes).toBe(0);
      expect(result.rssGrowthMb).toBeLessThan(600);
    },
    180_000,
  );

  it('a 10 MB XLIFF with half a million inline codes: refused, and the host answers every probe meanwhile', async () => {
    const opened = await importWithProbe('a.txt', new TextEncoder().encode('서울시 기사\n본문이다.\n'));
    const projectId = (opened.reply.value as { project: { id: string } }).project.id;
    // Half a million inline placeholders, parsed in the import worker (with its time limit and memory cap).
    const xml = placeholderFlood();
    expect(xml.length).toBeGreaterThan(5_000_000);
    const result = await withProbe(session, async () => {
      const res = await session.call('interchange:import', [
        { projectId, fileName: 'big.xlf', dataBase64: Buffer.from(xml).toString('base64') },
      ]);
      return (await res.json()) as Reply;
    });
    console.info(`big.xlf: ${JSON.stringify({ ...result, reply: undefined })}`);
    expect(result.reply.error?.code).toBe('export.otherProject');
    expect(result.probes).toBeGreaterThan(0);
    expect(result.failedProbes).toBe(0);
  }, 180_000);

  it('a page nested 400 deep (within what browsers show) is read', async () => {
    const page = `${'<div>'.repeat(400)}<h1>서울시 제목</h1><p>기사 본문이다.</p>${'</div>'.repeat(400)}`;
    const { reply } = await importWithProbe('deep.html', new TextEncoder().encode(page));
    expect(reply.value).toMatchObject({ project: { name: '서울시 제목' } });
  });

  it('an import past its time limit, or cancelled, stops with its own message and ends the worker', async () => {
    // An article of 10,000 long paragraphs takes a few hundred ms to parse: far more than the limits below.
    const big = `서울시 기사\n${'서울시는 베트남과 스마트 모빌리티 협력을 선포했다. '.repeat(20).concat('\n').repeat(10_000)}`;
    const input = { fileName: 'a.txt', bytes: new TextEncoder().encode(big) };
    await expect(parseArticleOffThread(input, { timeoutMs: 20 })).rejects.toMatchObject({
      code: 'import.timedOut',
    });
    const control = new AbortController();
    const cancelled = parseArticleOffThread(input, { signal: control.signal });
    setTimeout(() => control.abort(), 20);
    await expect(cancelled).rejects.toMatchObject({ code: 'import.cancelled' });
    // And the same import, left alone, succeeds.
    expect((await parseArticleOffThread(input)).segments).toHaveLength(10_001);
  });

  it('a FIFO is refused at once by the app checks and by the CLI, never waited on', async () => {
    const fifo = join(dir, 'article.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A FIFO read would wait for a writer forever: the test would time out instead of passing.
    await expect(readArticleFile(fifo)).rejects.toMatchObject({ code: 'import.notRegularFile' });
    const env = { REVIEW_DATA_DIR: join(dir, 'cli-data'), DEEPL_AUTH_KEY: '' };
    expect(await runCli(['translate', fifo, '-o', join(dir, 'x.json')], env)).toBe(1);
    expect(await runCli(['import-xliff', fifo, fifo], env)).toBe(1);
  });
});
