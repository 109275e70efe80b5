import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from './errors';
import { sniffBinary } from './sniff-binary';

/**
 * The one XML reader of every interchange format (XLIFF 1.2/2.0, TMX, TBX): document order kept (inline codes sit
 * between text runs), text and attributes exactly as written (no trimming, no number coercion: a term `007` stays
 * `007`), entities resolved. A document is checked for well-formedness first: fast-xml-parser alone accepts a
 * truncated file or a mismatched closing tag, and a half file must never be read as a whole one.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** A node of the ordered tree: `{ name: children[], ':@': attributes }` or `{ '#text': text }`. */
export type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The interchange format being read, named in refusals (`XLIFF`, `TMX`, `TBX`). */
export type XmlFormat = 'XLIFF' | 'TMX' | 'TBX';

/**
 * The text of an XML file: UTF-8, or UTF-16 (LE/BE) when a byte-order mark says so; a UTF-8 byte-order mark is
 * dropped. A document, picture or archive is refused with `xml.binary`; anything else (invalid UTF-8, UTF-16
 * without a mark) with `xml.badEncoding`.
 */
export function decodeXml(bytes: Uint8Array, format: XmlFormat): string {
  if (sniffBinary(bytes)) throw new AppError('xml.binary', { format });
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  // UTF-16 without a byte-order mark: the first character `<` comes out as `<\0` or `\0<`.
  const bareUtf16 = !le && !be && bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0);
  try {
    if (bareUtf16) throw new Error('UTF-16 without a byte-order mark');
    // TextDecoder drops the byte-order mark itself (ignoreBOM false).
    return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('xml.badEncoding', { format });
  }
}

/** Why a document is not well-formed, as a coded error the user can act on. */
function notWellFormed(err: { msg: string; line: number; col: number }, text: string, format: XmlFormat) {
  const mismatch = /^Expected closing tag '([^']*)'.*instead of closing tag '([^']*)'/.exec(err.msg);
  if (mismatch)
    return new AppError('xml.mismatchedTag', {
      format,
      line: err.line,
      expected: mismatch[1]!,
      found: mismatch[2]!,
    });
  if (/^Multiple possible root nodes/.test(err.msg))
    return new AppError('xml.afterRoot', { format, line: err.line });
  // Elements still open at the end of the text, or an error inside the text's last tag: the file was cut off.
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1]!;
  const inLastTag = err.line === lines.length && err.col - 1 > last.lastIndexOf('<');
  if (/^Unclosed tag|^Invalid '\[.*\]' found/s.test(err.msg) || inLastTag)
    return new AppError('xml.truncated', { format });
  return new AppError('xml.notWellFormed', { format, line: err.line, column: err.col });
}

/**
 * Parse an XML document (bytes are decoded with {@link decodeXml}). Refuses with `xml.truncated`,
 * `xml.mismatchedTag` or `xml.notWellFormed` (line and column) a document that is not well-formed XML.
 */
export function parseXml(input: Uint8Array | string, format: XmlFormat): XNode[] {
  const text = wellFormedXml(input, format);
  try {
    return parser.parse(text) as XNode[];
  } catch {
    throw new AppError('xml.notWellFormed', { format, line: 0, column: 0 });
  }
}

/**
 * The text of a well-formed XML document (bytes are decoded with {@link decodeXml}), line ends normalized to LF and
 * white space in attribute values as XML reads it ({@link normalizeAttributes}), for a reader that walks it itself;
 * refused as {@link parseXml} refuses it.
 */
export function wellFormedXml(input: Uint8Array | string, format: XmlFormat): string {
  const decoded = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeXml(input, format);
  // XML 1.0 §2.11: every CR LF and lone CR is read as LF, in text, CDATA and attributes alike (a CR the author
  // meant is written `&#13;`, which stays). A reader walking the text itself gets it already normalized.
  const text = decoded.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new AppError('xml.truncated', { format });
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw notWellFormed(valid.err, text, format);
  refuseForbiddenChar(text, format);
  refuseAfterRoot(text, format);
  refuseUnresolved(text, format);
  return normalizeAttributes(text);
}

