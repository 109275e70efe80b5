// @slow: zip bombs, 10 MB files and import time limits, each against a live host.
/**
 * Hostile files against the loopback host, as a user (or an attacker) would send them: each is refused within a
 * few seconds, the host answers a probe call all along (imports run in a worker thread), and memory stays bounded.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { readArticleFile } from './services/import';
import { parseArticleOffThread } from './services/import/off-thread';
import { startWebHost, type WebHost } from './web';
import { signIn, type SignedIn } from '../test/support/web';

const MiB = 1024 * 1024;

/** A DOCX whose document.xml inflates to `mb` MiB (of spaces inside a paragraph): a zip bomb. */
async function zipBomb(mb: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const head = Buffer.from(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>기사',
  );
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  zip.file('word/document.xml', Buffer.concat([head, Buffer.alloc(mb * MiB, 0x20), tail]));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The same bomb with its central directory and local header lying about the inflated size (1 KB). */
function forgeSizes(bytes: Uint8Array): Uint8Array {
  const buf = Buffer.from(bytes);
  const name = Buffer.from('word/document.xml');
  for (let i = 0; i < buf.length - 46; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x02014b50 && buf.subarray(i + 46, i + 46 + name.length).equals(name))
      buf.writeUInt32LE(1024, i + 24);
    if (sig === 0x04034b50 && buf.subarray(i + 30, i + 30 + name.length).equals(name))
      buf.writeUInt32LE(1024, i + 22);
  }
  return buf;
}

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

  const call = async (channel: string, args: unknown[]) => {
    const res = await session.call(channel, args);
    return (await res.json()) as { value?: unknown; error?: { code: string } };
  };

  /** Import through the host while a probe asks it for app info every 50 ms; returns the outcome and figures. */
  async function importWithProbe(fileName: string, bytes: Uint8Array) {
    const rss0 = process.memoryUsage().rss;
    let peakRss = rss0;
    let slowestProbeMs = 0;
    let probes = 0;
    let running = true;
    const probe = (async () => {
      while (running) {
        const t = performance.now();
        expect((await call('app:info', [])).value).toBeDefined();
        slowestProbeMs = Math.max(slowestProbeMs, performance.now() - t);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        probes++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const reply = await call('project:import', [
      { fileName, dataBase64: Buffer.from(bytes).toString('base64') },
    ]);
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await probe;
    const figures = { seconds, slowestProbeMs, probes, rssGrowthMb: (peakRss - rss0) / MiB };
    console.info(`${fileName}: ${JSON.stringify(figures)}`);
    return { reply, ...figures };
  }

  it.each([
    [
      'a zip-bomb DOCX (200 KB that inflates to 200 MB)',
      'bomb.docx',
      () => zipBomb(200),
      'import.docxTooLarge',
    ],
    [
      'a zip bomb whose headers lie about its size',
      'forged.docx',
      async () => forgeSizes(await zipBomb(200)),
      'import.docxTooLarge',
    ],
    [
      '100,000 nested tags',
      'nested.html',
      async () =>
        new TextEncoder().encode(`${'<div>'.repeat(100_000)}<p>기사 본문</p>${'</div>'.repeat(100_000)}`),
      'import.tooDeeplyNested',
    ],
    [
      'a 10 MB paragraph',
      'long.txt',
      async () => new TextEncoder().encode(`${'가'.repeat((10 * MiB) / 3)}\n`),
      'import.paragraphTooLong',
    ],
  ] as const)(
    '%s is refused within seconds; the host stays responsive',
    async (_name, file, make, code) => {
      const bytes = await make();
      const result = await importWithProbe(file, bytes);
      expect(result.reply.error?.code).toBe(code);
      expect(result.seconds).toBeLessThan(5);
      expect(result.slowestProbeMs).toBeLessThan(500);
      expect(result.rssGrowthMb).toBeLessThan(600);
    },
    30_000,
  );

  it('a 10 MB XLIFF with half a million inline codes: the host answers the probe meanwhile', async () => {
    const opened = await importWithProbe('a.txt', new TextEncoder().encode('서울시 기사\n본문이다.\n'));
    const projectId = (opened.reply.value as { project: { id: string } }).project.id;
    // Half a million inline placeholders, parsed in the import worker (with its time limit and memory cap).
    const units = Array.from(
      { length: 2_500 },
      (_, i) =>
        `<unit id="u${i}"><segment><source>가</source><target>${'<ph id="1" equiv="x"/>'.repeat(200)}</target></segment></unit>`,
    ).join('');
    const xml = `<xliff version="2.0" srcLang="ko" trgLang="vi"><file id="f">${units}</file></xliff>`;
    expect(xml.length).toBeGreaterThan(5_000_000);
    let slowest = 0;
    let running = true;
    const probe = (async () => {
      while (running) {
        const t = performance.now();
        await call('app:info', []);
        slowest = Math.max(slowest, performance.now() - t);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const reply = await call('interchange:import', [
      { projectId, fileName: 'big.xlf', dataBase64: Buffer.from(xml).toString('base64') },
    ]);
    running = false;
    await probe;
    expect(reply.error?.code).toBe('export.otherProject');
    console.info(
      `big.xlf (${(Buffer.byteLength(xml) / MiB).toFixed(1)} MB): slowest probe ${slowest.toFixed(0)} ms`,
    );
    expect(slowest).toBeLessThan(500);
  }, 30_000);

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
    const started = performance.now();
    await expect(readArticleFile(fifo)).rejects.toMatchObject({ code: 'import.notRegularFile' });
    const env = { REVIEW_DATA_DIR: join(dir, 'cli-data'), DEEPL_AUTH_KEY: '' };
    expect(await runCli(['translate', fifo, '-o', join(dir, 'x.json')], env)).toBe(1);
    expect(await runCli(['import-xliff', fifo, fifo], env)).toBe(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
