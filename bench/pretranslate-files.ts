// The files of the pre-translation bench (bench/pretranslate.ts): a Korean article of distinct paragraphs and an
// agency-style TMX 1.4b memory holding every one of them (Korean → Vietnamese) among many other units, as an
// agency's memory would, so a pre-translation matches the whole article from a large memory.
import { paragraphs } from './tm-corpus';

/**
 * `count` distinct Korean paragraphs, deterministic for a seed. The generator's text repeats now and then (wire copy
 * does too); a repeat gets a dated follow-up sentence, so every paragraph is its own memory unit.
 */
export function distinctParagraphs(count: number, seed: number): string[] {
  const next = paragraphs(seed);
  const seen = new Set<string>();
  for (let i = 0; seen.size < count; i++) {
    // Trimmed: OmegaT's text filter drops a paragraph's trailing space (a byline's "기자 = "), so an untrimmed
    // memory source would never match it exactly there.
    const p = next().trim();
    seen.add(seen.has(p) ? `${p} 관련 후속 보도는 ${i}번째 기사로 이어졌다.` : p);
  }
  return [...seen];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Vietnamese "translation" the memory holds for a paragraph (distinct per paragraph, recognisable). */
export const vietnameseOf = (i: number, source: string) => `Bản dịch ${i}: ${source.length} ký tự`;

/** A TMX 1.4b document of Korean → Vietnamese units, one `<tu>` per source (numbered by `ids`), in that order. */
export function tmxOf(sources: readonly string[], ids: readonly number[]): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="bench" creationtoolversion="1" segtype="paragraph" o-tmf="bench" adminlang="en-US" srclang="ko-KR" datatype="plaintext"/>
  <body>
`;
  const units = sources.map(
    (s, i) =>
      `    <tu changedate="20261101T090000Z" changeid="Desk"><tuv xml:lang="ko-KR"><seg>${escape(s)}</seg></tuv><tuv xml:lang="vi-VN"><seg>${escape(vietnameseOf(ids[i]!, s))}</seg></tuv></tu>\n`,
  );
  return head + units.join('') + '  </body>\n</tmx>\n';
}

/**
 * The bench's article (a headline and `paragraphs` paragraphs, one per line, blank lines between so every tool reads
 * each as its own paragraph) and a memory of `units` units holding the headline and every paragraph.
 */
export function benchFiles(paragraphCount: number, units: number) {
  const all = distinctParagraphs(units, 19);
  const article = all.slice(0, paragraphCount + 1);
  // The article's rows are spread through the memory, not its first units.
  const order = all.map((_, i) => i).sort((a, b) => (all[a]!.length % 7) - (all[b]!.length % 7) || a - b);
  const tmx = tmxOf(
    order.map((i) => all[i]!),
    order,
  );
  return {
    articleText: article.join('\n\n') + '\n',
    tmx,
    articleRows: article,
    /** What a pre-translation must put in place of each article row. */
    expectedTargets: article.map((s, i) => vietnameseOf(i, s)),
  };
}