/**
 * The characters XML 1.0 cannot carry: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF (the
 * reader refuses them, the writers in `xml-write` encode or refuse them).
 */
export const INVALID_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching the characters XML cannot carry is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuse (`xml.forbiddenChar`, with where it is) a document holding, as written, a character XML does not allow: a
 * C0 control other than tab and line breaks, U+FFFE/FFFF or a lone surrogate. The library reads it as text, and it
 * would reach a cell that every export then refuses; the same character as a reference (`&#1;`) is refused too.
 */
function refuseForbiddenChar(text: string, format: XmlFormat): void {
  const m = INVALID_XML_CHAR.exec(text);
  if (!m) return;
  const before = text.slice(0, m.index).split('\n');
  throw new AppError('xml.forbiddenChar', {
    format,
    code: m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
    line: before.length,
    column: before[before.length - 1]!.length + 1,
  });
}

/**
 * The regions of a document whose content is neither markup nor references, each matched whole: CDATA sections,
 * comments, processing instructions and the DOCTYPE (with its internal subset). The one source of the scanners
 * below, which skip them.
 */
const CDATA = String.raw`<!\[CDATA\[[\s\S]*?\]\]>`;
const COMMENT = String.raw`<!--[\s\S]*?-->`;
const PI = String.raw`<\?[\s\S]*?\?>`;
const DOCTYPE = String.raw`<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>`;
const SKIPPED = [CDATA, COMMENT, PI, DOCTYPE].join('|');
/** A start, end or empty-element tag (`/` groups: end tag, empty element); quoted values may hold `>`. */
const TAG_HEAD = String.raw`<\/?[^\s/>]+`;
const TAG_BODY = String.raw`(?:"[^"]*"|'[^']*'|[^'">])*?`;
const TAG = String.raw`<(\/?)[^\s/>]+${TAG_BODY}(\/?)>`;

/** Markup, one token at a time: a skipped region, or a tag (its `/` groups set). */
const MARKUP = new RegExp(`${SKIPPED}|${TAG}`, 'gi');
/** What may follow the root element: white space, comments and processing instructions. */
const AFTER_ROOT = new RegExp(`^(?:\\s|${COMMENT}|${PI})*`);

/**
 * Refuse (`xml.afterRoot`, with its line) a document holding anything but comments and processing instructions
 * after its root element closes: a second document glued on (a second `<xliff>`, `<tmx>`) or stray text. The
 * library reads only the first root and drops the rest, so the units after it would be lost without a word.
 */
function refuseAfterRoot(text: string, format: XmlFormat): void {
  let depth = 0;
  let opened = false;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m; m = MARKUP.exec(text)) {
    if (m[1] === undefined) continue; // not a tag
    if (m[1] === '/') depth--;
    else if (m[2] !== '/') depth++;
    opened = true;
    if (depth > 0) continue;
    const rest = text.slice(MARKUP.lastIndex);
    const extra = AFTER_ROOT.exec(rest)![0].length;
    if (extra === rest.length) return;
    const line = text.slice(0, MARKUP.lastIndex + extra).split('\n').length;
    throw new AppError('xml.afterRoot', { format, line });
  }
  if (!opened) throw new AppError('xml.truncated', { format });
}

/** A skipped region, or a tag holding a tab or LF (grouped); most tags hold neither and are never matched. */
const SPACED = String.raw`(?=${TAG_BODY}(?:[\t\n]|"[^"]*[\t\n]|'[^']*[\t\n]))`;
const SPACED_TAG = new RegExp(`${SKIPPED}|(${TAG_HEAD}${SPACED}${TAG_BODY}\\/?>)`, 'gi');

/**
 * XML 1.0 §3.3.3: in an attribute value, a tab or line break written as such is read as a space (CR LF, already LF
 * here, is one space); written as a reference (`&#9;`, `&#10;`, `&#13;`) it keeps its character. Neither the tree's
 * library nor the TMX stream does this, and once references are resolved the two can no longer be told apart, so
 * it is done here, on the text of a document already checked: every tab and LF inside a tag becomes a space
 * (between attributes any white space is the same). Our writers put these characters in attributes as references.
 */
