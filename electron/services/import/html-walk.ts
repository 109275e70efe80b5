/**
 * One pass over a web page with htmlparser2: the blocks of text and pictures it holds, each with where it sits on
 * the page (see {@link Placed}), for the reader in `html.ts` to pick the article out of afterwards.
 */
import { Parser } from 'htmlparser2';
import { AppError } from '../errors';
import { MAX_HTML_DEPTH } from './limits';
import { BLOCK, HTML_SPACE, LAZY_SRC, ROOT, SKIP, SKIP_ROLES, child, type Open } from './html-elements';
import { isSafeImageUrl, type Block } from './segment';

/** Where a block sits on the page, to pick the article out of the page afterwards. */
export interface Placed {
  block: Block;
  article: number;
  main: boolean;
  chrome: boolean;
  /** Links in the block whose web address its text does not show (the address is not imported). */
  links?: number;
}

type Place = Omit<Placed, 'block' | 'links'>;

interface Figure {
  images: Array<{ src: string; alt: string }>;
  caption: string[];
  place: Place;
  /** Index in the placed blocks where the figure opened: its pictures go there, before any text it holds. */
  at: number;
}

/** What {@link walkPage} gives. */
export interface WalkedPage {
  placed: Placed[];
  /** The `<title>` text, uncollapsed. */
  title: string;
  droppedImages: number;
}

