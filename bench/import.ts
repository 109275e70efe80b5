// `npx tsx bench/import.ts`: article import at sizes far beyond a real article, against the target "under 1 s
// each". A 5 MB Korean text (~10,000 paragraphs; UTF-8, EUC-KR, pasted), a 2 MB news-style HTML page, re-imports
// of the 10,000-paragraph text (a typical revision; a worst case where every row changed, so the bounded
// alignment window does all the work; an unrelated article), and a 10,000-paragraph DOCX (no target: a real one
// has ~30 paragraphs, and most of its time is mammoth's conversion).
//
// Each case runs in its own process and builds only its own input, so its memory figure is its own: "peak RSS"
// is the process's high-water mark (resourceUsage().maxRSS), "+parse" how far the import pushed it above the
// mark after building the input. Time: the median of 5 runs (judged against the target) and the first run (what a
// user waits for). A last case imports the sample through the worker thread the app uses (start-up included).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import type { Segment } from '../electron/contract';
import { mergeRevision, parseArticle, parseText } from '../electron/services/import/index';
import { parseArticleOffThread } from '../electron/services/import/off-thread';
import { encodeEucKr, sampleBytes } from '../test/support/import';
import { report, reportTiming, time } from './stats';

const TARGET_MS = 1_000;
const PARAGRAPHS = 10_000;
const SYLLABLES =
  '서울시베트남정부대학공동협력선포스마트모빌리티기술상용화전기차충전인프라구축시장기업지원산업호찌민';

// Deterministic text (LCG), so runs compare.
let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
function sentence(chars: number): string {
  let s = '';
  while (s.length < chars) {
    const word = 2 + Math.floor(rand() * 4);
    for (let k = 0; k < word; k++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    s += rand() < 0.12 ? '다. ' : ' ';
  }
  return `${s.trim()}다.`;
}
/** A paragraph of about `bytes` UTF-8 bytes (Hangul is 3 bytes a syllable), now and then with links. */
function paragraph(i: number, bytes: number): string {
  const extra = i % 50 === 0 ? ' 문의 reporter@newsis.com, https://www.newsis.com/view/?id=NISX2022' : '';
  return `[서울=뉴시스] ${i}번째 문단. ${sentence(Math.round(bytes / 3.3))}${extra}`;
}
let cached: string[] | null = null;
/** The same 10,000 paragraphs on every call (the generator is stateful). */
const paragraphs = () => (cached ??= Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i, 630)));
const article = () =>
  [
    '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
    '서울시, 베트남 정부·대학과 공동 협력 선포',
    '![[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. photo@newsis.com](https://img1.newsis.com/a.jpg?rnd=1)',
    '[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. [email protected]',
    ...paragraphs(),
    '◎공감언론 뉴시스 [email protected]',
    'Copyright ⓒ NEWSIS.COM, 무단 전재 및 재배포 금지',
  ].join('\n');

