// `npx tsx bench/mt.ts`: machine-translation batching and cache against the fake DeepL server.
// 2,000 generated Korean paragraphs (20–2,000 characters) × vi + en: requests vs the fewest DeepL's limits allow,
// largest request body, wall time; then the same project again (warm cache); then paragraph-context mode on the
// sample article.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeeplServer } from '../e2e/support/deepl-server';
import type { SegmentKind, TargetLang } from '../electron/contract';
import {
  MAX_BODY_BYTES,
  MAX_TEXTS,
  baseBodyBytes,
  formParamBytes,
  minimumRequests,
} from '../electron/services/mt/batching';
import {
  MachineTranslation,
  MODEL_TYPE,
  articleContext,
  type MtSettings,
} from '../electron/services/mt/index';
import { openSqlite } from '../electron/services/db';
import { KEEP_TAG, protect } from '../electron/services/mt/protect';
import { projectOf, sampleProject } from '../test/support/mt';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

const PARAGRAPHS = 2_000;
const SYLLABLES =
  '서울시베트남정부대학공동협력선포스마트모빌리티기술상용화전기차충전인프라구축시장기업지원산업';

// Deterministic lengths and text (LCG), so runs compare.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
function paragraph(i: number): string {
  const length = 20 + Math.floor(rand() ** 1.5 * 1_980);
  let s = `${i}. `;
  while (s.length < length) {
    const word = 2 + Math.floor(rand() * 4);
    for (let k = 0; k < word; k++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    s += rand() < 0.1 ? '. ' : ' ';
  }
  return s.slice(0, length).trim();
}

const rows: Array<{ kind: SegmentKind; source: string }> = [
  { kind: 'headline', source: '서울시, 베트남 정부·대학과 스마트 모빌리티 공동 협력 선포' },
  ...Array.from({ length: PARAGRAPHS }, (_, i) => ({
    kind: 'paragraph' as SegmentKind,
    source: paragraph(i),
  })),
];
const project = projectOf(rows);
const langs: TargetLang[] = ['vi', 'en'];

const fake = await startDeeplServer();
const dir = await mkdtemp(join(tmpdir(), 'bench-mt-'));
// The cache lives in the data folder's database, as in the app.
const cacheDatabase = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
const settings: MtSettings = {
  authKey: 'bench',
  serverUrl: fake.url,
  englishVariant: 'en-US',
  paragraphContext: false,
};
const service = (s: Partial<MtSettings> = {}) =>
  new MachineTranslation({
    cacheDir: dir,
    cacheDatabase,
    getSettings: () => ({ ...settings, ...s }),
    now: () => new Date(),
  });
const job = (p = project, signal = new AbortController().signal) => ({
  project: p,
  langs,
  signal,
  onProgress: () => undefined,
  onResults: () => undefined,
});

let failures = 0;
// `name: value (target …) PASS|FAIL`; a row whose target is in parentheses is informational and gets no verdict.
const report = (label: string, value: string, ok: boolean, target: string) => {
  if (target.startsWith('(')) {
    console.log(`${label}: ${value} ${target}`);
    return;
  }
  if (!ok) failures++;
  console.log(`${label}: ${value} (target ${target}) ${ok ? 'PASS' : 'FAIL'}`);
};

try {
  // Cold run.
  let t0 = performance.now();
  const cold = await service().translate(job());
  const coldMs = performance.now() - t0;
  const reqs = fake.requests.filter((r) => r.path === '/v2/translate');
  const failed = cold.perLang.reduce((n, l) => n + l.failed, 0);

  const context = articleContext(project.segments);
  const minimum = langs.reduce((n, lang) => {
    const target = lang === 'vi' ? 'vi' : 'en-US';
    const base = baseBodyBytes([
      ['target_lang', target],
      ['source_lang', 'ko'],
      ['show_billed_characters', '1'],
      ['tag_handling', 'xml'],
      ['context', context],
      ['model_type', MODEL_TYPE],
      ['ignore_tags', KEEP_TAG],
    ]);
    const sizes = project.segments.map((s) => formParamBytes('text', protect(s.source).xml));
    return n + minimumRequests(sizes, base, { maxBytes: MAX_BODY_BYTES });
  }, 0);
  const maxBytes = Math.max(...reqs.map((r) => r.bodyBytes));
  const maxTexts = Math.max(...reqs.map((r) => r.textCount));
  const wireMb = reqs.reduce((n, r) => n + r.bodyBytes, 0) / 1e6;

  console.log(
    `\n${PARAGRAPHS + 1} rows × ${langs.length} languages, ${wireMb.toFixed(1)} MB sent, context ${context.length} chars`,
  );
  report(
    'cold: all rows translated',
    `${cold.perLang.reduce((n, l) => n + l.translated, 0)} (${failed} failed)`,
    failed === 0,
    `${2 * (PARAGRAPHS + 1)}, 0 failed`,
  );
  report(
    'cold: requests vs minimum the limits allow',
    `${reqs.length} vs ${minimum}`,
    reqs.length <= Math.ceil(minimum * 1.1),
    `≤ minimum + 10 %`,
  );
  report(
    'cold: largest request body',
    `${(maxBytes / 1024).toFixed(1)} KiB`,
    maxBytes <= MAX_BODY_BYTES,
    `≤ ${MAX_BODY_BYTES / 1024} KiB`,
  );
  report('cold: most texts in a request', String(maxTexts), maxTexts <= MAX_TEXTS, `≤ ${MAX_TEXTS}`);
  report(
    'cold: no request refused by the server',
    String(reqs.filter((r) => r.status !== 200).length),
    reqs.every((r) => r.status === 200),
    '0',
  );
  report(
    'cold: wall time (fake server, 2 in flight/lang)',
    `${coldMs.toFixed(0)} ms`,
    true,
    '(informational)',
  );

  // Warm run: a new instance, so the cache is read from disk.
  const before = fake.requests.length;
  t0 = performance.now();
  const warm = await service().translate(job());
  const warmMs = performance.now() - t0;
  const warmRequests = fake.requests.length - before;
  report('warm: requests', String(warmRequests), warmRequests === 0, '0');
  report(
    'warm: all from cache',
    String(warm.perLang.reduce((n, l) => n + l.fromCache, 0)),
    warm.perLang.every((l) => l.fromCache === l.requested),
    `${2 * (PARAGRAPHS + 1)}`,
  );
  report('warm: wall time (cache load included)', `${warmMs.toFixed(0)} ms`, warmMs < 1_000, '< 1,000 ms');

  // Paragraph-context mode on the sample article.
  fake.reset();
  const sample = sampleProject();
  const paragraphs = sample.segments.filter((s) => s.kind === 'paragraph' && s.translate).length;
  await new MachineTranslation({
    cacheDir: await mkdtemp(join(tmpdir(), 'bench-mt-pc-')),
    cacheDatabase: await openSqlite(':memory:', ALL_MIGRATIONS),
    getSettings: () => ({ ...settings, paragraphContext: true }),
    now: () => new Date(),
  }).translate(job(sample));
  const pcRequests = fake.requests.filter((r) => r.path === '/v2/translate').length;
  report(
    'sample, paragraph context: requests',
    String(pcRequests),
    pcRequests === 2 * (paragraphs + 1),
    `${2 * (paragraphs + 1)} (1 per paragraph + 1 for the rest, × 2)`,
  );
  fake.reset();
  // The first translation of the sample, as a user opening the app sees it (cold cache, client set up).
  const firstStart = performance.now();
  await new MachineTranslation({
    cacheDir: await mkdtemp(join(tmpdir(), 'bench-mt-ac-')),
    cacheDatabase: await openSqlite(':memory:', ALL_MIGRATIONS),
    getSettings: () => settings,
    now: () => new Date(),
  }).translate(job(sample));
  const firstMs = performance.now() - firstStart;
  const acRequests = fake.requests.filter((r) => r.path === '/v2/translate').length;
  report('sample, article context: requests', String(acRequests), acRequests === 2, '2 (1 per language)');
  report(
    'sample, first translation wall time',
    `${firstMs.toFixed(0)} ms`,
    true,
    '(informational; fake server)',
  );
} finally {
  await cacheDatabase.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
