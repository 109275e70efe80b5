import iconv from 'iconv-lite';
import { featureCore, type FeatureCore } from '../../test/support/project';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../e2e/support/deepl-server';
import type { Project, TargetLang } from '../contract';
import type { Core } from '../handlers';
import type { SettingsStore } from '../services/settings';
import { memory } from './tm';

// Pre-translation from the memory through the core, against the DeepL-compatible test server: what the memory
// holds exactly is filled first, only the rest is sent, and the request counter proves it.
let fake: DeeplFake;
let core: Core;
let settings: SettingsStore;
beforeAll(async () => {
  fake = await startDeeplServer();
});
afterAll(async () => {
  await fake.close();
});
let fixture: FeatureCore;
beforeEach(async () => {
  fixture = await featureCore({
    prefix: 'pretranslate-',
    reviewer: 'Trần Lan',
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fake.url },
  });
  ({ core, settings } = fixture);
  fake.reset();
});
afterEach(async () => {
  await fixture.close();
});

const paragraph = (i: number) =>
  `서울시는 ${i}일 베트남 하노이시와 스마트 모빌리티 분야 ${i}번째 협력을 위한 업무협약을 체결했다고 밝혔다.`;
const sentTexts = () => fake.requests.filter((r) => r.path === '/v2/translate').flatMap((r) => r.texts);
const translateRequests = () => fake.requests.filter((r) => r.path === '/v2/translate').length;

/** Import an article (CP949 bytes when asked) as a new project. */
async function open(lines: string[], fileName: string, cp949 = false): Promise<Project> {
  const text = lines.join('\n');
  const bytes = cp949 ? iconv.encode(text, 'cp949') : Buffer.from(text);
  const { project } = await core.handlers.importArticle({ fileName, dataBase64: bytes.toString('base64') });
  return project;
}

/** Approve every cell of a project (the machine text, or a reviewer's fix for the first rows). */
async function approveAll(p: Project, langs: TargetLang[]) {
  for (const s of (await core.handlers.openProject(p.id)).segments)
    for (const lang of langs) {
      const ref = { projectId: p.id, segmentId: s.id, lang };
      if (s.source === paragraph(1))
        await core.handlers.updateCell({ ...ref, text: `Sửa bởi người duyệt (${lang})` });
      await core.handlers.approveCell(ref);
    }
}

