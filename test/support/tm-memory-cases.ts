import fc from 'fast-check';
import { expect, it } from 'vitest';
import { exportTmx, importTmx } from '../../electron/services/tm/index';
import type { ApprovedRow, TranslationMemory } from '../../electron/services/tm/memory';
import { fuzzyScore, normalize } from '../../electron/services/tm/text';
import { EMBEDDED_DESK } from '../../electron/services/db/desk-scope';

/** The desk whose memory these cases use (the embedded app's). */
const D = EMBEDDED_DESK;

const BYLINE = '[서울=뉴시스]홍길동 기자 = ';
const COPYRIGHT = '<저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>';
const KOSPI = '코스피 지수는 전 거래일보다 12.34포인트(0.51%) 오른 2,450.12에 장을 마감했다.';
const KOSPI_OTHER_DAY = '코스피 지수는 전 거래일보다 8.02포인트(0.33%) 오른 2,458.14에 장을 마감했다.';
const SEOUL = '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const SEOUL_WORD =
  '서울시는 4일 베트남 호찌민시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const UNRELATED = '기상청은 내일 전국에 강한 비가 내리고 제주도에는 태풍 특보가 발효될 것이라고 예보했다.';

function row(source: string, target: string, extra: Partial<ApprovedRow> = {}): ApprovedRow {
  return {
    source,
    target,
    lang: 'vi',
    at: '2026-11-20T09:00:00.000Z',
    projectName: 'A',
    reviewer: 'Lan',
    ...extra,
  };
}

/**
 * The memory's behaviour, run against every engine: `memory()` gives the memory under test, emptied before each case.
 */
export function memoryCases(memory: () => TranslationMemory): void {
  bulkCases(memory);
  exactCases(memory);
  fuzzyCases(memory);
  storeCases(memory);
  concordanceCases(memory);
  concordanceProperty(memory);
}

/** Many rows at once: a whole article looked up, a large batch stored. */
function bulkCases(memory: () => TranslationMemory): void {
  it('looks a whole article up at once: 101 % where the neighbours match, else the newest 100 %, else null', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(BYLINE, 'older byline', { at: '2026-01-01T00:00:00.000Z', previous: '제목 A', next: SEOUL }),
      row(BYLINE, 'newer byline', { at: '2026-02-01T00:00:00.000Z', previous: '제목 B', next: KOSPI }),
      row(SEOUL, 'Seoul vi', { previous: BYLINE, next: COPYRIGHT }),
      row(SEOUL, 'Seoul en', { lang: 'en', previous: BYLINE, next: COPYRIGHT }),
    ]);
    // Another desk's identical unit is never found.
    await tm.remember('other-desk', [row(UNRELATED, 'not ours')]);
    const article = [
      { source: BYLINE, previous: '제목 A', next: SEOUL },
      { source: ` ${SEOUL.normalize('NFD')}  `, previous: BYLINE, next: COPYRIGHT },
      { source: COPYRIGHT, previous: SEOUL },
      { source: UNRELATED },
      { source: BYLINE, previous: '제목 C', next: '본문 C' },
    ];
    const found = await tm.exactMatches(D, 'vi', article);
    expect(found.map((m) => m && [m.score, m.target])).toEqual([
      [101, 'older byline'],
      [101, 'Seoul vi'],
      null,
      null,
      [100, 'newer byline'],
    ]);
    // The bulk answer is the single lookup's best match, row by row.
    for (const [i, r] of article.entries()) {
      const single = (await tm.lookup(D, { ...r, lang: 'vi' })).filter((m) => m.score >= 100);
      expect(single[0]?.target ?? null).toBe(found[i]?.target ?? null);
    }
    expect(await tm.exactMatches(D, 'vi', [])).toEqual([]);
  });

  it('loads a large batch at once: new units counted, all indexed for fuzzy lookups, later units too', async () => {
    const tm = memory();
    // 30 syllables spread over the whole Hangul block, a different run for each unit: no two units look alike.
    const text = (i: number) =>
      Array.from({ length: 30 }, (_, k) =>
        String.fromCharCode(0xac00 + ((i * 7919 + k * 104_729) % 11_172)),
      ).join('');
    const many = (n: number, at: string) =>
      Array.from({ length: n }, (_, i) => row(text(i), `vi ${i}`, { at }));
    expect(await tm.remember(D, many(600, '2026-01-01T00:00:00.000Z'), false)).toBe(600);
    // The same pairs again (newer) and 100 more: only the 100 are new.
    expect(await tm.remember(D, many(700, '2026-02-01T00:00:00.000Z'), false)).toBe(100);
    expect(await tm.repo.count(D)).toBe(700);
    const probe = `${text(650).slice(0, 15)}가${text(650).slice(16)}`;
    // Found through the trigram index (one syllable differs).
    expect(await tm.lookup(D, { source: probe, lang: 'vi' })).toMatchObject([
      { target: 'vi 650', score: 96 },
    ]);
    // A single approval after the bulk load is indexed as before (the insert trigger is back).
    await tm.remember(D, [row(KOSPI, 'Kospi vi')]);
    expect((await tm.lookup(D, { source: KOSPI_OTHER_DAY, lang: 'vi' }))[0]).toMatchObject({
      target: 'Kospi vi',
    });
  });
}

