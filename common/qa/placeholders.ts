import { maskProtected } from './protected';
/**
 * Placeholders and inline markup a translation must carry as they are (as Xbench, Verifika and memoQ QA check them):
 *
 * - `printf`: %s, %d, %1$s, %@, %.2f, %(name)s and the escaped %%. A percent sign after a number (5%, 5 %, 0.4%p)
 *   is a percentage, never a placeholder, and one followed by a Latin letter or digit (%2F in a link, "%sau") is not
 *   one either; links and e-mail addresses are blanked out first.
 * - `brace`: {0}, {1:N2}, {name}, {count, number}, {{var}}, ${var}: an identifier or index alone in braces; braces
 *   around prose ({a few words}) are not placeholders. An ICU plural or select argument's inner text is translated,
 *   so only its head is compared ({count, plural, …} as `{count, plural}`), and a token repeated in its branches
 *   counts once (English repeats {count} in `one` and `other`, Korean has `other` only).
 * - `tag`: <b>, </b>, <br/>, <x id="1"/>, <1>…</1> (react-i18next), and the same escaped as text (&lt;b&gt;). A tag
 *   is a known HTML/XLIFF inline element name, a numbered tag, or any name with attributes (name="…"); titles in
 *   angle brackets (<기생충>, <Squid Game>) are not tags.
 * - `cms`: [[photo]], [[/photo]], [IMG1], [PHOTO_2], [VIDEO]: a bracketed CMS token (double brackets around an identifier, or a
 *   capitalised media word or a letters+digits id in single brackets); bylines like [서울=연합뉴스] are prose.
 *
 * Compared as a multiset per kind: order may change (except printf arguments without positions, and tag nesting).
 */

export type PhKind = 'printf' | 'brace' | 'tag' | 'cms';

/** A placeholder or tag found in a text. */
export interface PhToken {
  kind: PhKind;
  /** As written. */
  text: string;
  /** Comparable form: whitespace inside the token does not matter. */
  key: string;
  /** Looser form: what the token stands for (the conversion, the argument, the element), to pair an altered one. */
  base: string;
  start: number;
  end: number;
  /** Tags: opening, closing or self-closing. */
  role?: 'open' | 'close' | 'self';
}

