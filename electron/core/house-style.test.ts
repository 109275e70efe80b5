import { userInfo } from 'node:os';
import { featureCore, type FeatureCore } from '../../test/support/project';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../e2e/support/deepl-server';
import { NO_HOUSE_STYLE, type HouseStyle } from '../contract';
import type { Core } from '../handlers';
import { parseCsv } from '../services/csv-read';

// The house style through the core: set it, and every translation run sends it and reports what became of it.
let fake: DeeplFake;
let core: Core;
let fixture: FeatureCore;
beforeEach(async () => {
  fake = await startDeeplServer();
  fixture = await featureCore({
    prefix: 'house-style-',
    reviewer: 'Minh',
    now: () => new Date('2026-03-01T08:00:00Z'),
    env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: fake.url },
  });
  ({ core } = fixture);
});
afterEach(async () => {
  await fake.close();
  await fixture.close();
});

const style: HouseStyle = {
  vi: NO_HOUSE_STYLE.vi,
  en: { styleId: '', customInstructions: ['  Write "구" as "District"  ', ''], translationMemoryId: '' },
};

async function article(text = '강남구 소식\n강남구는 1일 새 도서관을 열었다고 밝혔다.') {
  const { project } = await core.handlers.importArticle({
    fileName: 'a.txt',
    dataBase64: Buffer.from(text).toString('base64'),
  });
  return project;
}

describe('house style through the core', () => {
  it('is stored as checked, with who set it, and sent with the next run', async () => {
    const saved = await core.handlers.setHouseStyle(style);
    expect(saved).toEqual({
      style: { ...style, en: { ...style.en, customInstructions: ['Write "구" as "District"'] } },
      updatedAt: '2026-03-01T08:00:00.000Z',
      updatedBy: 'Minh',
    });
    expect(await core.handlers.getHouseStyle()).toEqual(saved);
    const p = await article();
    const summary = await core.handlers.translate({ projectId: p.id, langs: ['en'] });
    expect(summary.style).toEqual([{ lang: 'en', sent: ['customInstructions'], unsupported: [] }]);
    const row = (await core.handlers.openProject(p.id)).segments[0]!;
    expect(row.targets.en.text).toBe('[EN] 강남District 소식');
  });

  it("records a reviewer without a name in Settings by the computer's user name, not the account id", async () => {
    const unnamed = await featureCore({
      prefix: 'house-style-unnamed-',
      reviewer: '',
      now: () => new Date(0),
    });
    try {
      const saved = await unnamed.core.handlers.setHouseStyle(style);
      expect(saved.updatedBy).toBe(userInfo().username);
      expect(saved.updatedBy).not.toBe('local');
    } finally {
      await unnamed.close();
    }
  });

  it('refuses more instructions than DeepL takes, keeping the stored style', async () => {
    const tooMany = { ...style, en: { ...style.en, customInstructions: Array(11).fill('x') } };
    await expect(core.handlers.setHouseStyle(tooMany)).rejects.toMatchObject({
      code: 'houseStyle.tooManyInstructions',
    });
    expect((await core.handlers.getHouseStyle()).style).toEqual(NO_HOUSE_STYLE);
  });
});