/** Exact matches: 100 % for the same Korean, 101 % where the neighbouring rows match too. */
function exactCases(memory: () => TranslationMemory): void {
  it('finds a byline and a copyright line of another article as 100 % matches', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(BYLINE, '[Seoul=Newsis] Phóng viên Hong Gil-dong = ', { previous: '제목 A', next: '본문 A' }),
      row(COPYRIGHT, '<Bản quyền © Newsis. Nghiêm cấm sao chép và phân phối lại.>', { previous: '끝 A' }),
    ]);
    const byline = await tm.lookup(D, { source: BYLINE, lang: 'vi', previous: '제목 B', next: '본문 B' });
    expect(byline).toHaveLength(1);
    expect(byline[0]).toMatchObject({
      score: 100,
      kind: 'exact',
      target: '[Seoul=Newsis] Phóng viên Hong Gil-dong =',
    });
    expect(byline[0]).toMatchObject({ projectName: 'A', reviewer: 'Lan' });
    const copyright = await tm.lookup(D, { source: ` ${COPYRIGHT}\n`, lang: 'vi', previous: '끝 B' });
    expect(copyright.map((m) => m.score)).toEqual([100]);
    expect(await tm.lookup(D, { source: BYLINE, lang: 'en' })).toEqual([]);
  });

  it('gives 101 % when the neighbouring rows match too, ranked above a plain exact match', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(SEOUL, 'Thành phố Seoul ngày 4 cho biết…', {
        previous: BYLINE,
        next: KOSPI,
        at: '2026-11-19T00:00:00Z',
      }),
      row(SEOUL, 'Ngày 4, thành phố Seoul cho biết…', { previous: '다른 줄', next: KOSPI }),
    ]);
    const matches = await tm.lookup(D, { source: SEOUL, lang: 'vi', previous: BYLINE, next: KOSPI });
    expect(matches.map((m) => [m.score, m.kind])).toEqual([
      [101, 'context'],
      [100, 'exact'],
    ]);
    expect(matches[0]!.target).toBe('Thành phố Seoul ngày 4 cho biết…');
  });
}