function normalizeAttributes(text: string): string {
  return text.replace(SPACED_TAG, (token: string, tag: string | undefined) =>
    tag === undefined ? token : token.replace(/[\t\n]/g, ' '),
  );
}

/** A skipped region (whose `&` is not a reference), or a reference (its name grouped). */
const REFERENCE = new RegExp(`${SKIPPED}|&([^;\\s<&'"]*);`, 'gi');
const DOCTYPE_ONE = new RegExp(DOCTYPE, 'i');

/**
 * Refuse (`xml.unknownEntity`) a document holding a reference the reader would not resolve: an entity declared
 * nowhere, one declared in an external DTD or through other entities, or a character XML forbids (`&#0;`).
 * Read on, such a reference would come in as literal text (`&foo;`) or vanish: a silently changed translation.
 * Each distinct reference is tried alone, with the document's own declarations, through the same parser.
 */
function refuseUnresolved(text: string, format: XmlFormat): void {
  const doctype = DOCTYPE_ONE.exec(text)?.[0] ?? '';
  const tried = new Map<string, boolean>();
  for (const m of text.matchAll(REFERENCE)) {
    const name = m[1];
    if (name === undefined) continue;
    let ok = tried.get(name);
    if (ok === undefined) {
      ok = resolves(doctype, name);
      tried.set(name, ok);
    }
    if (!ok) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new AppError('xml.unknownEntity', { format, entity: `&${name};`, line });
    }
  }
}

/** Whether `&name;` comes out of the parser as text other than itself (and not as nothing). */
function resolves(doctype: string, name: string): boolean {
  const PREDEFINED = ['amp', 'lt', 'gt', 'quot', 'apos'];
  if (PREDEFINED.includes(name)) return true;
  const n = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
  if (n) {
    const code = n[1]![0]!.toLowerCase() === 'x' ? parseInt(n[1]!.slice(1), 16) : parseInt(n[1]!, 10);
    return xmlChar(code);
  }
  try {
    const out = textOf(
      kids((parser.parse(`${doctype}<x>&${name};</x>`) as XNode[]).find((k) => nameOf(k) === 'x')),
    );
    return out !== '' && out !== `&${name};`;
  } catch {
    return false;
  }
}

/** A character XML 1.0 allows in a document. */
const xmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/**
 * Whether a document declares entities of its own (a DOCTYPE with an internal subset): only {@link parseXml}
 * resolves them, within its expansion limits.
 */
export const declaresEntities = (text: string) => /<!DOCTYPE[^>[]*\[/i.test(text);

/**
 * Text or an attribute value as written in a document that declares no entities, its references resolved the way
 * {@link parseXml} resolves them (XML and HTML named entities, character references).
 */
export function resolveReferences(raw: string, format: XmlFormat): string {
  if (!raw.includes('&')) return raw;
  try {
    return textOf(kids((parser.parse(`<x>${raw}</x>`) as XNode[])[0]));
  } catch {
    throw new AppError('xml.notWellFormed', { format, line: 0, column: 0 });
  }
}

/** A node's local name (`xlf:unit` → `unit`; `#text` for text). */
export function nameOf(n: XNode): string {
  const key = Object.keys(n).find((k) => k !== ':@') ?? '';
  return key.includes(':') && key !== '#text' ? key.slice(key.indexOf(':') + 1) : key;
}

/** A node's children (none for text). */
export function kids(n: XNode | undefined): XNode[] {
  if (!n) return [];
  const key = Object.keys(n).find((k) => k !== ':@') ?? '';
  const v = n[key];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

/** An attribute as written (`xml:lang` keeps its prefix). */
export function attr(n: XNode | undefined, name: string): string | undefined {
  return n?.[':@']?.[name];
}

/** The first child named `name` (local name). */
export function find(nodes: XNode[], name: string): XNode | undefined {
  return nodes.find((n) => nameOf(n) === name);
}

/** Every child named `name` (local name). */
export function findAll(nodes: XNode[], name: string): XNode[] {
  return nodes.filter((n) => nameOf(n) === name);
}

/** All text inside nodes, markup dropped. */
export function textOf(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) out += nameOf(n) === '#text' ? String(n['#text']) : textOf(kids(n));
  return out;
}
