/**
 * XLIFF, TMX and TBX saved as UTF-16 with a byte-order mark (as Windows tools and Excel add-ins save them), little-
 * and big-endian, through what a user touches: the app's handlers (the bytes the UI sends) and the command line.
 * Each is read exactly; the same file without its mark is refused with its own code and changes nothing.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli';
import type { Core } from '../../handlers';
import { isAppError } from '../errors';
import { decodeProjectFile, encodeProjectFile } from '../project/projectfile';
import { testCores } from '../../../test/support/project-cores';
import { smallProject } from '../../../test/support/interchange';

type Order = 'le' | 'be';
const ORDERS: Order[] = ['le', 'be'];

/** `text` as UTF-16 with its byte-order mark, the XML declaration saying so. */
function utf16(text: string, order: Order, mark = true): Buffer {
  const xml = text.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  return mark ? bytes : bytes.subarray(2);
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body><tu><tuv xml:lang="ko"><seg>부산시는 24일 전기차 50만대 보급 계획을 발표했다.</seg></tuv>
<tuv xml:lang="vi-VN"><seg>Ngày 24, TP Busan công bố kế hoạch phổ cập 500.000 xe điện.</seg></tuv></tu></body></tmx>
`;

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="ko"><text><body><termEntry>
<langSet xml:lang="ko"><tig><term>부산시</term></tig></langSet>
<langSet xml:lang="vi"><tig><term>Thành phố Busan</term></tig></langSet>
<langSet xml:lang="en"><tig><term>007 Busan</term></tig></langSet>
</termEntry></body></text></martif>
`;

const cores = testCores();

async function app(): Promise<Core> {
  const { core } = await cores.open();
  await core.store.insert(smallProject());
  return core;
}

describe.each(ORDERS)('UTF-16 %s with a byte-order mark, through the app', (order) => {
  it('XLIFF 1.2 and 2.0: previewed, then applied exactly; without the mark refused, nothing changed', async () => {
    const core = await app();
    for (const format of ['xliff12', 'xliff2'] as const) {
      const file = await core.handlers.buildExport({
        projectId: 'proj-rt',
        lang: 'vi',
        format,
        policy: 'include-unapproved',
      });
      const text = `Bản sửa ${format}: “Seoul” – đã duyệt`;
      const xml = Buffer.from(file.dataBase64, 'base64')
        .toString('utf8')
        .replace(/(id="p1"[\s\S]*?<target[^>]*>)[^<]*/, `$1${text}`);
      const send = (bytes: Buffer, dryRun = false) =>
        core.handlers.importInterchange({
          projectId: 'proj-rt',
          fileName: 'back.xlf',
          dataBase64: b64(bytes),
          dryRun,
        });
      const before = structuredClone((await core.store.get('proj-rt')).segments);
      const refused = await send(utf16(xml, order, false)).catch((e: unknown) => e);
      expect(isAppError(refused, 'xml.badEncoding')).toBe(true);
      expect((await core.store.get('proj-rt')).segments).toEqual(before);
      expect(await send(utf16(xml, order), true)).toMatchObject({ updated: 1, conflicts: [] });
      expect((await core.store.get('proj-rt')).segments).toEqual(before);
      await send(utf16(xml, order));
      expect((await core.store.get('proj-rt')).segments[1]!.targets.vi.text).toBe(text);
    }
  });

  it('TMX into the memory and TBX into the termbase, read exactly', async () => {
    const core = await app();
    const h = core.handlers;
    const refused = await h
      .importTmx({ fileName: 'm.tmx', dataBase64: b64(utf16(TMX, order, false)) })
      .catch((e: unknown) => e);
    expect(isAppError(refused, 'xml.badEncoding')).toBe(true);
    expect(await h.importTmx({ fileName: 'm.tmx', dataBase64: b64(utf16(TMX, order)) })).toMatchObject({
      imported: 1,
    });
    const memory = Buffer.from((await h.exportTmx()).dataBase64, 'base64').toString('utf8');
    expect(memory).toContain('<seg>Ngày 24, TP Busan công bố kế hoạch phổ cập 500.000 xe điện.</seg>');

    const terms = (bytes: Buffer) =>
      h.importTerms({ fileName: 't.tbx', dataBase64: b64(bytes), scope: 'desk' });
    expect(
      isAppError(await terms(utf16(TBX, order, false)).catch((e: unknown) => e), 'xml.badEncoding'),
    ).toBe(true);
    expect(await h.listTerms(null)).toEqual([]);
    expect(await terms(utf16(TBX, order))).toEqual({ imported: 1, skipped: 0 });
    expect((await h.listTerms(null)).map((t) => [t.ko, t.vi, t.en])).toEqual([
      ['부산시', 'Thành phố Busan', '007 Busan'],
    ]);
  });
});

describe('UTF-16 with a byte-order mark, through the command line', () => {
  const stderr: string[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'utf16-cli-'));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => vi.restoreAllMocks());

  it.each(ORDERS)(
    'import-xliff and tm import read a %s file; without the mark, refused saying why',
    async (order) => {
      const env = { REVIEW_DATA_DIR: join(dir, `data-${order}`) };
      const projectFile = join(dir, `p-${order}.json`);
      await writeFile(projectFile, encodeProjectFile(smallProject(), '2026-11-25T09:00:00.000Z'));
      const exported = join(dir, `p-${order}.xlf`);
      expect(
        await runCli(
          [
            'export',
            projectFile,
            '--lang',
            'vi',
            '--format',
            'xliff2',
            '--include-unapproved',
            '-o',
            exported,
          ],
          env,
        ),
      ).toBe(0);
      const xml = (await readFile(exported, 'utf8')).replace(
        /(id="p1"[\s\S]*?<target[^>]*>)[^<]*/,
        '$1Đã sửa ở CAT',
      );
      const bad = join(dir, `bad-${order}.xlf`);
      await writeFile(bad, utf16(xml, order, false));
      expect(await runCli(['import-xliff', projectFile, bad], env)).toBe(1);
      expect(stderr.at(-1)).toContain('neither UTF-8 nor UTF-16 text with a byte-order mark');
      const good = join(dir, `good-${order}.xlf`);
      await writeFile(good, utf16(xml, order));
      expect(await runCli(['import-xliff', projectFile, good], env)).toBe(0);
      const saved = decodeProjectFile(await readFile(projectFile, 'utf8'));
      expect(saved.segments[1]!.targets.vi.text).toBe('Đã sửa ở CAT');

      const tmx = join(dir, `m-${order}.tmx`);
      await writeFile(tmx, utf16(TMX, order));
      expect(await runCli(['tm', 'import', tmx], env)).toBe(0);
      expect(stderr.at(-1)).toMatch(/1 unit\(s\) added/);
    },
  );
});

