// Export speed: a 10,000-paragraph project in every format, and the XLIFF round trip back into it. Prints the
// median of several runs against the target, and the first run; not a test.
import { EXPORT_FORMATS, type Project, type Segment } from '../electron/contract';
import { MULTI_LANGUAGE, buildExport } from '../electron/services/export';
import { withBaseline } from '../electron/services/interchange/baseline';
import { roundTrip } from '../electron/services/interchange/roundtrip';
import { reportTiming, time } from './stats';

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

const RUNS = 5;
console.log(`${N} paragraphs, both languages; ${RUNS} runs per format`);
let failed = 0;
for (const format of EXPORT_FORMATS) {
  const max = format === 'docx' || format === 'review-docx' || format === 'omegat' ? 3000 : 1000;
  const req = { lang: MULTI_LANGUAGE.has(format) ? 'all' : 'vi', format, policy: 'approved-only' } as const;
  const t = await time(() => buildExport(project, req, ctx), RUNS);
  if (!reportTiming(`export ${format}`, t, { max })) failed++;
}

// The round trip: an XLIFF 2.0 export of the 10,000 rows comes back with every tenth row approved in the file
// (a real article has ~30 rows; most of the time is parsing the 5 MB of XML).
const exported = await buildExport(project, { lang: 'vi', format: 'xliff2', policy: 'approved-only' }, ctx);
const recorded: Project = { ...project, exportBaselines: withBaseline(project, exported.baseline!) };
let n = 0;
const edited = new TextEncoder().encode(
  new TextDecoder()
    .decode(exported.data)
    .replace(/state="(initial|translated)"/g, (m) => (n++ % 10 === 0 ? 'state="final"' : m)),
);
const back = await time(() => roundTrip(recorded, 'bench.xlf', edited, new Date()), RUNS);
if (!reportTiming('xliff2 round trip (10,000 rows)', back, { max: 3000 })) failed++;
process.exitCode = failed ? 1 : 0;
