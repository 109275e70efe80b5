import { Parser } from 'htmlparser2';
import { isSafeImageUrl, type Block } from './segment';

/** The article part of a web page (or of a converted Word document). */
export interface HtmlArticle {
  blocks: Block[];
  /** The page's `<title>`, a fallback when no headline is found. */
  title: string;
  /** Images left out because they have no usable address (e.g. pictures embedded in a Word file). */
  droppedImages: number;
}

// Never article text: code, page furniture, forms, embedded media.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'dialog',
  'menu',
]);
const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'search',
  'banner',
  'contentinfo',
  'dialog',
  'menu',
]);
// Site header and footer: dropped unless they sit inside the article (an article's own header holds its headline).
const CHROME = new Set(['header', 'footer']);
// Elements that end a line of text (everything else, like <a>, <span>, <strong>, is inline and joins text).
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
// HTML collapses these; other Unicode spaces (U+3000, used to indent Korean text) stay inside a line and are
// only trimmed at its ends.
const HTML_SPACE = /[ \t\n\r\f\u00a0]+/g;
// Lazy-loading pages put a placeholder in `src` and the real address elsewhere.
const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-url'];

interface Open {
  name: string;
  skip: boolean;
  /** Set on an outermost <article>: which one it is. */
  article?: number;
  main?: boolean;
  chrome?: boolean;
  /** A Cloudflare-protected e-mail address: its decoded text replaces the element's content. */
  hideText?: boolean;
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

  const where = (): Omit<Placed, 'block'> => {
    let article = -1;
    let main = false;
    let chrome = false;
    for (const open of stack) {
      if (open.article !== undefined && article === -1) article = open.article;
      if (open.main) main = true;
      if (open.chrome && article === -1 && !main) chrome = true;
    }
    return { article, main, chrome };
  };

  const hintHere = (): { hint: Block['hint']; level?: number } => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const name = stack[i]!.name;
      const level = HEADING_LEVEL[name];
      if (level) return { hint: 'heading', level };
      if (name === 'li') return { hint: 'list-item' };
      if (name === 'blockquote') return { hint: 'quote' };
    }
    return { hint: 'text' };
  };

  const inHeading = () => stack.some((o) => HEADING_LEVEL[o.name] !== undefined);

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
        const open: Open = { name, skip };
        if ((name === 'article' || role === 'article') && !stack.some((o) => o.article !== undefined))
          open.article = articles++;
        if (name === 'main' || role === 'main') open.main = true;
        if (CHROME.has(name)) open.chrome = true;
        if (skip) skipDepth++;
        if (skipDepth > 0 || hideDepth > 0) {
          stack.push(open);
          return;
        }
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) flush();
        stack.push(open);

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
        const at = stack.map((o) => o.name).lastIndexOf(name);
        if (at === -1) return;
        while (stack.length > at) {
          const open = stack.pop()!;
          if (open.skip) skipDepth--;
          if (open.hideText) hideDepth--;
          if (skipDepth > 0 || hideDepth > 0 || open.skip) continue;
          if (open.name === 'title') inTitle = false;
          if (BLOCK.has(open.name)) flush();
          if (open.name === 'figcaption') captionDepth = Math.max(0, captionDepth - 1);
          if (open.name === 'figure') {
            const figure = figures.pop();
            if (!figure) continue;
            const caption = collapse(figure.caption.join(''));
            const pictures = figure.images.map((img, i) =>
              picture(img.src, i === 0 && caption ? caption : img.alt, figure.place),
            );
            if (figure.images.length === 0 && caption)
              pictures.push({ block: { hint: 'text', text: caption }, ...figure.place });
            placed.splice(figure.at, 0, ...pictures);
          }
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