describe('pre-translation from the memory', () => {
  it('fills 101 %/100 % matches first and sends DeepL only the rest; the reviewer’s fixes come back', async () => {
    const a = await open(['서울시, 베트남과 협력', ...[1, 2, 3, 4].map(paragraph)], 'a.txt');
    await core.handlers.translate({ projectId: a.id, langs: ['vi', 'en'] });
    await approveAll(a, ['vi', 'en']);

    // A CP949 copy under another headline, with one new paragraph: everything but the new rows is in the memory.
    fake.reset();
    const b = await open(['서울시, 하노이와 협약', ...[1, 2, 3, 4, 5].map(paragraph)], 'b.txt', true);
    const summary = await core.handlers.translate({ projectId: b.id, langs: ['vi', 'en'] });
    expect(new Set(sentTexts())).toEqual(new Set(['서울시, 하노이와 협약', paragraph(5)]));
    expect(summary.memory).toEqual([
      // Paragraph 1 follows another headline (100 %); 2 and 3 have the same neighbours (101 %); 4 is now followed
      // by paragraph 5 (100 %).
      { lang: 'vi', context: 2, exact: 2, approved: 0 },
      { lang: 'en', context: 2, exact: 2, approved: 0 },
    ]);
    const filled = (await core.handlers.openProject(b.id)).segments;
    expect(filled[1]!.targets.vi).toMatchObject({
      text: 'Sửa bởi người duyệt (vi)',
      status: 'edited',
      tm: { score: 100, text: 'Sửa bởi người duyệt (vi)', reviewer: 'Trần Lan' },
    });
    expect(filled[2]!.targets.en).toMatchObject({ status: 'edited', tm: { score: 101 } });
    expect(filled[5]!.targets.vi.status).toBe('machine');

    // The fill is recorded as the memory's, one version per cell.
    const history = await core.handlers.cellHistory({
      projectId: b.id,
      segmentId: filled[2]!.id,
      lang: 'vi',
    });
    expect(history.map((v) => v.origin)).toEqual(['memory']);
  });

  it('an approved cell is not offered its own text; the 101 % opt-in approves in-context matches only', async () => {
    const lines = ['서울시, 베트남과 협력', ...[1, 2, 3].map(paragraph)];
    const a = await open(lines, 'a.txt');
    await core.handlers.translate({ projectId: a.id, langs: ['vi'] });
    await approveAll(a, ['vi']);
    const row = (await core.handlers.openProject(a.id)).segments[2]!;
    const own = await core.handlers.tmLookup({ projectId: a.id, segmentId: row.id, lang: 'vi' });
    // Only its neighbours' fuzzy matches: not its own unit (101 %) with its own text.
    expect(own.map((m) => m.score).every((score) => score < 100)).toBe(true);
    expect(own.map((m) => m.target)).not.toContain(row.targets.vi.text);

    await settings.update({ memory: { autoApproveContext: true } });
    fake.reset();
    const b = await open(['다른 제목', ...[1, 2, 3].map(paragraph)], 'b.txt');
    await core.handlers.translate({ projectId: b.id, langs: ['vi'] });
    const rows = (await core.handlers.openProject(b.id)).segments;
    expect(rows.map((s) => [s.targets.vi.status, s.targets.vi.tm?.score])).toEqual([
      ['machine', undefined],
      ['edited', 100],
      ['approved', 101],
      ['approved', 101],
    ]);
    expect(sentTexts()).toEqual(['다른 제목']);
  });

  it('memoryOnly sends nothing and counts the cells left empty; a budget refuses a larger run before sending', async () => {
    await memory({ memoryDatabase: core.database } as never).remember('', [
      { source: paragraph(1), lang: 'vi', target: 'Một', at: '2026-01-01T00:00:00.000Z' },
    ]);
    const p = await open(['제목', paragraph(1), paragraph(2)], 'c.txt');
    const only = await core.handlers.translate({ projectId: p.id, langs: ['vi', 'en'], memoryOnly: true });
    expect(only.unfilled).toEqual([
      { lang: 'vi', cells: 2 },
      { lang: 'en', cells: 3 },
    ]);
    expect(translateRequests()).toBe(0);

    const estimate = await core.handlers.estimateTranslation({ projectId: p.id, langs: ['vi', 'en'] });
    const chars =
      ['제목', paragraph(2)].join('').length + ['제목', paragraph(1), paragraph(2)].join('').length;
    expect(estimate).toMatchObject({ characters: chars, rows: 5, fromMemory: 0 });
    expect(estimate.usage).toMatchObject({ characterCount: 0 });
    const refused = await core.handlers.translate({
      projectId: p.id,
      langs: ['vi', 'en'],
      maxCharacters: chars - 1,
    });
    expect(refused.error).toEqual({
      code: 'mt.overBudget',
      params: { characters: chars, rows: 5, max: chars - 1 },
    });
    expect(translateRequests()).toBe(0);
    await core.handlers.translate({ projectId: p.id, langs: ['vi', 'en'], maxCharacters: chars });
    expect(sentTexts()).toHaveLength(5);
  });

  it('an estimate does not wait on a DeepL that hangs: it answers without the balance', async () => {
    const p = await open(['제목', paragraph(1)], 'h.txt');
    fake.setFault({ kind: 'hang' });
    try {
      const estimate = await core.handlers.estimateTranslation({ projectId: p.id, langs: ['vi'] });
      expect(estimate).toMatchObject({
        characters: ['제목', paragraph(1)].join('').length,
        rows: 2,
        usage: null,
      });
    } finally {
      fake.setFault(null);
    }
  });

  it('a 2,000-paragraph article opened again as another project makes 0 DeepL requests', async () => {
    const lines = ['긴 기사', ...Array.from({ length: 2000 }, (_, i) => paragraph(i + 1))];
    const units = lines.flatMap((source, i) =>
      (['vi', 'en'] as const).map((lang) => ({
        source,
        lang,
        target: `${lang} ${i}`,
        previous: lines[i - 1],
        next: lines[i + 1],
        at: '2026-01-01T00:00:00.000Z',
      })),
    );
    await memory({ memoryDatabase: core.database } as never).remember('', units);
    const p = await open(lines, 'long.txt', true);
    const estimate = await core.handlers.estimateTranslation({ projectId: p.id, langs: ['vi', 'en'] });
    expect(estimate).toMatchObject({ characters: 0, rows: 0, fromMemory: 4002 });
    const summary = await core.handlers.translate({ projectId: p.id, langs: ['vi', 'en'] });
    expect(summary.memory).toEqual([
      { lang: 'vi', context: 2001, exact: 0, approved: 0 },
      { lang: 'en', context: 2001, exact: 0, approved: 0 },
    ]);
    expect(translateRequests()).toBe(0);
  });
});
