import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../../e2e/support/deepl-server';
import { projectOf } from '../../../test/support/mt';
import { NO_HOUSE_STYLE, type HouseStyle, type TargetLang } from '../../contract';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { openSqlite, type Database } from '../db';
import { isAppError } from '../errors';
import { cleanHouseStyle, stylePlan } from './house-style';
import { HouseStyleStore } from './house-style-store';
import { MachineTranslation, type MtResult } from './index';

// House style against the DeepL-compatible test server: what is sent where DeepL supports it, what the server does
// with it, the cache keeping styled and plain translations apart, and a refusal turning into a run without it.

let fake: DeeplFake;
let dir: string;
let database: Database;

beforeEach(async () => {
  fake = await startDeeplServer();
  dir = await mkdtemp(join(tmpdir(), 'mt-style-'));
  database = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
  fake.style.rules.set('rule-en', { styleId: 'rule-en', language: 'en', instructions: [] });
  fake.style.memories.set('tm-vi', {
    id: 'tm-vi',
    sourceLang: 'ko',
    targetLang: 'vi',
    segments: [['강남구 소식', 'Tin tức Gangnam-gu']],
  });
});

afterEach(async () => {
  await database.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const mt = () =>
  new MachineTranslation({
    cacheDir: dir,
    cacheDatabase: database,
    getSettings: () => ({
      authKey: 'k',
      serverUrl: fake.url,
      englishVariant: 'en-US',
      paragraphContext: false,
    }),
    now: () => new Date('2026-01-01T00:00:00Z'),
    client: { maxRetries: 1, minTimeout: 5_000 },
  });

const STYLE: HouseStyle = {
  vi: { styleId: '', customInstructions: [], translationMemoryId: 'tm-vi' },
  en: { styleId: 'rule-en', customInstructions: ['Write "Gu" as "District"'], translationMemoryId: '' },
};

const project = () =>
  projectOf([
    { kind: 'headline', source: '강남구 소식' },
    { kind: 'paragraph', source: '서울 강남 Gu 행사' },
  ]);

async function translate(m: MachineTranslation, houseStyle: HouseStyle | undefined, langs: TargetLang[]) {
  const out: Record<string, string> = {};
  const summary = await m.translate({
    project: project(),
    langs,
    ...(houseStyle ? { houseStyle } : {}),
    signal: new AbortController().signal,
    onProgress: () => undefined,
    onResults: (lang, rs: MtResult[]) => {
      for (const r of rs) if ('text' in r) out[`${lang}:${r.segmentId}`] = r.text;
    },
  });
  return { summary, out };
}

describe('house style in DeepL requests', () => {
  it('sends what DeepL supports per target, and the server applies it visibly', async () => {
    const { summary, out } = await translate(mt(), STYLE, ['vi', 'en']);
    const vi = fake.requests.find((r) => r.params.target_lang === 'vi')!;
    const en = fake.requests.find((r) => r.params.target_lang === 'en-US')!;
    expect(vi.params.translation_memory_id).toBe('tm-vi');
    expect(vi.params.style_id).toBeUndefined();
    expect(en.params.style_id).toBe('rule-en');
    expect(en.params.custom_instructions).toBe('Write "Gu" as "District"');
    expect(out['vi:s1']).toBe('Tin tức Gangnam-gu'); // from DeepL's translation memory
    expect(out['en:s2']).toContain('District'); // the instruction was followed
    expect(out['en:s2']).not.toContain('Gu');
    expect(summary.style).toEqual([
      { lang: 'vi', sent: ['translationMemory'], unsupported: [] },
      { lang: 'en', sent: ['styleRule', 'customInstructions'], unsupported: [] },
    ]);
  });

  it('does not send instructions for Vietnamese, and says so in the summary', async () => {
    const style = { ...STYLE, vi: { ...STYLE.vi, customInstructions: ['Write "Gu" as "quận"'] } };
    const { summary } = await translate(mt(), style, ['vi']);
    expect(fake.requests.every((r) => r.params.custom_instructions === undefined)).toBe(true);
    expect(summary.style![0]).toMatchObject({ lang: 'vi', unsupported: ['customInstructions'] });
  });

  it('keeps styled and plain translations apart in the cache', async () => {
    const m = mt();
    await translate(m, undefined, ['en']);
    const plainRequests = fake.requests.length;
    const styled = await translate(m, STYLE, ['en']);
    expect(fake.requests.length).toBeGreaterThan(plainRequests); // a changed style is asked again
    expect(styled.out['en:s2']).toContain('District');
    const again = await translate(m, STYLE, ['en']);
    expect(again.summary.perLang[0]!.fromCache).toBe(2);
    expect(again.out['en:s2']).toBe(styled.out['en:s2']);
  });

  it.each([
    [403, 'mt.styleNotOnPlan'],
    [400, 'mt.styleRejected'],
  ] as const)('a %i refusal runs the language without the style and says so', async (status, code) => {
    fake.style.refuse('style_id', status);
    const { summary, out } = await translate(mt(), STYLE, ['en']);
    expect(summary.error).toBeUndefined();
    expect(summary.perLang[0]).toMatchObject({ translated: 2, failed: 0 });
    expect(out['en:s2']).toContain('Gu'); // translated, but without the instructions
    expect(summary.style).toEqual([
      { lang: 'en', sent: ['styleRule', 'customInstructions'], unsupported: [], refused: code },
    ]);
    expect(fake.requests.at(-1)!.params.style_id).toBeUndefined();
  });

  it('a style rule for another language is refused by the server as DeepL does', async () => {
    fake.style.rules.set('rule-de', { styleId: 'rule-de', language: 'de' });
    const style = { ...NO_HOUSE_STYLE, en: { ...NO_HOUSE_STYLE.en, styleId: 'rule-de' } };
    const { summary } = await translate(mt(), style, ['en']);
    expect(fake.requests[0]!.status).toBe(400);
    expect(summary.style![0]!.refused).toBe('mt.styleRejected');
  });

  it('a bad key is still a bad key, not a refused style', async () => {
    const m = new MachineTranslation({
      cacheDir: dir,
      cacheDatabase: database,
      getSettings: () => ({
        authKey: 'invalid-key',
        serverUrl: fake.url,
        englishVariant: 'en-US',
        paragraphContext: false,
      }),
      now: () => new Date(),
      client: { maxRetries: 1, minTimeout: 5_000 },
    });
    const { summary } = await translate(m, STYLE, ['en']);
    expect(summary.error?.code).toBe('mt.authFailed');
    expect(summary.style![0]!.refused).toBeUndefined();
  });

  it('the estimate counts a changed style as new characters', async () => {
    const m = mt();
    await translate(m, STYLE, ['en']);
    const job = { project: project(), langs: ['en'] as TargetLang[] };
    expect((await m.estimate({ ...job, houseStyle: STYLE })).characters).toBe(0);
    expect((await m.estimate(job)).characters).toBeGreaterThan(0);
  });
});

describe('house style values', () => {
  it('refuses what DeepL would, naming the language and the limit', () => {
    const tooMany = {
      ...NO_HOUSE_STYLE,
      en: { ...NO_HOUSE_STYLE.en, customInstructions: Array(11).fill('x') },
    };
    expect(() => cleanHouseStyle(tooMany)).toThrow(
      expect.objectContaining({ code: 'houseStyle.tooManyInstructions' }),
    );
    const long = {
      ...NO_HOUSE_STYLE,
      en: { ...NO_HOUSE_STYLE.en, customInstructions: ['ok', 'x'.repeat(301)] },
    };
    try {
      cleanHouseStyle(long);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e, 'houseStyle.instructionTooLong') && e.params).toEqual({
        lang: 'en',
        n: 2,
        max: 300,
      });
    }
    const badId = { ...NO_HOUSE_STYLE, vi: { ...NO_HOUSE_STYLE.vi, translationMemoryId: 'a&glossary_id=b' } };
    expect(() => cleanHouseStyle(badId)).toThrow(expect.objectContaining({ code: 'houseStyle.badId' }));
  });

  it('gives different cache fingerprints to different styles, and none to no style', () => {
    expect(stylePlan('en', NO_HOUSE_STYLE.en).hash).toBe('');
    const lang = fc.record({
      styleId: fc.constantFrom('', 'a', 'b'),
      customInstructions: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
      translationMemoryId: fc.constantFrom('', 't'),
    });
    fc.assert(
      fc.property(lang, lang, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(stylePlan('en', a).hash === stylePlan('en', b).hash).toBe(same);
      }),
    );
  });

  it('is stored per desk', async () => {
    const store = new HouseStyleStore(database);
    await store.set('north', STYLE, 'Lan', '2026-01-02T00:00:00Z');
    expect((await store.get('north')).style).toEqual(STYLE);
    expect((await store.get('north')).updatedBy).toBe('Lan');
    expect((await store.get('south')).style).toEqual(NO_HOUSE_STYLE);
  });
});
