import { DeepLClient, GlossaryEntries, QuotaExceededError } from 'deepl-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from './deepl-server';
import fixture from './sample-translations.json';

let fake: DeeplFake;
beforeEach(async () => {
  fake = await startDeeplServer();
});
afterEach(async () => {
  await fake.close();
});

const post = (path: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(fake.url + path, {
    method: 'POST',
    headers: {
      Authorization: 'DeepL-Auth-Key k',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: body.toString(),
  });
const form = (entries: Array<[string, string]>) => new URLSearchParams(entries);

describe('deepl fake /v2/translate', () => {
  it('answers the sample lines from the fixture and other text as marked pseudo-translation', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const entry = fixture.entries[1]!;
    const [vi, other] = await client.translateText([entry.ko, '다른 문장'], 'ko', 'vi');
    expect(vi!.text).toBe(entry.vi);
    expect(other!.text).toBe('[VI] 다른 문장');
    const gb = fixture.entries.find((e) => 'en-GB' in e)!;
    expect((await client.translateText(gb.ko, 'ko', 'en-GB')).text).toBe(
      (gb as { 'en-GB': string })['en-GB'],
    );
    expect((await client.translateText(gb.ko, 'ko', 'en-US')).text).toBe(gb['en-US']);
    expect((await client.translateText('문장', 'ko', 'en-GB')).text).toBe('[EN-GB] 문장');
  });

  it('returns billed characters and the model used when asked', async () => {
    const res = await post(
      '/v2/translate',
      form([
        ['text', '서울'],
        ['target_lang', 'VI'],
        ['show_billed_characters', '1'],
        ['model_type', 'prefer_quality_optimized'],
      ]),
    );
    expect(await res.json()).toEqual({
      translations: [
        {
          detected_source_language: 'KO',
          text: '[VI] 서울',
          billed_characters: 2,
          model_type_used: 'quality_optimized',
        },
      ],
    });
    const plain = await post(
      '/v2/translate',
      form([
        ['text', '서울'],
        ['target_lang', 'VI'],
      ]),
    );
    expect(await plain.json()).toEqual({
      translations: [{ detected_source_language: 'KO', text: '[VI] 서울' }],
    });
  });

  it('accepts a JSON body too', async () => {
    const res = await post('/v2/translate', JSON.stringify({ text: ['서울'], target_lang: 'EN-US' }), {
      'Content-Type': 'application/json',
    });
    expect(((await res.json()) as { translations: Array<{ text: string }> }).translations[0]!.text).toBe(
      '[EN] 서울',
    );
  });

  it('rejects plain EN, formality for VI and English, unknown models, and checks the key', async () => {
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['text', 'a'],
            ['target_lang', 'EN'],
          ]),
        )
      ).status,
    ).toBe(400);
    for (const lang of ['VI', 'EN-US', 'EN-GB']) {
      expect(
        (
          await post(
            '/v2/translate',
            form([
              ['text', 'a'],
              ['target_lang', lang],
              ['formality', 'more'],
            ]),
          )
        ).status,
      ).toBe(400);
    }
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['text', 'a'],
            ['target_lang', 'DE'],
            ['formality', 'more'],
          ]),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['text', 'a'],
            ['target_lang', 'VI'],
            ['model_type', 'fast'],
          ]),
        )
      ).status,
    ).toBe(400);
    expect((await post('/v2/translate', form([['target_lang', 'VI']]))).status).toBe(400);
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['text', 'a'],
            ['target_lang', 'VI'],
          ]),
          { Authorization: '' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['text', 'a'],
            ['target_lang', 'VI'],
          ]),
          { Authorization: 'DeepL-Auth-Key invalid-key' },
        )
      ).status,
    ).toBe(403);
  });

  it('answers 413 past 50 texts or 128 KiB', async () => {
    const many = form([
      ['target_lang', 'VI'],
      ...Array.from({ length: 51 }, (_, i) => ['text', `t${i}`] as [string, string]),
    ]);
    expect((await post('/v2/translate', many)).status).toBe(413);
    const big = form([
      ['target_lang', 'VI'],
      ['text', '가'.repeat(15_000)],
    ]); // 135 KB encoded
    expect((await post('/v2/translate', big)).status).toBe(413);
    const fits = form([
      ['target_lang', 'VI'],
      ['text', '가'.repeat(14_000)],
    ]);
    expect((await post('/v2/translate', fits)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([413, 413, 200]);
    expect(fake.requests[1]!.bodyBytes).toBeGreaterThan(128 * 1024);
  });

  it('keeps XML tags and ignored content intact, applying the glossary to text only', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const g = await client.createMultilingualGlossary('g', [
      {
        sourceLangCode: 'ko',
        targetLangCode: 'vi',
        entries: new GlossaryEntries({ entries: { 서울: 'Seoul', x: 'X!' } }),
      },
    ]);
    const r = await client.translateText('서울 <b>서울 &amp;</b> <x id="1">서울@x.kr</x>', 'ko', 'vi', {
      tagHandling: 'xml',
      ignoreTags: 'x',
      glossary: g,
    });
    expect(r.text).toBe('[VI] Seoul <b>Seoul &amp;</b> <x id="1">서울@x.kr</x>');
    // The fixture answer keeps a protected address in its element.
    const picture = fixture.entries.find((e) => e.ko.includes('photo@newsis.com'))!;
    const sent = picture.ko.replace('photo@newsis.com', '<x id="1">photo@newsis.com</x>');
    const answer = await client.translateText(sent, 'ko', 'vi', { tagHandling: 'xml', ignoreTags: 'x' });
    expect(answer.text).toBe(picture.vi.replace('photo@newsis.com', '<x id="1">photo@newsis.com</x>'));
  });
});

