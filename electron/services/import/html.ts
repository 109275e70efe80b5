import { collapse, walkPage, type Placed } from './html-walk';
import type { Block } from './segment';

export { decodeCfEmail } from './html-walk';

/** The article part of a web page (or of a converted Word document). */
export interface HtmlArticle {
  blocks: Block[];
  /** The page's `<title>`, a fallback when no headline is found. */
  title: string;
  /** Images left out because they have no usable address (e.g. pictures embedded in a Word file). */
  droppedImages: number;
  /** Links of the article whose address its text does not show: the words are kept, the address is not. */
  droppedLinks: number;
  /** A Word file held tables: read cell by cell, one row per cell, their layout not kept. */
  tables?: boolean;
}

/**
 * Read the article out of an HTML page: headings, paragraphs, list items, quotes and pictures (an `<img>` with its
 * `<figcaption>` or alt text), without scripts, styles, navigation, site header/footer, sidebars or forms. When
 * the page marks its article (`<article>`, or `<main>`), only that part is read, plus the page's `<h1>` if the
 * article itself has none. `<br>` starts a new row, as news sites separate paragraphs with it.
 */
export function htmlToBlocks(html: string): HtmlArticle {
  const { placed, title, droppedImages } = walkPage(html);
  const chosen = pickArticle(placed);
  const droppedLinks = chosen.reduce((n, p) => n + (p.links ?? 0), 0);
  return { blocks: chosen.map((p) => p.block), title: collapse(title), droppedImages, droppedLinks };
}

/** Takes placed blocks, gives the length of their text. */
const textLength = (items: readonly Placed[]) => items.reduce((n, p) => n + p.block.text.length, 0);

/** Takes the placed blocks, gives those of the `<article>` with the most text (none when there is none). */
function largestArticle(placed: readonly Placed[]): Placed[] {
  const byArticle = new Map<number, Placed[]>();
  for (const p of placed) {
    if (p.article < 0) continue;
    const items = byArticle.get(p.article);
    if (items) items.push(p);
    else byArticle.set(p.article, [p]);
  }
  let best: Placed[] = [];
  for (const items of byArticle.values()) if (textLength(items) > textLength(best)) best = items;
  return best;
}

/** Takes the chosen blocks and the page's, gives the chosen ones headed by the page's `<h1>` if they lack one. */
function withPageTitle(chosen: readonly Placed[], placed: readonly Placed[]): Placed[] {
  const isTitle = (p: Placed) => p.block.hint === 'heading' && p.block.level === 1;
  const pageTitle = placed.find(isTitle);
  return !chosen.some(isTitle) && pageTitle && !chosen.includes(pageTitle)
    ? [pageTitle, ...chosen]
    : [...chosen];
}

/**
 * The blocks of the article itself: the biggest `<article>` (if it holds a fair share of the page's text: news
 * pages also wrap teasers in <article>), else `<main>`, else the page without its header and footer.
 */
function pickArticle(placed: readonly Placed[]): Placed[] {
  const body = placed.filter((p) => !p.chrome);
  const best = largestArticle(placed);
  const main = placed.filter((p) => p.main);
  let chosen: Placed[] = body;
  if (best.length > 0 && textLength(best) >= 0.3 * textLength(body)) chosen = best;
  else if (main.length > 0) chosen = main;
  return withPageTitle(chosen, placed);
}
