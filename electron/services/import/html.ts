import { Parser } from 'htmlparser2';
import { AppError } from '../errors';
import { MAX_HTML_DEPTH } from './limits';
import { BLOCK, HTML_SPACE, LAZY_SRC, ROOT, SKIP, SKIP_ROLES, child, type Open } from './html-elements';
import { isSafeImageUrl, type Block } from './segment';

/** The article part of a web page (or of a converted Word document). */
export interface HtmlArticle {
  blocks: Block[];
  /** The page's `<title>`, a fallback when no headline is found. */
  title: string;
  /** Images left out because they have no usable address (e.g. pictures embedded in a Word file). */
  droppedImages: number;
}

/** Where a block sits on the page, to pick the article out of the page afterwards. */
interface Placed {
  block: Block;
  article: number;
  main: boolean;
  chrome: boolean;
}

interface Figure {
  images: Array<{ src: string; alt: string }>;
  caption: string[];
  place: Omit<Placed, 'block'>;
  /** Index in the placed blocks where the figure opened: its pictures go there, before any text it holds. */
  at: number;
}

function collapse(text: string): string {
  return text.replace(HTML_SPACE, ' ').trim();
}

/** Cloudflare's scrape protection stores an address XOR-ed with its first byte, as hex (`data-cfemail`). */
export function decodeCfEmail(hex: string): string | null {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return null;
  const key = parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16) ^ key);
  return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(out) ? out : null;
}

function imageSource(attribs: Record<string, string>): string {
  const src = (attribs.src ?? '').trim();
  if (src && !/^data:image\/(?:gif|svg)/i.test(src)) return src;
  for (const name of LAZY_SRC) {
    const v = attribs[name]?.trim();
    if (v) return v;
  }
  const srcset = attribs.srcset?.trim().split(/\s+/)[0];
  return srcset ?? src;
}

/**
 * Read the article out of an HTML page: headings, paragraphs, list items, quotes and pictures (an `<img>` with its
 * `<figcaption>` or alt text), without scripts, styles, navigation, site header/footer, sidebars or forms. When
 * the page marks its article (`<article>`, or `<main>`), only that part is read, plus the page's `<h1>` if the
 * article itself has none. `<br>` starts a new row, as news sites separate paragraphs with it.
 */
