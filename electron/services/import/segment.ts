import { createHash } from 'node:crypto';
import type { Segment, SegmentKind } from '../../contract';
import { emptyCell } from '../project/cells';
import { diceOf, grams, normalizeForCompare } from './similarity';

/**
 * One block of article text as a reader sees it, before it is given a row kind. Every input format (text,
 * Markdown, HTML, DOCX) is first reduced to blocks; the article structure (headline, sub-headlines, captions,
 * credit) is then read from the blocks the same way for all of them.
 */
export interface Block {
  /** The text, markup removed, trimmed; for a picture its caption (may be empty). */
  text: string;
  /** What the markup said: a heading (with level), list item, quote, picture, or plain text. */
  hint: 'text' | 'heading' | 'list-item' | 'quote' | 'picture';
  level?: number;
  imageUrl?: string;
}

/** Dice similarity from which a line after a picture counts as a repeat of its caption. */
export const CAPTION_SIMILARITY = 0.8;
/** At most this many short lines between the headline and the body are taken as sub-headlines. */
const MAX_SUBHEADLINES = 5;
const MAX_SUBHEADLINE_CHARS = 100;
const MAX_HEADLINE_CHARS = 200;

// `[email protected]` is what Cloudflare's e-mail protection leaves in scraped text instead of the address.
const EMAIL = String.raw`(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:\s|&#160;)protected\])`;
const REPORTER = String.raw`[가-힣]{2,5}\s*(?:기자|특파원|통신원|객원기자|인턴기자|선임기자|전문기자)`;
const CREDIT = [
  /^◎/u,
  new RegExp(String.raw`^\(?${REPORTER}\)?\s*[=(]?\s*${EMAIL}\s*\)?$`, 'u'),
  new RegExp(String.raw`^${EMAIL}$`, 'u'),
];
const COPYRIGHT = [
  /^(?:<\s*)?(?:copyright\b|ⓒ|©|\(c\)\s|저작권자\s*[(©ⓒ])/iu,
  /무단\s*(?:전재|복제|배포).*(?:금지|재배포)/u,
];
// A paragraph that opens with a dateline (`[호찌민=뉴시스]`, `(서울=연합뉴스)`) is body text, never a sub-headline.
const DATELINE = /^[[(【〔][^\])】〕]{1,30}=[^\])】〕]{1,30}[\])】〕]/u;

/**
 * True for an image address that may be shown and exported: web, relative and `data:image` addresses, not
 * script URLs or other inline data (an exported HTML page must not carry `javascript:` into an <img>).
 */
