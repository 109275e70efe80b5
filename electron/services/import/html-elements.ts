/**
 * What the web-page reader knows about HTML elements: which never hold article text, which end a line, and what
 * an open element inherits from its ancestors (see {@link Open}).
 */
import type { Block } from './segment';

/** Never article text: code, page furniture, forms, embedded media. */
export const SKIP = new Set([
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
/** ARIA roles of page furniture, skipped like the elements above. */
export const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'search',
  'banner',
  'contentinfo',
  'dialog',
  'menu',
]);
/** Site header and footer: dropped unless inside the article (an article's own header holds its headline). */
export const CHROME = new Set(['header', 'footer']);
/** Elements that end a line of text (everything else, like <a>, <span>, <strong>, is inline and joins text). */
export const BLOCK = new Set([
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
/** Heading level of h1–h6. */
export const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/**
 * Spaces HTML collapses; other Unicode spaces (U+3000, used to indent Korean text) stay inside a line and are
 * only trimmed at its ends.
 */
export const HTML_SPACE = /[ \t\n\r\f\u00a0]+/g;
/** Lazy-loading pages put a placeholder in `src` and the real address in one of these. */
export const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-url'];

/**
 * An open element with what it inherits from its ancestors, worked out once when it opens: asking "where am I"
 * is then O(1), so parsing stays linear however deep the page nests (a scan of the stack per tag is quadratic).
 */
export interface Open {
  name: string;
  skip: boolean;
  /** Which outermost <article> this is in (-1: none). */
  article: number;
  main: boolean;
  chrome: boolean;
  /** The innermost heading, list item or quote around here. */
  hint: { hint: Block['hint']; level?: number };
  inHeading: boolean;
  /** A Cloudflare-protected e-mail address: its decoded text replaces the element's content. */
  hideText?: boolean;
}

/** The context outside every element. */
export const ROOT: Open = {
  name: '',
  skip: false,
  article: -1,
  main: false,
  chrome: false,
  hint: { hint: 'text' },
  inHeading: false,
};

/** The context of a new element `name` inside `parent`. */
export function child(
  parent: Open,
  name: string,
  role: string | undefined,
  skip: boolean,
  articles: () => number,
): Open {
  const level = HEADING_LEVEL[name];
  const hint: Open['hint'] = level
    ? { hint: 'heading', level }
    : name === 'li'
      ? { hint: 'list-item' }
      : name === 'blockquote'
        ? { hint: 'quote' }
        : parent.hint;
  const isArticle = (name === 'article' || role === 'article') && parent.article === -1;
  const main = parent.main || name === 'main' || role === 'main';
  const article = isArticle ? articles() : parent.article;
  // Header and footer are site chrome only outside an article or <main>.
  const chrome = parent.chrome || (CHROME.has(name) && article === -1 && !main);
  return { name, skip, article, main, chrome, hint, inHeading: parent.inHeading || level !== undefined };
}