describe('the review report through the core', () => {
  it('gives each cell its memory match (filled or offered) and the house style', async () => {
    const a = await article(
      '강남구 소식\n강남구는 1일 새 도서관을 열었다고 밝혔다.\n구청장은 새 도서관이 주민들의 배움터가 되기를 바란다고 말했다.',
    );
    for (const [i, s] of a.segments.entries()) {
      const ref = { projectId: a.id, segmentId: s.id, lang: 'vi' as const };
      await core.handlers.updateCell({ ...ref, text: `Câu ${i + 1}` });
      await core.handlers.approveCell(ref);
    }
    await core.handlers.setHouseStyle({
      ...NO_HOUSE_STYLE,
      vi: { ...NO_HOUSE_STYLE.vi, translationMemoryId: 'tm-1' },
    });
    // Same headline and first paragraph (filled: 101 %, then 100 % as its neighbour changed); a near copy of the
    // last paragraph (offered, fuzzy).
    const b = await article(
      '강남구 소식\n강남구는 1일 새 도서관을 열었다고 밝혔다.\n구청장은 새 도서관이 주민들의 배움터가 되기를 바란다고 밝혔다.',
    );
    await core.handlers.translate({ projectId: b.id, langs: ['vi'], memoryOnly: true });
    const file = await core.handlers.buildExport({
      projectId: b.id,
      lang: 'all',
      format: 'report-csv',
      policy: 'include-unapproved',
    });
    const [header, ...lines] = parseCsv(Buffer.from(file.dataBase64, 'base64').toString('utf8').slice(1));
    const at = (name: string) => header!.indexOf(name);
    const vi = lines.filter((l) => l[0] === 'row' && l[2] === 'vi').map((l) => l[at('memory_match')]);
    expect(vi.slice(0, 2)).toEqual(['101', '100']);
    expect(Number(vi[2])).toBeGreaterThanOrEqual(85);
    expect(Number(vi[2])).toBeLessThan(100);
    expect(
      lines.filter((l) => l[0] === 'row' && l[2] === 'en').every((l) => l[at('memory_match')] === ''),
    ).toBe(true);
    expect(lines.find((l) => l[0] === 'style')![at('comment')]).toBe('translation_memory_id: tm-1');
  });

  it('the review report shows per cell the house style its machine text was made with, after the style changed', async () => {
    await core.handlers.setHouseStyle(style);
    const a = await article();
    await core.handlers.translate({ projectId: a.id, langs: ['en', 'vi'] });
    // The desk changes its style; a later run (one new row) follows the new one, the earlier rows keep theirs.
    fake.style.control('/__control/style-rule', { styleId: 'ap-style', language: 'en', instructions: [] });
    const next: HouseStyle = { ...NO_HOUSE_STYLE, en: { ...NO_HOUSE_STYLE.en, styleId: 'ap-style' } };
    await core.handlers.setHouseStyle(next);
    await core.handlers.importArticle({
      fileName: 'a.txt',
      dataBase64: Buffer.from(
        '강남구 소식\n강남구는 1일 새 도서관을 열었다고 밝혔다.\n구민들은 환영했다.',
      ).toString('base64'),
      intoProjectId: a.id,
    });
    const second = await core.handlers.translate({ projectId: a.id, langs: ['en'] });
    expect(second.style).toEqual([{ lang: 'en', sent: ['styleRule'], unsupported: [] }]);
    const file = await core.handlers.buildExport({
      projectId: a.id,
      lang: 'all',
      format: 'report-csv',
      policy: 'include-unapproved',
    });
    const [header, ...lines] = parseCsv(Buffer.from(file.dataBase64, 'base64').toString('utf8').slice(1));
    const at = (name: string) => header!.indexOf(name);
    const rows = (lang: string) =>
      lines.filter((l) => l[0] === 'row' && l[2] === lang).map((l) => l[at('house_style')]);
    expect(rows('en')).toEqual([
      'custom_instructions: Write "구" as "District"',
      'custom_instructions: Write "구" as "District"',
      'style_id: ap-style',
    ]);
    // Vietnamese: nothing was sent (DeepL takes no instructions for it), so no style is claimed.
    expect(rows('vi').slice(0, 2)).toEqual(['', '']);
    // Stored with the cells: the project as reopened says the same.
    const reopened = await core.handlers.openProject(a.id);
    expect(reopened.segments[0]!.targets.en.mtStyle).toEqual({
      customInstructions: ['Write "구" as "District"'],
    });
    expect(reopened.segments[2]!.targets.en.mtStyle).toEqual({ styleId: 'ap-style' });
  });
});