describe('deepl fake glossaries (v3)', () => {
  it('supports create, get, list, entries, replace and delete as deepl-node calls them', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const g = await client.createMultilingualGlossary('news', [
      {
        sourceLangCode: 'ko',
        targetLangCode: 'vi',
        entries: new GlossaryEntries({ entries: { 서울시: 'Thành phố Seoul' } }),
      },
      {
        sourceLangCode: 'ko',
        targetLangCode: 'en',
        entries: new GlossaryEntries({ entries: { 서울시: 'Seoul', 시장: 'mayor' } }),
      },
    ]);
    expect(g.dictionaries.map((d) => [d.targetLangCode, d.entryCount])).toEqual([
      ['vi', 1],
      ['en', 2],
    ]);
    expect((await client.getMultilingualGlossary(g.glossaryId)).name).toBe('news');
    expect((await client.listMultilingualGlossaries()).map((x) => x.glossaryId)).toEqual([g.glossaryId]);
    const en = await client.getMultilingualGlossaryDictionaryEntries(g, 'ko', 'en');
    expect(en.entries.entries()).toEqual({ 서울시: 'Seoul', 시장: 'mayor' });
    await client.replaceMultilingualGlossaryDictionary(g, {
      sourceLangCode: 'ko',
      targetLangCode: 'vi',
      entries: new GlossaryEntries({ entries: { 시장: 'thị trưởng' } }),
    });
    expect((await client.getMultilingualGlossaryDictionaryEntries(g, 'ko', 'vi')).entries.entries()).toEqual({
      시장: 'thị trưởng',
    });
    expect((await client.translateText('서울시 시장', 'ko', 'en-US', { glossary: g })).text).toBe(
      '[EN] Seoul mayor',
    );
    await client.deleteMultilingualGlossary(g);
    await expect(client.getMultilingualGlossary(g.glossaryId)).rejects.toThrow(/not found/i);
    expect(fake.glossaryCount()).toBe(0);
  });

  it('reads CSV entries as DeepL does: quoted commas and quotes, any line end, and refuses an unclosed quote', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const csv = '\uFEFF서울시,"Seoul, the city"\r\n시장,"the ""mayor"""\n\n부산," Busan "\r';
    const g = await client.createMultilingualGlossaryWithCsv('csv', 'ko', 'en', csv);
    expect((await client.getMultilingualGlossaryDictionaryEntries(g, 'ko', 'en')).entries.entries()).toEqual({
      서울시: 'Seoul, the city',
      시장: 'the "mayor"',
      부산: 'Busan',
    });
    const bad = client.createMultilingualGlossaryWithCsv('bad', 'ko', 'en', '서울시,"Seoul\n');
    await expect(bad).rejects.toThrow(/never closed/);
    await client.deleteMultilingualGlossary(g);
  });
});

describe('deepl fake faults and control', () => {
  it('fails the given number of requests, and a 456 leaves usage readable', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url, maxRetries: 1 });
    fake.setUsage(10, 100);
    fake.setFault({ status: 456, times: 2 });
    await expect(client.translateText('a', 'ko', 'vi')).rejects.toBeInstanceOf(QuotaExceededError);
    expect((await client.getUsage()).character).toMatchObject({ count: 10, limit: 100 });
    await expect(client.translateText('a', 'ko', 'vi')).rejects.toBeInstanceOf(QuotaExceededError);
    expect((await client.translateText('a', 'ko', 'vi')).text).toBe('[VI] a');
  });

  it('drops the last half of the translations on drop-texts', async () => {
    fake.setFault({ kind: 'drop-texts' });
    const res = await post(
      '/v2/translate',
      form([
        ['target_lang', 'VI'],
        ['text', 'a'],
        ['text', 'b'],
        ['text', 'c'],
        ['text', 'd'],
      ]),
    );
    expect(((await res.json()) as { translations: unknown[] }).translations).toHaveLength(2);
  });

  it('is steerable over HTTP from another process', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${fake.url}/__control/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        body: JSON.stringify(body),
      });
    await control('fault', { status: 503 });
    expect(
      (
        await post(
          '/v2/translate',
          form([
            ['target_lang', 'VI'],
            ['text', 'a'],
          ]),
        )
      ).status,
    ).toBe(503);
    await control('fault', null);
    await control('usage', { count: 5, limit: 50 });
    const usage = await fetch(`${fake.url}/v2/usage`, { headers: { Authorization: 'DeepL-Auth-Key k' } });
    expect(await usage.json()).toEqual({ character_count: 5, character_limit: 50 });
    const recorded = (await (await control('requests')).json()) as Array<{
      path: string;
      status: number;
      textCount: number;
    }>;
    expect(recorded.map((r) => [r.path, r.status, r.textCount])).toEqual([
      ['/v2/translate', 503, 1],
      ['/v2/usage', 200, 0],
    ]);
    await control('reset', {});
    expect(await (await control('requests')).json()).toEqual([]);
  });
});
