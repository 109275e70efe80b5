/**
 * Keeping e-mail addresses and URLs intact through DeepL. Each one is sent inside an `<x id="n">…</x>` element
 * listed in `ignore_tags` (with `tag_handling=xml`), so DeepL neither translates nor re-spells it, and on the way
 * back every element is replaced by the exact original, whatever DeepL did to its inside. Plain text is
 * XML-escaped because with tag handling on, `<` and `&` would otherwise be read as markup.
 */

/** Name of the element that wraps protected tokens (sent as DeepL `ignore_tags`). */
export const KEEP_TAG = 'x';

// URLs first (they may contain `@`), then e-mail addresses. ASCII only: Korean particles often follow a URL or an
// address without a space ("photo@newsis.com으로") and must not be swallowed.
const TOKEN_RE =
  /\b(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** A text ready to send with XML tag handling, and the tokens its `<x>` elements stand for. */
export interface ProtectedText {
  xml: string;
  tokens: string[];
}

/** XML-escape plain text (`&`, `<`, `>`). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undo XML escaping, including numeric character references DeepL may emit. */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Trailing punctuation belongs to the sentence, not the URL (an unbalanced `)` too). */
function trimToken(token: string): string {
  let t = token;
  for (;;) {
    const last = t.at(-1);
    if (last && '.,;:!?\'"'.includes(last)) t = t.slice(0, -1);
    else if (last === ')' && (t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0))
      t = t.slice(0, -1);
    else if (last === ']' && (t.match(/\[/g)?.length ?? 0) < (t.match(/\]/g)?.length ?? 0))
      t = t.slice(0, -1);
    else return t;
  }
}

/** Wrap e-mail addresses and URLs of `text` and escape the rest for XML tag handling. */
export function protect(text: string): ProtectedText {
  const tokens: string[] = [];
  let xml = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const token = trimToken(m[0]);
    if (!token) continue;
    xml += escapeXml(text.slice(last, m.index));
    tokens.push(token);
    xml += `<${KEEP_TAG} id="${tokens.length}">${escapeXml(token)}</${KEEP_TAG}>`;
    last = m.index + token.length;
  }
  xml += escapeXml(text.slice(last));
  return { xml, tokens };
}

const KEPT_RE = new RegExp(`<${KEEP_TAG}\\s+id="(\\d+)"\\s*(?:/>|>[\\s\\S]*?</${KEEP_TAG}\\s*>)`, 'g');

/**
 * Turn DeepL's XML answer back into plain text with every protected token restored exactly. A token whose element
 * DeepL dropped is appended at the end, so nothing the source had is lost (the reviewer moves it).
 */
export function restore(xml: string, tokens: readonly string[]): string {
  let out = '';
  let last = 0;
  const seen = new Set<number>();
  for (const m of xml.matchAll(KEPT_RE)) {
    const n = Number(m[1]);
    out += unescapeXml(xml.slice(last, m.index));
    const token = tokens[n - 1];
    if (token !== undefined && !seen.has(n)) {
      out += token;
      seen.add(n);
    }
    last = m.index + m[0].length;
  }
  out += unescapeXml(xml.slice(last));
  const missing = tokens.filter((_, i) => !seen.has(i + 1));
  return missing.length ? `${out} ${missing.join(' ')}` : out;
}