describe('a termbase CSV as spreadsheets save it', () => {
  // CP949 holds Hangul (똠, 뷁 included) but no Vietnamese letters: Korean Excel's CSV carries Korean and English.
  const row = (vi: string) => `ko,vi,en,note\n부산시,${vi},Busan,"똠양꿍, 뷁"\n`;
  it.each([
    ['Korean Excel’s “CSV” (CP949)', 'TP Busan', (csv: string) => iconv.encode(csv, 'cp949')],
    ['“CSV UTF-8” (with a byte-order mark)', 'Thành phố Busan', (csv: string) => Buffer.from(`\uFEFF${csv}`)],
    [
      'UTF-16 with a byte-order mark',
      'Thành phố Busan',
      (csv: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]),
    ],
  ])('%s: read exactly through the app', async (_what, vi, encode) => {
    const core = await app();
    const h = core.handlers;
    const dataBase64 = b64(encode(row(vi)));
    expect(await h.importTerms({ fileName: 'terms.csv', dataBase64, scope: 'desk' })).toEqual({
      imported: 1,
      skipped: 0,
    });
    expect((await h.listTerms(null)).map((t) => [t.ko, t.vi, t.en, t.note])).toEqual([
      ['부산시', vi, 'Busan', '똠양꿍, 뷁'],
    ]);
  });
});
