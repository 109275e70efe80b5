import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type Database } from '../db';
import { isAppError } from '../errors';
import { exportTmx, importTmx, memoryFor, type TranslationMemory } from './index';
import { EMBEDDED_DESK } from '../db/desk-scope';
import { ALL_MIGRATIONS } from '../../core/migrations';

/** The desk whose memory these cases use (the embedded app's). */
const D = EMBEDDED_DESK;

// The official TMX 1.4b DTD, kept with its licence in the repository (e2e/support/schemas).
const DTD = resolve(import.meta.dirname, '../../../e2e/support/schemas/tmx-1.4b/tmx14.dtd');

let database: Database;
let tm: TranslationMemory;
beforeEach(async () => {
  database = await openSqlite(':memory:', ALL_MIGRATIONS);
  tm = memoryFor(database);
});
afterEach(async () => {
  await database.close();
});

const now = new Date('2026-11-25T10:00:00Z');
const utf8 = (s: string) => new TextEncoder().encode(s);
const BYLINE = '[서울=뉴시스]홍길동 기자 = ';
const PARA = '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';

describe('TMX', () => {
  it('exports the whole memory as valid TMX 1.4b and imports it back into an empty memory', async () => {
    await tm.remember(D, [
      {
        source: BYLINE,
        target: '[Seoul=Newsis] Phóng viên Hong Gil-dong =',
        lang: 'vi',
        at: '2026-11-20T09:00:00.000Z',
        reviewer: 'Lan',
        projectName: 'Bài A & B',
      },
      {
        source: PARA,
        target: 'Seoul said on the 4th it signed an MOU with Hanoi <smart mobility>.',
        lang: 'en',
        at: '2026-11-21T09:30:00.000Z',
        reviewer: 'Kim',
      },
    ]);
    const xml = await exportTmx(tm, D, { now, appVersion: '0.1.0' });
    expect(xml).toContain('<tuv xml:lang="ko-KR"><seg>[서울=뉴시스]홍길동 기자 =</seg></tuv>');
    expect(xml).toContain('&lt;smart mobility&gt;');
    {
      expect(existsSync(DTD)).toBe(true);
      const dir = await mkdtemp(join(tmpdir(), 'tmx-'));
      await writeFile(join(dir, 'memory.tmx'), xml);
      const r = spawnSync(
        'xmllint',
        ['--noout', '--nonet', '--nowarning', '--dtdvalid', DTD, join(dir, 'memory.tmx')],
        { encoding: 'utf8' },
      );
      await rm(dir, { recursive: true, force: true });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }

    const other = await openSqlite(':memory:', ALL_MIGRATIONS);
    try {
      const fresh = memoryFor(other);
      expect(await importTmx(fresh, D, utf8(xml), now)).toEqual({ imported: 2, skipped: 0 });
      const [byline] = await fresh.lookup(D, { source: BYLINE, lang: 'vi' });
      expect(byline).toMatchObject({
        score: 100,
        target: '[Seoul=Newsis] Phóng viên Hong Gil-dong =',
        reviewer: 'Lan',
        projectName: 'Bài A & B',
        at: '2026-11-20T09:00:00.000Z',
      });
      const [para] = await fresh.lookup(D, { source: PARA, lang: 'en' });
      expect(para!.target).toBe('Seoul said on the 4th it signed an MOU with Hanoi <smart mobility>.');
      // The same file again adds nothing.
      expect(await importTmx(fresh, D, utf8(xml), now)).toEqual({ imported: 0, skipped: 2 });
    } finally {
      await other.close();
    }
  });

  it("reads an agency's memory: many languages per unit, regional codes, inline tags flattened", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="html"/>
<body>
  <tu changedate="20250102T030405Z" changeid="agency">
    <tuv xml:lang="KO-kr"><seg>코스피 지수는 <bpt i="1">&lt;b&gt;</bpt>2,450.12<ept i="1">&lt;/b&gt;</ept>에 장을 마감했다.<ph>&lt;br/&gt;</ph></seg></tuv>
    <tuv xml:lang="vi-VN"><seg>Chỉ số KOSPI đóng cửa ở mức <hi type="b">2.450,12</hi>.</seg></tuv>
    <tuv xml:lang="en-GB"><seg>The KOSPI closed at 2,450.12.<sub>note</sub></seg></tuv>
    <tuv xml:lang="ja-JP"><seg>KOSPIは2,450.12で取引を終えた。</seg></tuv>
  </tu>
  <tu><tuv lang="ko"><seg>영어만 없는 단위</seg></tuv><tuv lang="fr"><seg>Seulement en français</seg></tuv></tu>
  <tu><tuv xml:lang="en-US"><seg>No Korean here</seg></tuv></tu>
</body></tmx>`;
    expect(await importTmx(tm, D, utf8(xml), now)).toEqual({ imported: 2, skipped: 2 });
    const source = '코스피 지수는 2,450.12에 장을 마감했다.';
    const [vi] = await tm.lookup(D, { source, lang: 'vi' });
    expect(vi).toMatchObject({
      score: 100,
      target: 'Chỉ số KOSPI đóng cửa ở mức 2.450,12.',
      reviewer: 'agency',
      at: '2025-01-02T03:04:05.000Z',
    });
    const [en] = await tm.lookup(D, { source, lang: 'en' });
    expect(en!.target).toBe('The KOSPI closed at 2,450.12.');
  });

  it('refuses malformed XML with its line, and XML that is not TMX, and keeps the memory as it was', async () => {
    await tm.remember(D, [{ source: PARA, target: 'x', lang: 'vi', at: now.toISOString() }]);
    const bad =
      '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv xml:lang="ko"><seg>깨진</tuv></tu></body></tmx>';
    const e1 = await importTmx(tm, D, utf8(bad), now).catch((e: unknown) => e);
    expect(isAppError(e1, 'xml.mismatchedTag')).toBe(true);
    expect((e1 as { params: Record<string, unknown> }).params).toMatchObject({
      line: 3,
      expected: 'seg',
      found: 'tuv',
    });
    const e2 = await importTmx(tm, D, utf8('<xliff version="2.0"><file/></xliff>'), now).catch(
      (e: unknown) => e,
    );
    expect(isAppError(e2, 'tm.notTmx')).toBe(true);
    const e3 = await importTmx(tm, D, new Uint8Array([0x3c, 0xff, 0xfe, 0x80]), now).catch((e: unknown) => e);
    expect(isAppError(e3, 'xml.badEncoding')).toBe(true);
    expect(await tm.repo.count(D)).toBe(1);
  });

  it('reads a UTF-16 file with a byte-order mark', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>${PARA}</seg></tuv><tuv xml:lang="vi"><seg>Seoul ký</seg></tuv></tu></body></tmx>`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(await importTmx(tm, D, bytes, now)).toEqual({ imported: 1, skipped: 0 });
  });
});
