import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../../e2e/support/deepl-server';
import fixture from '../../../e2e/support/sample-translations.json';
import type { Project, SegmentKind, TargetLang } from '../../contract';
import { openSqlite, type Database } from '../db';
import { isAppError } from '../errors';
import { GLOSSARY_MAP_FILE } from './glossary';
import { MachineTranslation, type MtResult, type MtSettings, type DeeplClientTuning } from './index';
import { projectOf, sampleProject } from '../../../test/support/mt';
import { ALL_MIGRATIONS } from '../../core/migrations';

let fake: DeeplFake;
let dir: string;
let database: Database;

beforeEach(async () => {
  fake = await startDeeplServer();
  dir = await mkdtemp(join(tmpdir(), 'mt-test-'));
  database = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
});

afterEach(async () => {
  await database.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function service(
  settings: Partial<MtSettings> = {},
  client: DeeplClientTuning = { maxRetries: 1, minTimeout: 5_000 },
) {
  return new MachineTranslation({
    cacheDir: dir,
    cacheDatabase: database,
    getSettings: () => ({
      authKey: 'test-key',
      serverUrl: fake.url,
      englishVariant: 'en-US',
      paragraphContext: false,
      ...settings,
    }),
    now: () => new Date('2024-05-01T00:00:00Z'),
    client,
  });
}

/** Run a job and collect what it delivered. */
async function run(
  mt: MachineTranslation,
  project: Project,
  opts: {
    langs?: TargetLang[];
    signal?: AbortSignal;
    segmentIds?: string[];
    refresh?: boolean;
    onBatch?: () => void;
  } = {},
) {
  const results: Record<TargetLang, MtResult[]> = { vi: [], en: [] };
  const progress: Array<[TargetLang, number, number]> = [];
  const summary = await mt.translate({
    project,
    langs: opts.langs ?? ['vi', 'en'],
    signal: opts.signal ?? new AbortController().signal,
    ...(opts.segmentIds ? { segmentIds: opts.segmentIds } : {}),
    ...(opts.refresh ? { refresh: true } : {}),
    onProgress: (lang, done, total) => progress.push([lang, done, total]),
    onResults: (lang, r) => {
      results[lang].push(...r);
      opts.onBatch?.();
    },
  });
  const text = (lang: TargetLang) =>
    Object.fromEntries(results[lang].flatMap((r) => ('text' in r ? [[r.segmentId, r.text]] : [])));
  const errors = (lang: TargetLang) =>
    Object.fromEntries(results[lang].flatMap((r) => ('error' in r ? [[r.segmentId, r.error]] : [])));
  return { summary, results, progress, text, errors };
}

const translateRequests = () => fake.requests.filter((r) => r.path === '/v2/translate');
const para = (source: string) => ({ kind: 'paragraph' as SegmentKind, source });
/** Korean-looking filler of about n characters. */
const korean = (n: number, seed = 0) => {
  const syllables = '가나다라마바사아자차카타파하서울베트남기술협력';
  let s = '';
  for (let i = 0; s.length < n; i++)
    s += syllables[(i * 7 + seed) % syllables.length]! + (i % 9 === 8 ? ' ' : '');
  return `${seed}번 ${s.slice(0, n)}`;
};

describe('sample article', () => {
  it('translates every row with one request per language, with the headline and lead as context', async () => {
    const project = sampleProject();
    const { summary, text } = await run(service(), project);
    const reqs = translateRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs.map((r) => r.params.target_lang).sort()).toEqual(['en-US', 'vi']);
    const headline = project.segments.find((s) => s.kind === 'headline')!.source;
    const lead = project.segments.find((s) => s.kind === 'paragraph')!.source;
    for (const r of reqs) {
      expect(r.params.context).toBe(`${headline}\n${lead}`);
      expect(r.params.source_lang).toBe('ko');
      expect(r.params.model_type).toBe('prefer_quality_optimized');
      expect(r.params.tag_handling).toBe('xml');
      expect(r.params).not.toHaveProperty('formality');
      expect(r.params).not.toHaveProperty('glossary_id');
    }
    const translatable = project.segments.filter((s) => s.translate && s.kind !== 'caption');
    expect(reqs[0]!.textCount).toBe(translatable.length);
    // Captions follow their picture and are not sent; credit and copyright lines are, like every other row.
    const sent = reqs.flatMap((r) => r.texts);
    expect(sent.some((t) => t.startsWith('◎'))).toBe(true);
    expect(sent.some((t) => t.startsWith('Copyright'))).toBe(true);

    const entries = fixture.entries as Array<{ ko: string; vi: string; 'en-US': string }>;
    for (const s of translatable) {
      const ref = entries.find((e) => e.ko === s.source)!;
      expect(ref, s.source).toBeDefined();
      expect(text('vi')[s.id]).toBe(ref.vi);
      expect(text('en')[s.id]).toBe(ref['en-US']);
    }
    // The e-mail address in the captions comes back exactly.
    const picture = project.segments.find((s) => s.kind === 'picture')!;
    expect(text('vi')[picture.id]).toContain('photo@newsis.com');
    expect(
      summary.perLang.map((l) => [l.lang, l.requested, l.translated, l.fromCache, l.failed, l.requests]),
    ).toEqual([
      ['vi', translatable.length, translatable.length, 0, 0, 1],
      ['en', translatable.length, translatable.length, 0, 0, 1],
    ]);
    expect(summary.perLang[0]!.billedCharacters).toBeGreaterThan(500);
    expect(summary.cancelled).toBe(false);
    expect(summary.error).toBeUndefined();
  });

  it('asks for British English when the project says en-GB', async () => {
    const project = sampleProject({ englishVariant: 'en-GB' });
    const { text } = await run(service(), project, { langs: ['en'] });
    expect(translateRequests().map((r) => r.params.target_lang)).toEqual(['en-GB']);
    const s = project.segments.find((x) => x.source.startsWith('"양국 스마트'))!;
    expect(text('en')[s.id]).toContain('commercialising');
  });

  it('answers the second run from the cache with no request', async () => {
    const mt = service();
    await run(mt, sampleProject());
    const before = translateRequests().length;
    // A fresh instance reads the cache from disk.
    const second = await run(service(), sampleProject());
    expect(translateRequests().length).toBe(before);
    expect(
      second.summary.perLang.map((l) => [l.requests, l.fromCache === l.requested, l.billedCharacters]),
    ).toEqual([
      [0, true, 0],
      [0, true, 0],
    ]);
    expect(Object.keys(second.text('vi')).length).toBe(second.summary.perLang[0]!.requested);
  });

  it('counts progress up to the total', async () => {
    const { progress, summary } = await run(service(), sampleProject(), { langs: ['vi'] });
    expect(progress.at(-1)).toEqual(['vi', summary.perLang[0]!.requested, summary.perLang[0]!.requested]);
  });

  it('sends each paragraph alone with its neighbours in paragraph-context mode', async () => {
    const project = sampleProject();
    await run(service({ paragraphContext: true }), project, { langs: ['vi'] });
    const paragraphs = project.segments.filter((s) => s.kind === 'paragraph');
    const reqs = translateRequests();
    // One per paragraph, plus one for headline, sub-headlines and captions together.
    expect(reqs).toHaveLength(paragraphs.length + 1);
    const second = paragraphs[1]!;
    const req = reqs.find((r) => r.texts.length === 1 && r.texts[0] === second.source)!;
    expect(req.params.context).toBe(`${paragraphs[0]!.source}\n${paragraphs[2]!.source}`);
  });
});

describe('which rows', () => {
  it('skips captions, untranslatable and empty rows, and cells that already have text', async () => {
    const project = projectOf([
      { kind: 'headline', source: '제목' },
      { kind: 'picture', source: '사진 설명', imageUrl: 'https://example.com/a.jpg' },
      { kind: 'caption', source: '사진 설명' },
      para('첫 문단'),
      para('   '),
      para('둘째 문단'),
      para('셋째 문단'),
      { kind: 'credit', source: '◎공감언론 뉴시스' },
    ]);
    project.segments[5]!.targets.vi = { text: 'đã dịch', status: 'machine' };
    project.segments[6]!.targets.vi = { text: 'sửa', status: 'edited' };
    project.segments[7]!.translate = false; // the reviewer chose to keep the credit line as it is
    const { summary, text } = await run(service(), project, { langs: ['vi'] });
    expect(Object.keys(text('vi')).sort()).toEqual(['s1', 's2', 's4']);
    expect(summary.perLang[0]!.requested).toBe(3);

    const refreshed = await run(service(), project, { langs: ['vi'], refresh: true });
    expect(Object.keys(refreshed.text('vi')).sort()).toEqual(['s1', 's2', 's4', 's6', 's7']);

    const only = await run(service(), project, { langs: ['vi'], segmentIds: ['s6', 's3'] });
    expect(Object.keys(only.text('vi'))).toEqual(['s6']);
  });

  it('retries rows in error', async () => {
    const project = projectOf([para('하나'), para('둘')]);
    project.segments[1]!.targets.en = { text: '', status: 'error', error: 'mt.serverError' };
    project.segments[0]!.targets.en = { text: 'one', status: 'approved' };
    const { text } = await run(service(), project, { langs: ['en'] });
    expect(text('en')).toEqual({ s2: '[EN] 둘' });
  });

  it('throws mt.noKey without a key and sends nothing', async () => {
    const err = await run(service({ authKey: null }), sampleProject()).catch((e: unknown) => e);
    expect(isAppError(err, 'mt.noKey')).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('batching', () => {
  it('splits 120 short texts into 3 requests of at most 50', async () => {
    const project = projectOf(Array.from({ length: 120 }, (_, i) => para(`문단 ${i}`)));
    const { summary, text } = await run(service(), project, { langs: ['vi'] });
    expect(translateRequests().map((r) => r.textCount)).toEqual([50, 50, 20]);
    expect(summary.perLang[0]!.requests).toBe(3);
    expect(Object.keys(text('vi'))).toHaveLength(120);
    expect(text('vi').s120).toBe('[VI] 문단 119');
  });

  it('splits long texts by body size, every request within 128 KiB', async () => {
    // 30 texts of ~1,900 Korean characters: ~17 KB each on the wire, far over 128 KiB together.
    const project = projectOf(Array.from({ length: 30 }, (_, i) => para(korean(1_900, i))));
    const { summary, text } = await run(service(), project, { langs: ['vi'] });
    const reqs = translateRequests();
    expect(reqs.every((r) => r.status === 200 && r.bodyBytes <= 128 * 1024)).toBe(true);
    expect(reqs.length).toBeGreaterThanOrEqual(
      Math.ceil(reqs.reduce((n, r) => n + r.bodyBytes, 0) / (128 * 1024)),
    );
    expect(reqs.length).toBeGreaterThan(3);
    expect(reqs.reduce((n, r) => n + r.textCount, 0)).toBe(30);
    expect(summary.perLang[0]!.translated).toBe(30);
    expect(Object.keys(text('vi'))).toHaveLength(30);
  });

  it('marks a text too long for any request without sending it', async () => {
    const project = projectOf([para(korean(16_000)), para('짧은 문단')]);
    const { errors, text } = await run(service(), project, { langs: ['vi'] });
    expect(errors('vi')).toEqual({ s1: 'mt.textTooLong' });
    expect(text('vi')).toEqual({ s2: '[VI] 짧은 문단' });
    const reqs = translateRequests();
    expect(reqs.map((r) => r.textCount)).toEqual([1]);
    // The overlong lead is cut short as context, so it does not crowd out the texts.
    expect(reqs[0]!.params.context!.length).toBe(1_500);
  });

  it('sends a text repeated in the article once', async () => {
    const project = projectOf([para('같은 문장'), para('다른 문장'), para('같은 문장')]);
    const { text } = await run(service(), project, { langs: ['vi'] });
    expect(translateRequests()[0]!.textCount).toBe(2);
    expect(text('vi')).toEqual({ s1: '[VI] 같은 문장', s2: '[VI] 다른 문장', s3: '[VI] 같은 문장' });
  });
});

describe('cache', () => {
  it('sends only the new paragraphs of a revised article', async () => {
    const rows = [
      { kind: 'headline' as SegmentKind, source: '제목' },
      para('첫 문단'),
      para('둘째 문단'),
      para('셋째 문단'),
    ];
    await run(service(), projectOf(rows), { langs: ['vi'] });
    expect(translateRequests()).toHaveLength(1);
    const revised = projectOf([...rows.slice(0, 3), para('새 문단'), rows[3]!, para('또 새 문단')], {
      id: 'p2',
    });
    const { summary, text } = await run(service(), revised, { langs: ['vi'] });
    const reqs = translateRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs[1]!.texts).toEqual(['새 문단', '또 새 문단']);
    expect(summary.perLang[0]).toMatchObject({ requested: 6, fromCache: 4, translated: 6, requests: 1 });
    expect(Object.keys(text('vi'))).toHaveLength(6);
  });

  it('keeps what it paid for in the database, with the characters billed, across restarts', async () => {
    const project = projectOf([para('하나'), para('둘')]);
    await run(service(), project, { langs: ['vi'] });
    const rows = (await database.db
      .selectFrom('mt_cache')
      .select(['source', 'target_lang', 'billed_characters'])
      .orderBy('source')
      .execute()) as Array<{ source: string; target_lang: string; billed_characters: number }>;
    expect(rows).toEqual([
      { source: '둘', target_lang: 'vi', billed_characters: 1 },
      { source: '하나', target_lang: 'vi', billed_characters: 2 },
    ]);
    const second = await run(service(), project, { langs: ['vi'] });
    expect(second.summary.perLang[0]).toMatchObject({ fromCache: 2, requests: 0, translated: 2 });
  });

  it('asks again for a paragraph seen under another context: a cached answer serves only its exact request', async () => {
    await run(service(), projectOf([{ kind: 'headline', source: '제목 A' }, para('문단')]), {
      langs: ['vi'],
    });
    const second = await run(service(), projectOf([{ kind: 'headline', source: '제목 B' }, para('문단')]), {
      langs: ['vi'],
    });
    const reqs = translateRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs[1]!.texts).toEqual(['제목 B', '문단']);
    expect(second.summary.perLang[0]).toMatchObject({ fromCache: 0, requests: 1 });
  });
});

describe('glossary', () => {
  const glossary = [
    { ko: '서울시', vi: 'Thành phố Seoul', en: 'Seoul Metropolitan Government' },
    { ko: '스마트 모빌리티', vi: 'di chuyển thông minh', en: 'smart mobility' },
  ];

  it('creates one multilingual glossary, uses it on every request, and reuses it', async () => {
    const project = projectOf([para('서울시는 스마트 모빌리티를 지원한다')], { glossary });
    const { text } = await run(service(), project);
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v3/glossaries');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.params).toMatchObject({
      'dictionaries[0].source_lang': 'ko',
      'dictionaries[0].target_lang': 'vi',
      'dictionaries[1].target_lang': 'en',
    });
    const reqs = translateRequests();
    expect(new Set(reqs.map((r) => r.params.glossary_id)).size).toBe(1);
    expect(reqs[0]!.params.glossary_id).toBeTruthy();
    expect(text('vi').s1).toBe('[VI] Thành phố Seoul는 di chuyển thông minh를 지원한다');
    expect(text('en').s1).toBe('[EN] Seoul Metropolitan Government는 smart mobility를 지원한다');

    // Another project with the same glossary, in a new process: the stored id is checked, not recreated.
    await run(service(), projectOf([para('서울시 새 문단')], { glossary, id: 'p2' }));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v3/glossaries')).toHaveLength(1);
    expect(fake.glossaryCount()).toBe(1);
    const map = JSON.parse(await readFile(join(dir, GLOSSARY_MAP_FILE), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(map)).not.toContain('test-key');
  });

  it('creates a new glossary after the glossary changed, and misses the cache only for that language', async () => {
    const project = projectOf([para('서울시 문단')], { glossary });
    await run(service(), project);
    const changed = projectOf([para('서울시 문단')], {
      glossary: [{ ...glossary[0]!, vi: 'TP Seoul' }, glossary[1]!],
    });
    const { text, summary } = await run(service(), changed);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v3/glossaries')).toHaveLength(2);
    expect(text('vi').s1).toBe('[VI] TP Seoul 문단');
    expect(summary.perLang.map((l) => [l.lang, l.fromCache])).toEqual([
      ['vi', 0],
      ['en', 1],
    ]);
  });

  it('recreates a glossary deleted on the server', async () => {
    await run(service(), projectOf([para('서울시 하나')], { glossary }));
    fake.reset();
    const { text } = await run(service(), projectOf([para('서울시 둘')], { glossary }));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v3/glossaries')).toHaveLength(1);
    expect(text('vi').s1).toBe('[VI] Thành phố Seoul 둘');
  });

  it('stops with mt.glossaryFailed when the glossary cannot be made, sending no translation', async () => {
    fake.setFault({ status: 500 });
    const { summary, results } = await run(service(), projectOf([para('서울시 문단')], { glossary }));
    expect(summary.error).toEqual({ code: 'mt.glossaryFailed' });
    expect(results.vi).toEqual([]);
    expect(translateRequests()).toHaveLength(0);
  });

  it('sends no glossary when it is empty, and only the languages that have terms', async () => {
    await run(service(), projectOf([para('서울시')], { glossary: [{ ko: '서울시', vi: '', en: ' ' }] }));
    expect(fake.requests.some((r) => r.path.startsWith('/v3/glossaries'))).toBe(false);
    fake.reset();
    const { text } = await run(
      service(),
      projectOf([para('서울시 문단')], { glossary: [{ ko: '서울시', vi: 'Seoul', en: '' }] }),
    );
    const reqs = translateRequests();
    expect(reqs.find((r) => r.params.target_lang === 'vi')!.params.glossary_id).toBeTruthy();
    expect(reqs.find((r) => r.params.target_lang === 'en-US')!.params).not.toHaveProperty('glossary_id');
    expect(text('en').s1).toBe('[EN] 서울시 문단');
  });
});

describe('protection', () => {
  it('brings e-mail addresses, URLs, < and & back exactly', async () => {
    const source =
      '문의는 press@example.co.kr 또는 https://example.com/a?b=1&c=2(설명)에서, 조건은 a < b & c > d 이다.';
    const { text } = await run(service(), projectOf([para(source)]), { langs: ['vi'] });
    const sent = translateRequests()[0]!;
    expect(sent.params.ignore_tags).toBe('x');
    expect(sent.texts[0]).toContain('<x id="1">press@example.co.kr</x>');
    expect(sent.texts[0]).toContain('a &lt; b &amp; c &gt; d');
    expect(text('vi').s1).toBe(`[VI] ${source}`);
  });
});

describe('faults', () => {
  const tenRows = () => projectOf(Array.from({ length: 10 }, (_, i) => para(`문단 ${i}`)));

  it('403: stops the run with mt.authFailed and leaves the rows alone', async () => {
    const { summary, results } = await run(service({ authKey: 'invalid-key' }), tenRows());
    expect(summary.error).toEqual({ code: 'mt.authFailed' });
    expect(results.vi).toEqual([]);
    expect(results.en).toEqual([]);
  });

  it('456: stops, keeps what was already translated, and says how much is left', async () => {
    const project = projectOf(Array.from({ length: 120 }, (_, i) => para(`문단 ${i}`)));
    fake.setUsage(499_000, 500_000);
    // Let the first request of each language through, then the quota is gone.
    let batches = 0;
    const { summary, text } = await run(service(), project, {
      langs: ['vi'],
      onBatch: () => {
        if (++batches === 1) fake.setFault({ status: 456 });
      },
    });
    expect(summary.error?.code).toBe('mt.quotaExceeded');
    expect(summary.error?.params).toMatchObject({ context: 'known', limit: 500_000 });
    expect(Number(summary.error?.params?.left)).toBeLessThan(1_000);
    const translated = Object.keys(text('vi')).length;
    expect(translated).toBeGreaterThanOrEqual(50);
    expect(translated).toBeLessThan(120);
    expect(summary.perLang[0]!.translated).toBe(translated);
    expect(summary.perLang[0]!.failed).toBe(0);
    // The translated part is cached: the next run only sends the rest.
    fake.setFault(null);
    const rest = await run(service(), project, { langs: ['vi'] });
    expect(rest.summary.perLang[0]!.fromCache).toBe(translated);
  });

  it('429 after retries: the rows get mt.rateLimited, the run goes on', async () => {
    fake.setFault({ status: 429, times: 2 });
    const { summary, errors, text } = await run(
      service({}, { maxRetries: 2, minTimeout: 5_000 }),
      tenRows(),
      {
        langs: ['vi'],
      },
    );
    // deepl-node retried once (2 attempts), both refused.
    expect(translateRequests().map((r) => r.status)).toEqual([429, 429]);
    expect(Object.values(errors('vi'))).toEqual(Array(10).fill('mt.rateLimited'));
    expect(text('vi')).toEqual({});
    expect(summary.error).toBeUndefined();
    expect(summary.perLang[0]).toMatchObject({ failed: 10, translated: 0, requests: 1 });
  });

  it('a transient 503 is retried by deepl-node and succeeds', async () => {
    fake.setFault({ status: 503, times: 1 });
    const { text, summary } = await run(service({}, { maxRetries: 2, minTimeout: 5_000 }), tenRows(), {
      langs: ['vi'],
    });
    expect(translateRequests().map((r) => r.status)).toEqual([503, 200]);
    expect(Object.keys(text('vi'))).toHaveLength(10);
    expect(summary.perLang[0]!.failed).toBe(0);
  });

  it.each([500, 503] as const)('%i: the rows get mt.serverError', async (status) => {
    fake.setFault({ status });
    const { errors } = await run(service(), tenRows(), { langs: ['en'] });
    expect(Object.values(errors('en'))).toEqual(Array(10).fill('mt.serverError'));
  });

  it('connection refused: mt.offline for the run', async () => {
    const url = fake.url;
    await fake.close();
    const { summary, results } = await run(service({ serverUrl: url }), tenRows());
    expect(summary.error).toEqual({ code: 'mt.offline' });
    expect(results.vi).toEqual([]);
    fake = await startDeeplServer(); // for afterEach
  });

  it('no answer: the rows get mt.timeout', async () => {
    fake.setFault({ kind: 'hang' });
    const { errors, summary } = await run(service({}, { maxRetries: 1, minTimeout: 300 }), tenRows(), {
      langs: ['vi'],
    });
    expect(Object.values(errors('vi'))).toEqual(Array(10).fill('mt.timeout'));
    expect(summary.error).toBeUndefined();
  });

  it('a dropped connection: the rows get mt.connectionLost', async () => {
    fake.setFault({ kind: 'close-socket' });
    const { errors } = await run(service(), tenRows(), { langs: ['vi'] });
    expect(Object.values(errors('vi'))).toEqual(Array(10).fill('mt.connectionLost'));
  });

  it('an answer with fewer texts: the missing rows get mt.incompleteResponse, the rest is kept', async () => {
    fake.setFault({ kind: 'drop-texts' });
    const { errors, text, summary } = await run(service(), tenRows(), { langs: ['vi'] });
    expect(Object.keys(text('vi'))).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(errors('vi')).toEqual(
      Object.fromEntries(['s6', 's7', 's8', 's9', 's10'].map((id) => [id, 'mt.incompleteResponse'])),
    );
    expect(summary.perLang[0]).toMatchObject({ translated: 5, failed: 5 });
  });

  it('never puts the key in what it reports', async () => {
    const { summary } = await run(service({ authKey: 'invalid-key' }), tenRows());
    expect(JSON.stringify(summary)).not.toContain('invalid-key');
  });
});

describe('cancel', () => {
  it('stops starting requests, keeps finished results and says cancelled', async () => {
    fake.setDelay(100);
    const project = projectOf(Array.from({ length: 400 }, (_, i) => para(`문단 ${i}`)));
    const controller = new AbortController();
    const { summary, text } = await run(service(), project, {
      langs: ['vi'],
      signal: controller.signal,
      onBatch: () => controller.abort(),
    });
    expect(summary.cancelled).toBe(true);
    const got = Object.keys(text('vi')).length;
    expect(got).toBeGreaterThanOrEqual(50);
    expect(got).toBeLessThan(400);
    expect(summary.perLang[0]!.requests).toBeLessThan(8);
    expect(summary.perLang[0]!.translated).toBe(got);
  });

  it('does nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { summary } = await run(service(), sampleProject(), { signal: controller.signal });
    expect(summary.cancelled).toBe(true);
    expect(translateRequests()).toHaveLength(0);
  });
});

describe('usage', () => {
  it('reports usage and flags 90 % as near the limit', async () => {
    fake.setUsage(100, 1_000);
    expect(await service().usage()).toEqual({ characterCount: 100, characterLimit: 1_000, nearLimit: false });
    fake.setUsage(900, 1_000);
    expect((await service().usage()).nearLimit).toBe(true);
  });

  it('maps a bad key to mt.authFailed', async () => {
    const err = await service({ authKey: 'invalid-key' })
      .usage()
      .catch((e: unknown) => e);
    expect(isAppError(err, 'mt.authFailed')).toBe(true);
  });
});
