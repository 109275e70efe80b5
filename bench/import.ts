// `npx tsx bench/import.ts`: article import at sizes far beyond a real article, against the target "under 1 s
// each". A 5 MB Korean text (~10,000 paragraphs, also as EUC-KR), a 2 MB news-style HTML page, a 10,000-paragraph
// DOCX (no target: a real one has ~30 paragraphs; most of its time is mammoth's conversion), and
// re-imports of the 10,000-paragraph text (a typical revision, and a worst case where every row changed so the
// bounded alignment window does all the work). Prints wall time (first run, then best of 3), heap growth and peak
// RSS growth (resourceUsage().maxRSS only grows, so "+X" is how far the step pushed the process peak, and the
// process figure includes the generated inputs). `node --expose-gc --import tsx bench/import.ts` collects garbage
// between steps for steadier figures.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import type { Segment } from '../electron/contract';
import { mergeRevision, parseArticle, parseText } from '../electron/services/import/index';
import { encodeEucKr } from '../electron/services/import/test-support';

const TARGET_MS = 1_000;
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
/** A paragraph of about `bytes` UTF-8 bytes (Hangul is 3 bytes a syllable). */
function paragraph(i: number, bytes: number): string {
  const extra = i % 50 === 0 ? ' 문의 reporter@newsis.com, https://www.newsis.com/view/?id=NISX2022' : '';
  return `[서울=뉴시스] ${i}번째 문단. ${sentence(Math.round(bytes / 3.3))}${extra}`;
}

const PARAGRAPHS = 10_000;
const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i, 630));
const text = [
  '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
  '서울시, 베트남 정부·대학과 공동 협력 선포',
  '![[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. photo@newsis.com](https://img1.newsis.com/a.jpg?rnd=1)',
  '[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. [email protected]',
  ...paragraphs,
  '◎공감언론 뉴시스 [email protected]',
  'Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지',
].join('\n');
const textBytes = new TextEncoder().encode(text);
const eucKrBytes = encodeEucKr(text.replace(/©/g, 'ⓒ'));

const htmlParagraphs = paragraphs.slice(0, 4_000);
const html = `<!doctype html><html><head><meta charset="utf-8"><title>뉴시스</title>
<script>${'var x = 1;'.repeat(2_000)}</script><style>${'p{margin:0}'.repeat(2_000)}</style></head><body>
<header><nav><ul>${'<li><a href="/x">메뉴</a></li>'.repeat(200)}</ul></nav></header>
<main><article><h1>오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"</h1>
${htmlParagraphs
  .map((p, i) =>
    i % 40 === 0
      ? `<figure><img src="https://img1.newsis.com/${i}.jpg?a=1&amp;b=2" alt="사진 ${i}"><figcaption>[서울=뉴시스] 사진 설명 ${i} &lt;자료&gt;</figcaption></figure>`
      : `<p>${p.replace(/&/g, '&amp;')}</p>`,
  )
  .join('\n')}
</article><aside>${'<p>관련 기사</p>'.repeat(200)}</aside></main><footer><p>Copyright</p></footer></body></html>`;
const htmlBytes = new TextEncoder().encode(html);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function measure(
  name: string,
  size: string,
  run: () => unknown,
  target: number | null = TARGET_MS,
): Promise<void> {
  globalThis.gc?.();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let start = performance.now();
  const result = await run();
  const first = performance.now() - start;
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  let best = first;
  for (let k = 0; k < 2; k++) {
    start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  const rows =
    result && typeof result === 'object' && 'segments' in result ? (result.segments as Segment[]).length : '';
  const verdict = target === null ? 'info' : first < target ? 'OK  ' : 'SLOW';
  console.log(
    `${verdict} ${name.padEnd(36)} ${size.padStart(7)} ${String(rows).padStart(6)} rows  ` +
      `first ${first.toFixed(0).padStart(5)} ms  best ${best.toFixed(0).padStart(5)} ms  ` +
      `peak RSS +${mb(peakAfter - peakBefore).padStart(8)} (process ${mb(peakAfter)})`,
  );
}

console.log(`target: each under ${TARGET_MS} ms (first run)\n`);
await measure('parseArticle .txt (UTF-8)', mb(textBytes.length), () =>
  parseArticle({ fileName: 'big.txt', bytes: textBytes }),
);
await measure('parseArticle .txt (EUC-KR)', mb(eucKrBytes.length), () =>
  parseArticle({ fileName: 'big.txt', bytes: eucKrBytes }),
);
await measure('parseText (paste)', mb(textBytes.length), () => parseText(text, { format: 'paste' }));
await measure('parseArticle .html', mb(htmlBytes.length), () =>
  parseArticle({ fileName: 'big.html', bytes: htmlBytes }),
);

const docx = new Uint8Array(
  await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({
              text: '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
              heading: HeadingLevel.HEADING_1,
            }),
            ...paragraphs.map((p) => new Paragraph({ text: p })),
          ],
        },
      ],
    }),
  ),
);
// Word conversion is mammoth's work; shown apart so the figure for our own part is clear.
await measure(
  'parseArticle .docx (10,000 paras)',
  mb(docx.length),
  () => parseArticle({ fileName: 'big.docx', bytes: docx }),
  null,
);
await measure(
  '  of which mammoth .docx → HTML',
  mb(docx.length),
  () => mammoth.convertToHtml({ buffer: Buffer.from(docx) }),
  null,
);

const previous = parseText(text).segments.map((s) => ({
  ...s,
  targets: {
    vi: { text: `vi ${s.id}`, status: 'approved' as const },
    en: { text: `en ${s.id}`, status: 'machine' as const },
  },
}));
// A typical revision: every 20th paragraph edited, every 50th removed, a new one every 100.
const revisedLines = text.split('\n').flatMap((line, i) => {
  if (i > 4 && i % 50 === 0) return [];
  const edited = i > 4 && i % 20 === 0 ? line.replace('번째 문단.', '번째 문단(수정).') : line;
  return i > 4 && i % 100 === 1 ? [edited, `[속보] 새 문단 ${i}: ${sentence(150)}`] : [edited];
});
const revised = parseText(revisedLines.join('\n')).segments;
await measure('mergeRevision typical (10,000 rows)', '', () => mergeRevision(previous, revised));
const allChanged = parseText(text.replace(/번째 문단\./g, '번째 문단이다.')).segments;
await measure('mergeRevision all changed (window)', '', () => mergeRevision(previous, allChanged));
const unrelated = parseText(
  Array.from({ length: PARAGRAPHS }, (_, i) => `완전히 다른 기사 ${i}: ${sentence(150)}`).join('\n'),
).segments;
await measure('mergeRevision unrelated article', '', () => mergeRevision(previous, unrelated));

const counts = mergeRevision(previous, revised).counts;
console.log(`\ntypical revision found: ${JSON.stringify(counts)}`);