/** Fuzzy matches: a number or a word apart; none below 75 %. */
function fuzzyCases(memory: () => TranslationMemory): void {
  it('finds sentences differing by a number or a word as fuzzy matches with their score', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(KOSPI, 'Chỉ số KOSPI tăng 12,34 điểm…'),
      row(SEOUL, 'Seoul ký với Hà Nội…'),
      row(UNRELATED, 'Mưa'),
    ]);
    const kospi = await tm.lookup(D, { source: KOSPI_OTHER_DAY, lang: 'vi' });
    expect(kospi).toHaveLength(1);
    expect(kospi[0]).toMatchObject({ kind: 'fuzzy', source: normalize(KOSPI) });
    expect(kospi[0]!.score).toBe(fuzzyScore(normalize(KOSPI_OTHER_DAY), normalize(KOSPI)));
    expect(kospi[0]!.score).toBeGreaterThanOrEqual(75);
    expect(kospi[0]!.score).toBeLessThan(100);
    const seoul = await tm.lookup(D, { source: SEOUL_WORD, lang: 'vi' });
    expect(seoul.map((m) => m.target)).toEqual(['Seoul ký với Hà Nội…']);
    expect(seoul[0]!.score).toBeGreaterThan(90);
  });

  it('offers nothing for an unrelated sentence or one below 75 %', async () => {
    const tm = memory();
    await tm.remember(D, [row(SEOUL, 'Seoul ký với Hà Nội…'), row(KOSPI, 'KOSPI')]);
    expect(await tm.lookup(D, { source: UNRELATED, lang: 'vi' })).toEqual([]);
    const half = '서울시는 4일 베트남 하노이시와 교육 분야 교류를 확대하기로 했다.';
    expect(fuzzyScore(normalize(half), normalize(SEOUL))).toBeLessThan(75);
    expect(await tm.lookup(D, { source: half, lang: 'vi' })).toEqual([]);
  });
}