function htmlPage(): string {
  const body = paragraphs()
    .slice(0, 4_000)
    .map((p, i) =>
      i % 40 === 0
        ? `<figure><img src="https://img1.newsis.com/${i}.jpg?a=1&amp;b=2" alt="사진 ${i}"><figcaption>[서울=뉴시스] 사진 설명 ${i} &lt;자료&gt;</figcaption></figure>`
        : `<p>${p.replace(/&/g, '&amp;')}</p>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>뉴시스</title>
<script>${'var x = 1;'.repeat(2_000)}</script><style>${'p{margin:0}'.repeat(2_000)}</style></head><body>
<header><nav><ul>${'<li><a href="/x">메뉴</a></li>'.repeat(200)}</ul></nav></header>
<main><article><h1>오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"</h1>
${body}
</article><aside>${'<p>관련 기사</p>'.repeat(200)}</aside></main><footer><p>Copyright</p></footer></body></html>`;
}

/** Previous version of the article, every row approved in Vietnamese and machine-translated in English. */
function translatedArticle(): Segment[] {
  return parseText(article()).segments.map((s) => ({
    ...s,
    targets: {
      vi: { text: `vi ${s.id}`, status: 'approved' as const },
      en: { text: `en ${s.id}`, status: 'machine' as const },
    },
  }));
}

interface Case {
  title: string;
  target: number | null;
  /** Build the input (not measured) and return the work to measure plus the input size. */
  prepare: () => Promise<{ size: number | null; run: () => unknown }>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

const CASES: Record<string, Case> = {
  txt: {
    title: 'parseArticle .txt (UTF-8)',
    target: TARGET_MS,
    prepare: async () => {
      const bytes = utf8(article());
      return { size: bytes.length, run: () => parseArticle({ fileName: 'big.txt', bytes }) };
    },
  },
  euckr: {
    title: 'parseArticle .txt (EUC-KR)',
    target: TARGET_MS,
    prepare: async () => {
      const bytes = encodeEucKr(article());
      return { size: bytes.length, run: () => parseArticle({ fileName: 'big.txt', bytes }) };
    },
  },
  paste: {
    title: 'parseText (pasted)',
    target: TARGET_MS,
    prepare: async () => {
      const text = article();
      return { size: utf8(text).length, run: () => parseText(text, { format: 'paste' }) };
    },
  },
  html: {
    title: 'parseArticle .html',
    target: TARGET_MS,
    prepare: async () => {
      const bytes = utf8(htmlPage());
      return { size: bytes.length, run: () => parseArticle({ fileName: 'big.html', bytes }) };
    },
  },
  'merge-typical': {
    title: 'mergeRevision typical (10,000 rows)',
    target: TARGET_MS,
    prepare: async () => {
      const previous = translatedArticle();
      // Every 20th paragraph edited, every 50th removed, a new one every 100.
      const lines = article()
        .split('\n')
        .flatMap((line, i) => {
          if (i > 4 && i % 50 === 0) return [];
          const edited = i > 4 && i % 20 === 0 ? line.replace('번째 문단.', '번째 문단(수정).') : line;
          return i > 4 && i % 100 === 1 ? [edited, `[속보] 새 문단 ${i}: ${sentence(150)}`] : [edited];
        });
      const next = parseText(lines.join('\n')).segments;
      return { size: null, run: () => mergeRevision(previous, next) };
    },
  },
  'merge-all-changed': {
    title: 'mergeRevision every row changed',
    target: TARGET_MS,
    prepare: async () => {
      const previous = translatedArticle();
      const next = parseText(article().replace(/번째 문단\./g, '번째 문단이다.')).segments;
      return { size: null, run: () => mergeRevision(previous, next) };
    },
  },
  'merge-unrelated': {
    title: 'mergeRevision unrelated article',
    target: TARGET_MS,
    prepare: async () => {
      const previous = translatedArticle();
      const other = Array.from({ length: PARAGRAPHS }, (_, i) => `완전히 다른 기사 ${i}: ${sentence(150)}`);
      const next = parseText(other.join('\n')).segments;
      return { size: null, run: () => mergeRevision(previous, next) };
    },
  },
  docx: {
    title: 'parseArticle .docx (10,000 paragraphs)',
    target: null,
    prepare: async () => {
      const doc = new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: '오세훈 "스마트 모빌리티 우수기업들"', heading: HeadingLevel.HEADING_1 }),
              ...paragraphs().map((p) => new Paragraph({ text: p })),
            ],
          },
        ],
      });
      const bytes = new Uint8Array(await Packer.toBuffer(doc));
      return { size: bytes.length, run: () => parseArticle({ fileName: 'big.docx', bytes }) };
    },
  },
  worker: {
    title: 'sample article through the import worker',
    target: TARGET_MS,
    prepare: async () => {
      const bytes = sampleBytes();
      return { size: bytes.length, run: () => parseArticleOffThread({ fileName: 'sample.txt', bytes }) };
    },
  },
  mammoth: {
    title: '  of which mammoth DOCX → HTML',
    target: null,
    prepare: async () => {
      const doc = new Document({
        sections: [{ children: paragraphs().map((p) => new Paragraph({ text: p })) }],
      });
      const buffer = await Packer.toBuffer(doc);
      return { size: buffer.length, run: () => mammoth.convertToHtml({ buffer }) };
    },
  },
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function runCase(name: string): Promise<boolean> {
  const c = CASES[name]!;
  const { size, run } = await c.prepare();
  globalThis.gc?.();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const result = await run();
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  const t = await time(run, 5);
  const rows =
    result && typeof result === 'object' && 'segments' in result
      ? (result.segments as Segment[]).length
      : null;
  const what = `${c.title.trim()}${size === null ? '' : ` (${mb(size)})`}${rows === null ? '' : `, ${rows} rows`}`;
  const ok = reportTiming(what, t, c.target === null ? undefined : { max: c.target });
  report(`${c.title.trim()} peak RSS`, (peakAfter - peakBefore) / 1024 / 1024, 'MB above the input');
  if (name === 'merge-typical' && result && typeof result === 'object' && 'counts' in result)
    console.log(`     found ${JSON.stringify(result.counts)} (expected new 100, changed 400, removed 200)`);
  return ok;
}

const only = process.argv[2];
if (only) process.exitCode = (await runCase(only)) ? 0 : 1;
else {
  console.log(`each case in its own process; the median of 5 runs against the target\n`);
  let slow = 0;
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
      encoding: 'utf8',
    });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      slow++;
    }
  }
  process.exit(slow ? 1 : 0);
}