/** Takes text, gives it with HTML white space collapsed and trimmed. */
export function collapse(text: string): string {
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

/** Takes an `<img>`'s attributes, gives its address (lazy-loading attributes and `srcset` included). */
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

/** Takes an element's name and attributes, gives whether it never holds article text (furniture or hidden). */
function isSkipped(name: string, attribs: Record<string, string>, role: string | undefined): boolean {
  const hidden =
    attribs.hidden !== undefined ||
    attribs['aria-hidden'] === 'true' ||
    /display\s*:\s*none/i.test(attribs.style ?? '');
  return SKIP.has(name) || (role !== undefined && SKIP_ROLES.has(role)) || hidden;
}

/** Takes a picture's address, text and place, gives it as a placed picture block. */
function picture(src: string, alt: string, place: Place): Placed {
  return { block: { hint: 'picture', text: collapse(alt), imageUrl: src }, ...place };
}

/** Takes a closed figure, gives its pictures (the caption on the first) or, without pictures, its caption text. */
function figureBlocks(figure: Figure): Placed[] {
  const caption = collapse(figure.caption.join(''));
  const pictures = figure.images.map((img, i) =>
    picture(img.src, i === 0 && caption ? caption : img.alt, figure.place),
  );
  if (figure.images.length === 0 && caption)
    pictures.push({ block: { hint: 'text', text: caption }, ...figure.place });
  return pictures;
}

/** The state of one pass over a page: the open elements and the blocks placed so far. */
class PageWalk {
  readonly placed: Placed[] = [];
  title = '';
  droppedImages = 0;
  private readonly stack: Open[] = [];
  /** How many elements of each name are open, so a stray end tag costs nothing. */
  private readonly openCount = new Map<string, number>();
  private readonly figures: Figure[] = [];
  private skipDepth = 0;
  private hideDepth = 0;
  private captionDepth = 0;
  private articles = 0;
  private inTitle = false;
  private buffer: string[] = [];
  /** The open link (`<a href>` to a web or mail address) and its text so far; links lost in the open block. */
  private link: { href: string; text: string } | null = null;
  private links = 0;
  private bufferPlace: (Place & { hint: Block['hint']; level?: number }) | null = null;

  /** Gives the innermost open element (the page root when none). */
  private top(): Open {
    return this.stack[this.stack.length - 1] ?? ROOT;
  }

  /** Gives where text read now sits on the page. */
  private where(): Place {
    const { article, main, chrome } = this.top();
    return { article, main, chrome };
  }

  /** Gives whether text read now is inside skipped or hidden elements. */
  private muted(): boolean {
    return this.skipDepth > 0 || this.hideDepth > 0;
  }

  /** Takes an element that opened, records it; refuses pages nested too deep. */
  private push(open: Open): void {
    // htmlparser2 keeps its own stack with Array.unshift, quadratic in the depth: the depth must stay bounded.
    if (this.stack.length >= MAX_HTML_DEPTH)
      throw new AppError('import.tooDeeplyNested', { limit: MAX_HTML_DEPTH });
    this.stack.push(open);
    this.openCount.set(open.name, (this.openCount.get(open.name) ?? 0) + 1);
  }

  /** Gives the innermost open element, closing it. */
  private pop(): Open {
    const open = this.stack.pop()!;
    this.openCount.set(open.name, this.openCount.get(open.name)! - 1);
    return open;
  }

  /** Takes text read, adds it to the open figure caption or to the block being read. */
  private append(text: string): void {
    if (this.link) this.link.text += text;
    if (this.captionDepth > 0 && this.figures.length > 0) {
      this.figures[this.figures.length - 1]!.caption.push(text);
      return;
    }
    if (this.bufferPlace === null) {
      if (!/\S/.test(text)) return;
      this.bufferPlace = { ...this.where(), ...this.top().hint };
    }
    this.buffer.push(text);
  }

  /** Ends the block being read, placing it if it holds text. */
  flush(): void {
    if (this.bufferPlace !== null) {
      const text = collapse(this.buffer.join(''));
      const { hint, level, ...place } = this.bufferPlace;
      const links = this.links > 0 ? { links: this.links } : {};
      if (text) this.placed.push({ block: { hint, text, ...(level ? { level } : {}) }, ...place, ...links });
    }
    this.links = 0;
    this.buffer = [];
    this.bufferPlace = null;
  }

  /** Takes an opening tag, records the element and reads what it stands for. */
  open(name: string, attribs: Record<string, string>): void {
    const role = attribs.role?.toLowerCase();
    const skip = isSkipped(name, attribs, role);
    const open = child(this.top(), name, role, skip, () => this.articles++);
    if (skip) this.skipDepth++;
    if (this.muted()) {
      this.push(open);
      return;
    }
    if (name === 'title') this.inTitle = true;
    if (BLOCK.has(name)) this.flush();
    this.push(open);
    this.openCfEmail(open, attribs['data-cfemail']);
    if (name === 'br') {
      if (open.inHeading) this.append(' ');
      else this.flush();
    } else if (name === 'figure') {
      this.figures.push({ images: [], caption: [], place: this.where(), at: this.placed.length });
    } else if (name === 'figcaption') {
      this.captionDepth++;
    } else if (name === 'img') {
      this.openImage(attribs);
    } else if (name === 'a' && /^(?:https?:|mailto:)/i.test(attribs.href?.trim() ?? '')) {
      this.link = { href: attribs.href!.trim(), text: '' };
    }
  }

  /** A link closed: counted when its text does not show its address (only the text is imported). */
  private closeLink(): void {
    const bare = this.link!.href.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
    if (!this.link!.text.includes(bare)) this.links++;
    this.link = null;
  }

  /** Takes an element and its `data-cfemail`, reads the decoded address in place of the element's text. */
  private openCfEmail(open: Open, cf: string | undefined): void {
    const email = cf === undefined ? null : decodeCfEmail(cf);
    if (!email) return;
    this.append(email);
    open.hideText = true;
    this.hideDepth++;
  }

  /** Takes an `<img>`'s attributes, places the picture (or keeps it for its figure, or counts it dropped). */
  private openImage(attribs: Record<string, string>): void {
    const src = imageSource(attribs);
    const alt = attribs.alt ?? '';
    if (!src || !isSafeImageUrl(src)) this.droppedImages++;
    else if (this.figures.length > 0) this.figures[this.figures.length - 1]!.images.push({ src, alt });
    // A lone image without alt text is decoration or a tracking pixel, not a news photo.
    else if (collapse(alt) !== '') {
      this.flush();
      this.placed.push(picture(src, alt, this.where()));
    }
  }

  /** Takes text read, adds it to the title or the article (unless hidden). */
  text(text: string): void {
    if (this.muted()) return;
    if (this.inTitle) this.title += text;
    else this.append(text);
  }

  /** Takes an end tag, closes the elements up to it; an end tag with nothing open is ignored. */
  close(name: string): void {
    // Each element is popped once, so closing costs O(1) amortized.
    if (!this.openCount.get(name)) return;
    for (let done = false; !done;) {
      const open = this.pop();
      done = open.name === name;
      if (open.skip) this.skipDepth--;
      if (open.hideText) this.hideDepth--;
      if (!this.muted() && !open.skip) this.closeVisible(open);
    }
  }

  /** Takes a closed element outside hidden parts, ends its block, caption or figure. */
  private closeVisible(open: Open): void {
    if (open.name === 'title') this.inTitle = false;
    if (open.name === 'a' && this.link) this.closeLink();
    if (BLOCK.has(open.name)) this.flush();
    if (open.name === 'figcaption') this.captionDepth = Math.max(0, this.captionDepth - 1);
    const figure = open.name === 'figure' ? this.figures.pop() : undefined;
    if (figure) this.placed.splice(figure.at, 0, ...figureBlocks(figure));
  }
}

/** Takes an HTML page, gives its blocks with where each sits, its title and how many images were dropped. */
export function walkPage(html: string): WalkedPage {
  const walk = new PageWalk();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => walk.open(name, attribs),
      ontext: (text) => walk.text(text),
      onclosetag: (name) => walk.close(name),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  walk.flush();
  return { placed: walk.placed, title: walk.title, droppedImages: walk.droppedImages };
}