/** What is kept: one unit per identical pair, each desk's memory apart from the others'. */
function storeCases(memory: () => TranslationMemory): void {
  it('keeps one unit per identical pair, with the newest approval', async () => {
    const tm = memory();
    expect(await tm.remember(D, [row(SEOUL, 'A', { reviewer: 'Old', at: '2026-01-01T00:00:00Z' })])).toBe(1);
    expect(await tm.remember(D, [row(SEOUL, 'A', { reviewer: 'New', at: '2026-02-01T00:00:00Z' })])).toBe(0);
    expect(await tm.remember(D, [row(SEOUL, 'A', { reviewer: 'Older', at: '2025-02-01T00:00:00Z' })])).toBe(
      0,
    );
    expect(await tm.repo.count(D)).toBe(1);
    expect((await tm.lookup(D, { source: SEOUL, lang: 'vi' }))[0]!.reviewer).toBe('New');
  });

  it("keeps two desks' memories apart: approvals and TMX imports, lookups, counts and exports", async () => {
    const tm = memory();
    const [a, b] = ['seoul', 'sports'];
    await tm.remember(a, [row(SEOUL, 'Seoul ký với Hà Nội…'), row(KOSPI, 'KOSPI tăng')]);
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="ko-KR" segtype="sentence" adminlang="en"
      datatype="plaintext" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
      <tu><tuv xml:lang="ko-KR"><seg>${UNRELATED}</seg></tuv><tuv xml:lang="vi-VN"><seg>Mưa lớn</seg></tuv></tu>
      </body></tmx>`;
    const now = new Date('2026-11-25T00:00:00Z');
    expect(await importTmx(tm, a, Buffer.from(tmx), now)).toEqual({ imported: 1, skipped: 0 });
    for (const source of [SEOUL, SEOUL_WORD, KOSPI_OTHER_DAY, UNRELATED])
      expect(await tm.lookup(b, { source, lang: 'vi' })).toEqual([]);
    expect(await tm.repo.count(b)).toBe(0);
    const bExport = await exportTmx(tm, b, { now, appVersion: '1' });
    expect(bExport).not.toMatch(/<tu[ >]/);
    expect(bExport).not.toContain('Seoul');
    // The same pair in both desks is two units: B's approval neither replaces nor dates A's.
    expect(
      await tm.remember(b, [row(SEOUL, 'Seoul ký với Hà Nội…', { reviewer: 'Thu', at: now.toISOString() })]),
    ).toBe(1);
    expect((await tm.lookup(a, { source: SEOUL, lang: 'vi' }))[0]).toMatchObject({ reviewer: 'Lan' });
    expect((await tm.lookup(b, { source: SEOUL, lang: 'vi' })).map((m) => m.reviewer)).toEqual(['Thu']);
    expect(await tm.repo.count(a)).toBe(3);
    const aExport = await exportTmx(tm, a, { now, appVersion: '1' });
    expect(aExport.match(/<tu[ >]/g)).toHaveLength(3);
    expect(aExport).toContain('Mưa lớn');
    expect(await tm.lookup(D, { source: SEOUL, lang: 'vi' })).toEqual([]);
  });
}

/** Concordance: a phrase looked for in the sources (Hangul) or in the translations. */
function concordanceCases(memory: () => TranslationMemory): void {
  it('concordance: a Korean phrase in the sources, newest first, per language and desk only', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(SEOUL, 'Seoul ký thỏa thuận với Hà Nội', { at: '2026-01-01T00:00:00.000Z' }),
      row(SEOUL_WORD, 'Seoul ký thỏa thuận với TP.HCM', { at: '2026-03-01T00:00:00.000Z' }),
      row(SEOUL, 'Seoul signs an agreement with Hanoi', { lang: 'en' }),
      row(UNRELATED, 'Mưa lớn'),
    ]);
    await tm.remember('other-desk', [row(SEOUL, 'không được thấy')]);
    const found = await tm.concordance(D, '업무협약', 'vi', 10);
    expect(found.side).toBe('source');
    expect(found.hits.map((h) => h.target)).toEqual([
      'Seoul ký thỏa thuận với TP.HCM',
      'Seoul ký thỏa thuận với Hà Nội',
    ]);
    expect(found.hits[0]).toMatchObject({ source: SEOUL_WORD, projectName: 'A', reviewer: 'Lan' });
    // Two syllables (below a trigram) and both languages.
    expect((await tm.concordance(D, '협약', undefined, 10)).hits).toHaveLength(3);
    expect((await tm.concordance(D, '협약', 'vi', 1)).more).toBe(true);
    expect((await tm.concordance(D, '태풍 특보', 'en', 10)).hits).toEqual([]);
  });

  it('concordance: a Vietnamese or English phrase in the translations, ignoring case; wildcards are plain text', async () => {
    const tm = memory();
    await tm.remember(D, [
      row(SEOUL, 'Đà Nẵng và Seoul hợp tác'),
      row(KOSPI, 'Chỉ số tăng 0,51% lên 2.450,12'),
      row(KOSPI_OTHER_DAY, 'Chỉ số tăng 0,33 điểm, 500 điểm'),
    ]);
    const city = await tm.concordance(D, 'đà nẵng', undefined, 10);
    expect(city.side).toBe('target');
    expect(city.hits.map((h) => h.source)).toEqual([SEOUL]);
    expect((await tm.concordance(D, '51%', undefined, 10)).hits.map((h) => h.source)).toEqual([KOSPI]);
    expect((await tm.concordance(D, '5_0', undefined, 10)).hits).toEqual([]);
    expect((await tm.concordance(D, '  Seoul   hợp  ', 'vi', 10)).hits).toHaveLength(1);
  });
}

/** Concordance, as a property: any piece of a stored text finds its unit. */
function concordanceProperty(memory: () => TranslationMemory): void {
  it('concordance: every piece of a stored text finds its unit (property)', async () => {
    const tm = memory();
    const sources = [SEOUL, KOSPI, BYLINE.trim(), COPYRIGHT];
    await tm.remember(
      D,
      sources.map((s, i) => row(s, `bản dịch số ${i} (50%_giá)`)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (i, at, length, inTarget) => {
          const text = inTarget ? `bản dịch số ${i} (50%_giá)` : normalize(sources[i]!);
          const start = at % text.length;
          const phrase = text.slice(start, start + length).trim();
          fc.pre(phrase.length > 0 && /\p{Script=Hangul}/u.test(phrase) === !inTarget);
          const found = await tm.concordance(D, phrase, 'vi', 10);
          expect(found.hits.some((h) => h.target === `bản dịch số ${i} (50%_giá)`)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
}