export function htmlToBlocks(html: string): HtmlArticle {
  const stack: Open[] = [];
  /** How many elements of each name are open, so a stray end tag costs nothing. */
  const openCount = new Map<string, number>();
  const placed: Placed[] = [];
  const figures: Figure[] = [];
  let skipDepth = 0;
  let hideDepth = 0;
  let captionDepth = 0;
  let articles = 0;
  let inTitle = false;
  let title = '';
  let droppedImages = 0;
  let buffer: string[] = [];
  let bufferPlace: (Omit<Placed, 'block'> & { hint: Block['hint']; level?: number }) | null = null;

  const top = (): Open => stack[stack.length - 1] ?? ROOT;
  const where = (): Omit<Placed, 'block'> => {
    const { article, main, chrome } = top();
    return { article, main, chrome };
  };
  const hintHere = (): { hint: Block['hint']; level?: number } => top().hint;
  const inHeading = () => top().inHeading;
  const push = (open: Open) => {
    // htmlparser2 keeps its own stack with Array.unshift, quadratic in the depth: the depth must stay bounded.
    if (stack.length >= MAX_HTML_DEPTH)
      throw new AppError('import.tooDeeplyNested', { limit: MAX_HTML_DEPTH });
    stack.push(open);
    openCount.set(open.name, (openCount.get(open.name) ?? 0) + 1);
  };
  const pop = (): Open => {
    const open = stack.pop()!;
    openCount.set(open.name, openCount.get(open.name)! - 1);
    return open;
  };

  const append = (text: string) => {
    if (captionDepth > 0 && figures.length > 0) {
      figures[figures.length - 1]!.caption.push(text);
      return;
    }
    if (bufferPlace === null) {
      if (!/\S/.test(text)) return;
      bufferPlace = { ...where(), ...hintHere() };
    }
    buffer.push(text);
  };

  const flush = () => {
    if (bufferPlace !== null) {
      const text = collapse(buffer.join(''));
      const { hint, level, ...place } = bufferPlace;
      if (text) placed.push({ block: { hint, text, ...(level ? { level } : {}) }, ...place });
    }
    buffer = [];
    bufferPlace = null;
  };

  const picture = (src: string, alt: string, place: Omit<Placed, 'block'>): Placed => ({
    block: { hint: 'picture', text: collapse(alt), imageUrl: src },
    ...place,
  });

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const role = attribs.role?.toLowerCase();
        const hidden =
          attribs.hidden !== undefined ||
          attribs['aria-hidden'] === 'true' ||
          /display\s*:\s*none/i.test(attribs.style ?? '');
        const skip = SKIP.has(name) || (role !== undefined && SKIP_ROLES.has(role)) || hidden;
        const open = child(top(), name, role, skip, () => articles++);
        if (skip) skipDepth++;
        if (skipDepth > 0 || hideDepth > 0) {
          push(open);
          return;
        }
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) flush();
        push(open);

        const cf = attribs['data-cfemail'];
        if (cf !== undefined) {
          const email = decodeCfEmail(cf);
          if (email) {
            append(email);
            open.hideText = true;
            hideDepth++;
          }
        }
        if (name === 'br') {
          if (inHeading()) append(' ');
          else flush();
        } else if (name === 'figure') {
          figures.push({ images: [], caption: [], place: where(), at: placed.length });
        } else if (name === 'figcaption') {
          captionDepth++;
        } else if (name === 'img') {
          const src = imageSource(attribs);
          const alt = attribs.alt ?? '';
          if (!src || !isSafeImageUrl(src)) droppedImages++;
          else if (figures.length > 0) figures[figures.length - 1]!.images.push({ src, alt });
          // A lone image without alt text is decoration or a tracking pixel, not a news photo.
          else if (collapse(alt) !== '') {
            flush();
            placed.push(picture(src, alt, where()));
          }
        }
      },
      ontext(text) {
        if (skipDepth > 0 || hideDepth > 0) return;
        if (inTitle) title += text;
        else append(text);
      },
      onclosetag(name) {
        // Each element is popped once, so closing costs O(1) amortized; an end tag with nothing open is ignored.
        if (!openCount.get(name)) return;
        for (;;) {
          const open = pop();
          const done = open.name === name;
          if (open.skip) skipDepth--;
          if (open.hideText) hideDepth--;
          if (skipDepth > 0 || hideDepth > 0 || open.skip) {
            if (done) break;
            continue;
          }
          if (open.name === 'title') inTitle = false;
          if (BLOCK.has(open.name)) flush();
          if (open.name === 'figcaption') captionDepth = Math.max(0, captionDepth - 1);
          const figure = open.name === 'figure' ? figures.pop() : undefined;
          if (figure) {
            const caption = collapse(figure.caption.join(''));
            const pictures = figure.images.map((img, i) =>
              picture(img.src, i === 0 && caption ? caption : img.alt, figure.place),
            );
            if (figure.images.length === 0 && caption)
              pictures.push({ block: { hint: 'text', text: caption }, ...figure.place });
            placed.splice(figure.at, 0, ...pictures);
          }
          if (done) break;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();

  return { blocks: pickArticle(placed), title: collapse(title), droppedImages };
}

const textLength = (items: readonly Placed[]) => items.reduce((n, p) => n + p.block.text.length, 0);

/**
 * The blocks of the article itself: the biggest `<article>` (if it holds a fair share of the page's text: news
 * pages also wrap teasers in <article>), else `<main>`, else the page without its header and footer.
 */
function pickArticle(placed: readonly Placed[]): Block[] {
  const body = placed.filter((p) => !p.chrome);
  const total = textLength(body);
  let chosen: Placed[] = body;
  const byArticle = new Map<number, Placed[]>();
  for (const p of placed) {
    if (p.article < 0) continue;
    const items = byArticle.get(p.article);
    if (items) items.push(p);
    else byArticle.set(p.article, [p]);
  }
  let best: Placed[] = [];
  for (const items of byArticle.values()) if (textLength(items) > textLength(best)) best = items;
  const main = placed.filter((p) => p.main);
  if (best.length > 0 && textLength(best) >= 0.3 * total) chosen = best;
  else if (main.length > 0) chosen = main;

  const hasTitle = chosen.some((p) => p.block.hint === 'heading' && p.block.level === 1);
  const pageTitle = placed.find((p) => p.block.hint === 'heading' && p.block.level === 1);
  const blocks = chosen.map((p) => p.block);
  return !hasTitle && pageTitle && !chosen.includes(pageTitle) ? [pageTitle.block, ...blocks] : blocks;
}
