// Export speed: a 10,000-paragraph project in every format. Prints figures against targets; not a test.
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS, type Project, type Segment } from '../electron/contract';
import { MULTI_LANGUAGE, buildExport } from '../electron/services/export';

const N = 10_000;
const words = [
  '서울시',
  '베트남',
  '스마트',
  '모빌리티',
  '협력',
  '기업',
  '지원',
  '기술',
  '상용화',
  '대학',
  '발표',
  '시장',
];
const vi = [
  'Thành phố',
  'Việt Nam',
  'thông minh',
  'di chuyển',
  'hợp tác',
  'doanh nghiệp',
  'hỗ trợ',
  'công nghệ',
];
const en = ['Seoul', 'Vietnam', 'smart', 'mobility', 'cooperation', 'companies', 'support', 'technology'];
const pick = (list: string[], i: number, n: number) =>
  Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]).join(' ');

const segments: Segment[] = Array.from({ length: N }, (_, i) => {
  const len = 8 + (i % 40);
  const status = i % 3 === 0 ? 'approved' : i % 3 === 1 ? 'edited' : 'machine';
  return {
    id: `p-${i}`,
    kind: i === 0 ? 'headline' : i % 50 === 1 ? 'picture' : 'paragraph',
    source: `${pick(words, i, len)} <${i}> & "인용".`,
    ...(i % 50 === 1 ? { imageUrl: `https://img.example.com/${i}.jpg` } : {}),
    translate: true,
    // Like real post-editing: the final text is the machine text with a word or two changed, or kept as is.
    targets: {
      vi: {
        text: pick(vi, i, len) + (status === 'machine' ? '' : ' đã sửa'),
        mt: pick(vi, i, len),
        status,
        editMs: i * 10,
      },
      en: {
        text: (status === 'edited' ? 'Edited: ' : '') + pick(en, i, len),
        mt: pick(en, i, len),
        status,
        editMs: i * 10,
      },
    },
  } satisfies Segment;
});
const project: Project = {
  schemaVersion: 1,
  id: 'bench',
  name: '벤치마크 기사',
  source: { fileName: 'bench.txt', format: 'txt', encoding: 'utf-8', importedAt: new Date().toISOString() },
  englishVariant: 'en-US',
  segments,
  glossary: [],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};
const ctx = { now: new Date(), reviewer: 'bench', appVersion: '0.1.0' };

console.log(`${N} paragraphs, both languages; best of 3 runs per format`);
let failed = 0;
for (const format of EXPORT_FORMATS) {
  const target = format === 'docx' || format === 'review-docx' ? 3000 : 1000;
  let best = Infinity;
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const file = await buildExport(
      project,
      { lang: MULTI_LANGUAGE.has(format) ? 'all' : 'vi', format, policy: 'approved-only' },
      ctx,
    );
    best = Math.min(best, performance.now() - t0);
    bytes = file.data.length;
  }
  const ok = best < target;
  if (!ok) failed++;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${format.padEnd(12)} ${best.toFixed(0).padStart(6)} ms  ${(bytes / 1024).toFixed(0).padStart(7)} KiB   target < ${target} ms`,
  );
}
process.exitCode = failed ? 1 : 0;
