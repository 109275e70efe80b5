/**
 * Hostile files and a probe that keeps asking the host for something while one is imported: shared by the
 * hostile-files test (what happens) and `bench/hostile.ts` (how long it takes, how long the host stalls).
 */
import JSZip from 'jszip';
import type { SignedIn } from './web';

export const MiB = 1024 * 1024;

/** A DOCX whose document.xml inflates to `mb` MiB (of spaces inside a paragraph): a zip bomb. */
export async function zipBomb(mb: number): Promise<Uint8Array> {
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
export function forgeSizes(bytes: Uint8Array): Uint8Array {
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

/** Each hostile article file: what it is, its name, how to build it, and the code it must be refused with. */
export const HOSTILE_ARTICLES = [
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
] as const;

/** An API answer as JSON. */
export type Reply = { value?: unknown; error?: { code: string } };

/**
 * Run `work` (a call to the host) while a probe asks the host for app info every 50 ms: the reply, how long the
 * work took, the probe's slowest answer and how many it got, every probe's outcome, and how far RSS rose.
 */
export async function withProbe(session: SignedIn, work: () => Promise<Reply>) {
  const call = async (channel: string, args: unknown[]) =>
    (await (await session.call(channel, args)).json()) as Reply;
  const rss0 = process.memoryUsage().rss;
  let peakRss = rss0;
  let slowestProbeMs = 0;
  let probes = 0;
  let failedProbes = 0;
  let running = true;
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      if ((await call('app:info', [])).value === undefined) failedProbes++;
      slowestProbeMs = Math.max(slowestProbeMs, performance.now() - t);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      probes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const reply = await work();
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await probe;
  return { reply, seconds, slowestProbeMs, probes, failedProbes, rssGrowthMb: (peakRss - rss0) / MiB };
}

/** Import an article file through the host under the probe (see {@link withProbe}). */
export function importWithProbe(session: SignedIn, fileName: string, bytes: Uint8Array) {
  return withProbe(session, async () => {
    const res = await session.call('project:import', [
      { fileName, dataBase64: Buffer.from(bytes).toString('base64') },
    ]);
    return (await res.json()) as Reply;
  });
}

/** An XLIFF 2.0 of 2,500 units with 200 inline placeholders each (about 10 MB, half a million codes). */
export function placeholderFlood(): string {
  const units = Array.from(
    { length: 2_500 },
    (_, i) =>
      `<unit id="u${i}"><segment><source>가</source><target>${'<ph id="1" equiv="x"/>'.repeat(200)}</target></segment></unit>`,
  ).join('');
  return `<xliff version="2.0" srcLang="ko" trgLang="vi"><file id="f">${units}</file></xliff>`;
}