export function isSafeImageUrl(url: string): boolean {
  return (
    !/^\s*(?:javascript|vbscript):/i.test(url) && (!/^\s*data:/i.test(url) || /^\s*data:image\//i.test(url))
  );
}

/** True for a reporter's credit line (`◎공감언론 뉴시스 …@newsis.com`, `홍길동 기자 …@…`). */
export function isCredit(text: string): boolean {
  return text.length <= 120 && CREDIT.some((re) => re.test(text));
}

/** True for a copyright notice (`Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지`). */
export function isCopyright(text: string): boolean {
  return text.length <= 200 && COPYRIGHT.some((re) => re.test(text));
}

const ANY_EMAIL = new RegExp(EMAIL, 'gu');

/**
 * The text a caption is compared by: e-mail addresses removed, because the scraper that wrote the caption line
 * replaced them (`photo@newsis.com` → `[email protected]`) and on a short caption that alone sinks the score.
 */
function captionGrams(text: string): Uint32Array {
  return grams(text.replace(ANY_EMAIL, ' '));
}

function looksLikeSubheadline(text: string): boolean {
  // Sub-headlines are short statements or quotes; a body sentence ends in `다.` and a lead opens with a dateline.
  return text.length <= MAX_SUBHEADLINE_CHARS && !DATELINE.test(text) && !/다\.\s*$/u.test(text);
}

/** A draft row: kind decided, id not yet (it depends on the whole article). */
interface Row {
  kind: SegmentKind;
  source: string;
  imageUrl?: string;
  linkedTo?: number;
}

/**
 * Give each block its row kind. The first text block is the headline; short lines right after it (before the
 * first picture or body paragraph) are sub-headlines; a line that repeats the previous picture's caption is a
 * `caption` linked to it; credit and copyright lines are recognised anywhere after the headline.
 */
export function classify(blocks: readonly Block[]): Row[] {
  const rows: Row[] = [];
  let headlineDone = false;
  let bodyStarted = false;
  let subheadlines = 0;
  let lastPicture: { index: number; grams: Uint32Array } | null = null;

  for (const block of blocks) {
    const { text } = block;
    if (block.hint === 'picture') {
      lastPicture = { index: rows.length, grams: captionGrams(text) };
      rows.push({ kind: 'picture', source: text, ...(block.imageUrl ? { imageUrl: block.imageUrl } : {}) });
      if (headlineDone) bodyStarted = true;
      continue;
    }
    const picture = lastPicture;
    lastPicture = null;
    if (
      picture &&
      picture.index === rows.length - 1 &&
      block.hint !== 'heading' &&
      text !== '' &&
      diceOf(picture.grams, captionGrams(text)) >= CAPTION_SIMILARITY
    ) {
      rows.push({ kind: 'caption', source: text, linkedTo: picture.index });
      continue;
    }
    if (!headlineDone && !bodyStarted) {
      headlineDone = true;
      if (block.hint === 'heading' || (block.hint !== 'list-item' && text.length <= MAX_HEADLINE_CHARS)) {
        rows.push({ kind: 'headline', source: text });
        continue;
      }
    }
    if (block.hint !== 'heading' && isCopyright(text)) {
      rows.push({ kind: 'copyright', source: text });
    } else if (block.hint !== 'heading' && isCredit(text)) {
      rows.push({ kind: 'credit', source: text });
    } else if (block.hint === 'heading') {
      rows.push({ kind: bodyStarted ? 'heading' : 'subheadline', source: text });
    } else if (block.hint === 'list-item') {
      rows.push({ kind: 'list-item', source: text });
      bodyStarted = true;
    } else if (!bodyStarted && subheadlines < MAX_SUBHEADLINES && looksLikeSubheadline(text)) {
      rows.push({ kind: 'subheadline', source: text });
      subheadlines++;
    } else {
      rows.push({ kind: 'paragraph', source: text });
      bodyStarted = true;
    }
  }
  return rows;
}

/**
 * Ids from content, so re-importing the same file gives the same ids: `p-` and a short hash of the
 * whitespace-normalised source; the second and later copies of the same text get `-2`, `-3`, ...
 */
export function contentIds(sources: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const hash = createHash('sha256')
      .update(normalizeForCompare(source))
      .digest('base64url')
      .slice(0, 10)
      .replace(/[-_]/g, 'x');
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? `p-${hash}` : `p-${hash}-${n}`;
  });
}

/** Turn blocks into project rows: kinds, ids, picture links, empty targets. */
export function blocksToSegments(blocks: readonly Block[]): Segment[] {
  const rows = classify(blocks);
  const ids = contentIds(
    rows.map((r) => (r.kind === 'picture' ? `${r.source}\u0000${r.imageUrl ?? ''}` : r.source)),
  );
  return rows.map((r, i) => ({
    id: ids[i]!,
    kind: r.kind,
    source: r.source,
    ...(r.imageUrl !== undefined ? { imageUrl: r.imageUrl } : {}),
    ...(r.linkedTo !== undefined ? { linkedTo: ids[r.linkedTo]! } : {}),
    // Every row with text is translated, credit and copyright lines too (a Vietnamese article must not go out with a
    // Korean byline; the memory fills them in); "keep the original" is the reviewer's choice per row. A picture
    // without a caption has nothing to translate.
    translate: r.source.trim() !== '',
    targets: { vi: emptyCell(), en: emptyCell() },
  }));
}
