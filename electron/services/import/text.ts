import { isSafeImageUrl, type Block } from './segment';

// `![caption](url)`: the caption may itself hold brackets (`![[호찌민=뉴시스] 오세훈 …](https://…)`), so the alt
// text runs to the last `](`. A URL may be wrapped in `<>`; a title after the URL is not supported (the line then
// stays a plain paragraph, nothing lost).
const PICTURE = /^!\[(.*)\]\(\s*<?([^\s<>]+?)>?\s*\)$/u;
// `# Heading` needs the space: `#해시태그` is a hashtag, common in Korean posts, not a heading.
const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/u;
const BULLET = /^[-*+•·]\s+(.+)$/u;
const ORDINAL = /^\d{1,3}[.)]\s+\S/u;
const QUOTE = /^>\s?(.*)$/u;
// A line of only `---`, `***`, `___` or `===` separates sections (or underlines a heading); it has no text.
const RULE = /^(?:[-*_=]\s*){3,}$/u;

/**
 * Split plain text or Markdown into blocks, one per non-empty line. News text puts one paragraph on a line; hard
 * wrapping is rare in Korean wire copy, so a line is never joined to the next. Markdown markers that only give
 * structure (`#`, `- `, `> `, picture syntax) are removed from the text; everything else, including inline
 * emphasis, links and e-mail addresses, stays exactly as written. Ordered-list numbers stay in the text (`1. …`)
 * because a row has no field for them and readers need them.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || RULE.test(line)) continue;
    const picture = PICTURE.exec(line);
    if (picture && isSafeImageUrl(picture[2]!)) {
      blocks.push({ hint: 'picture', text: picture[1]!.trim(), imageUrl: picture[2]! });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && heading[2]!.trim() !== '') {
      blocks.push({ hint: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      blocks.push({ hint: 'list-item', text: bullet[1]!.trim() });
      continue;
    }
    if (ORDINAL.test(line)) {
      blocks.push({ hint: 'list-item', text: line });
      continue;
    }
    const inner = QUOTE.exec(line)?.[1]!.trim();
    // A marker with nothing after it (`>`, `#`, `-`) is kept as the text it is rather than silently dropped.
    if (inner) blocks.push({ hint: 'quote', text: inner });
    else blocks.push({ hint: 'text', text: line });
  }
  return blocks;
}
