import { DeepLClient } from 'deepl-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from './deepl-server';

// The test server checks house-style parameters as DeepL documents them, and applies them visibly.

let fake: DeeplFake;
beforeEach(async () => {
  fake = await startDeeplServer();
  fake.style.rules.set('r-en', {
    styleId: 'r-en',
    language: 'en',
    instructions: ['Write "서울" as "Seoul"'],
  });
  fake.style.memories.set('tm', {
    id: 'tm',
    sourceLang: 'ko',
    targetLang: 'vi',
    segments: [['안녕', 'Xin chào']],
  });
});
afterEach(async () => {
  await fake.close();
});

const translate = (entries: Array<[string, string]>) =>
  fetch(`${fake.url}/v2/translate`, {
    method: 'POST',
    headers: { Authorization: 'DeepL-Auth-Key k', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['source_lang', 'KO'], ...entries]).toString(),
  });

async function refused(entries: Array<[string, string]>): Promise<[number, string]> {
  const res = await translate(entries);
  return [res.status, ((await res.json()) as { message: string }).message];
}

describe('deepl fake: house style', () => {
  it('applies a style rule list and custom instructions sent by deepl-node', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const r = await client.translateText('서울 구 뉴스', 'ko', 'en-US', {
      styleRule: 'r-en',
      customInstructions: ['Write "구" as "District"'],
    });
    expect(r.text).toBe('[EN] Seoul District 뉴스');
    expect(fake.requests[0]!.params).toMatchObject({
      style_id: 'r-en',
      custom_instructions: 'Write "구" as "District"',
    });
  });

  it('answers from a translation memory it holds, other texts as usual', async () => {
    const client = new DeepLClient('k', { serverUrl: fake.url });
    const [hit, miss] = await client.translateText(['안녕', '다른'], 'ko', 'vi', {
      translationMemory: 'tm',
      translationMemoryThreshold: 80,
    });
    expect([hit!.text, miss!.text]).toEqual(['Xin chào', '[VI] 다른']);
  });

  it.each([
    [[['custom_instructions', 'x']], 'VI', /not supported for target_lang VI/],
    [[['style_id', 'r-en']], 'VI', /not supported for target_lang VI/],
    [
      [
        ['style_id', 'r-en'],
        ['model_type', 'latency_optimized'],
      ],
      'EN-US',
      /latency_optimized/,
    ],
    [[['style_id', 'nope']], 'EN-US', /Invalid style_id/],
    [Array.from({ length: 11 }, () => ['custom_instructions', 'x']), 'EN-US', /At most 10/],
    [[['custom_instructions', 'x'.repeat(301)]], 'EN-US', /1 to 300 characters/],
    [[['translation_memory_id', 'tm']], 'EN-US', /language pair/],
    [
      [
        ['translation_memory_id', 'tm'],
        ['translation_memory_threshold', '101'],
      ],
      'VI',
      /threshold/,
    ],
    [[['translation_memory_threshold', '80']], 'VI', /needs a translation memory/],
  ] as Array<[Array<[string, string]>, string, RegExp]>)(
    'refuses %j for %s with 400',
    async (params, target, why) => {
      const [status, message] = await refused([['text', '서울'], ['target_lang', target], ...params]);
      expect(status).toBe(400);
      expect(message).toMatch(why);
    },
  );

  it('can be told to refuse a feature (plan or target), over HTTP too', async () => {
    await fetch(`${fake.url}/__control/refuse`, {
      method: 'POST',
      body: JSON.stringify({ feature: 'translation_memory_id', status: 403 }),
    });
    expect(
      await refused([
        ['text', '안녕'],
        ['target_lang', 'VI'],
        ['translation_memory_id', 'tm'],
      ]),
    ).toEqual([403, "'translation_memory_id' is not supported for your plan."]);
    // Without the refused parameter the same text is translated.
    expect(
      (
        await translate([
          ['text', '안녕'],
          ['target_lang', 'VI'],
        ])
      ).status,
    ).toBe(200);
    fake.style.refuse('translation_memory_id', null);
    expect(
      (
        await translate([
          ['text', '안녕'],
          ['target_lang', 'VI'],
          ['translation_memory_id', 'tm'],
        ])
      ).status,
    ).toBe(200);
  });
});