// Bounded repeats (a position of 2 digits, 4 flags, width and precision of 3): no slow backtracking on long runs.
const PRINTF =
  /(?<!\d\s?)(?<!%)%(?:%|\([A-Za-z_]\w{0,30}\)[-+#0]{0,4}\d{0,3}(?:\.\d{1,3})?[diouxXeEfFgGcrsa]|(?:\d{1,2}\$)?[-+#0']{0,4}(?:\d{1,3}|\*)?(?:\.(?:\d{1,3}|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@])(?![A-Za-z\d\u00c0-\u024f\u1e00-\u1eff])/gu;
const BRACE =
  /\{\{\s*[A-Za-z_][\w.-]*\s*\}\}|\$?\{\s*(?:\d+|[A-Za-z_][\w.-]*)\s*(?:[,:][^{}\n]{0,40}?)?\}|\{\s*[A-Za-z_]\w*\s*,\s*(?:plural|select|selectordinal)\s*,/gu;
const INLINE_NAMES =
  'a|abbr|b|bdi|bdo|big|br|code|del|em|font|hr|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr|p|div|li|ul|ol|x|g|bx|ex|ph|bpt|ept|it|mrk|pc|sc|ec';
const ATTRS = `(?:\\s+[A-Za-z_:][\\w:.-]*\\s*=\\s*(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'<>/]+))`;
const TAG = new RegExp(
  `<(/)?(?:(${INLINE_NAMES}|\\d{1,3})(?![\\w:-])${ATTRS}*|([A-Za-z][\\w:.-]*)${ATTRS}+)\\s*(/)?>`,
  'giu',
);
const CMS =
  /\[\[\s*\/?[A-Za-z_][\w:.|=-]*\s*\]\]|\[(?:[A-Z]{2,}[_-]?\d{1,4}|IMG|IMAGE|PHOTO|PICTURE|VIDEO|AUDIO|TABLE|CHART|GRAPHIC|EMBED|CAPTION|AD|LINK)\]/gu;

const squash = (s: string) => s.replace(/\s+/gu, '');

/** A tag's comparable form: one space between attributes, none around `=` or before the closing bracket. */
const tagForm = (tag: string) =>
  tag
    .replace(/\s+/gu, ' ')
    .replace(/\s*=\s*/gu, '=')
    .replace(/\s*(\/?>)$/u, '$1')
    .replace(/'/gu, '"');

function printfBase(text: string): string {
  // %s and %1$s stand for the same kind of argument; the position itself is compared by order (see printfOrder).
  return text === '%%' ? '%%' : text.replace(/^%(?:\d+\$)?|^%\([^)]*\)/u, '%').replace(/[-+#0'\d.*]/gu, '');
}

function braceKey(text: string): { key: string; base: string } {
  const t = squash(text);
  const icu = /^\{(\w+),(plural|select|selectordinal),$/u.exec(t);
  if (icu) return { key: `{${icu[1]},${icu[2]}}`, base: icu[1]! };
  return { key: t, base: t.replace(/^\$?\{+|[,:].*$|\}+$/gu, '') };
}

function decodeAngles(text: string): { text: string; starts: number[]; ends: number[] } {
  // &lt;b&gt; carried as text is a tag too: decode it, keeping where each decoded character sits in the original.
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  for (let i = 0; i < text.length;) {
    const ent = /^&(lt|gt|quot|#60|#62);/iu.exec(text.slice(i, i + 6));
    const e = ent?.[1]!.toLowerCase();
    out += !e ? text[i] : e === 'lt' || e === '#60' ? '<' : e === 'gt' || e === '#62' ? '>' : '"';
    starts.push(i);
    i += ent ? ent[0].length : 1;
    ends.push(i);
  }
  return { text: out, starts, ends };
}

// Elements that never close: <br> and <br/> are the same element (a change of form only).
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'x', 'ph']);

function tagTokens(text: string): PhToken[] {
  const out: PhToken[] = [];
  if (!/<|&lt;|&#60;/iu.test(text)) return out;
  const { text: decoded, starts, ends } = decodeAngles(text);
  for (const m of decoded.matchAll(TAG)) {
    const start = starts[m.index]!;
    const end = ends[m.index + m[0].length - 1]!;
    const escaped = text[start] === '&';
    const name = (m[2] ?? m[3]!).toLowerCase();
    const role = m[1] ? 'close' : m[4] || VOID.has(name) ? 'self' : 'open';
    const key = (escaped ? 'esc:' : '') + tagForm(m[0]);
    out.push({ kind: 'tag', text: text.slice(start, end), key, base: `${role}:${name}`, start, end, role });
  }
  return out;
}

function simpleTokens(text: string, kind: 'printf' | 'brace' | 'cms', re: RegExp): PhToken[] {
  return [...text.matchAll(re)].map((m) => {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (kind === 'printf') return { kind, text: raw, key: raw, base: printfBase(raw), start, end };
    if (kind === 'brace') return { kind, text: raw, ...braceKey(raw), start, end };
    const key = squash(raw);
    return { kind, text: raw, key, base: key.toLowerCase().replace(/[\d_-]+(?=\])/gu, ''), start, end };
  });
}

// Nothing to find without one of these characters: most rows of news copy return at once.
const MAY_HOLD = /[%{<[&]/u;

/** Where the branches of each ICU plural or select argument lie ({n, plural, one {…} other {…}}). */
function icuBodies(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/\{\s*[A-Za-z_]\w*\s*,\s*(?:plural|select|selectordinal)\s*,/gu)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
    out.push([m.index + m[0].length, i]);
  }
  return out;
}

/**
 * Inside ICU branches a language repeats an argument once per plural form (English one/other, Korean and
 * Vietnamese other only): there, a token counts once however often it is repeated.
 */
function onceInBranches(tokens: PhToken[], text: string): PhToken[] {
  const bodies = text.includes(',') ? icuBodies(text) : [];
  if (!bodies.length) return tokens;
  const seen = new Set<string>();
  return tokens.filter((t) => {
    const body = bodies.findIndex(([a, b]) => t.start >= a && t.end <= b);
    if (body === -1) return true;
    const k = `${body}|${t.key}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

// Several checks ask for the tokens of the same text in a row: a small memo of this pure function saves rescans.
const memo = new Map<string, PhToken[]>();
const MEMO_SIZE = 16;
const PRIORITY: Record<PhKind, number> = { tag: 0, brace: 1, cms: 2, printf: 3 };

/** The placeholders and tags of a text, in order, without overlaps (do not mutate the result: it may be shared). */
export function placeholderTokens(text: string): PhToken[] {
  if (!MAY_HOLD.test(text)) return [];
  const hit = memo.get(text);
  if (hit) return hit;
  const masked = maskProtected(text);
  const found = [
    ...tagTokens(masked),
    ...simpleTokens(masked, 'brace', BRACE),
    ...simpleTokens(masked, 'cms', CMS),
    ...simpleTokens(masked, 'printf', PRINTF),
  ].sort((a, b) => a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const out: PhToken[] = [];
  for (const t of found)
    if (t.start >= (out.at(-1)?.end ?? 0)) out.push({ ...t, text: text.slice(t.start, t.end) });
  const result = onceInBranches(out, masked);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, result);
  return result;
}

/** The text with every placeholder and tag blanked out (same length, so offsets stay valid). */
export function maskPlaceholders(text: string): string {
  let out = text;
  for (const t of placeholderTokens(text))
    out = out.slice(0, t.start) + ' '.repeat(t.end - t.start) + out.slice(t.end);
  return out;
}
