import { codeTokens } from './codes';
/**
 * Text that must reach a translation verbatim: URLs (with or without a scheme), bare domains, e-mail addresses
 * and picture links. Every pattern stops at Hangul, so a particle glued to a link (…/mobility에서) is not part of
 * it, and trailing sentence punctuation is not either.
 */

/** A protected token and where it sits. */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'url' | 'domain' | 'email';
}

// Characters a link may contain: printable ASCII except spaces, quotes and brackets that close the link in prose.
const URL_CHARS = '[^\\s\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7a3<>"\'“”‘’()\\[\\]{}|\\\\^`]';
const TLD =
  '(?:com|net|org|edu|gov|mil|int|info|biz|io|ai|app|dev|co|me|tv|news|kr|vn|jp|cn|tw|hk|sg|uk|us|de|fr|eu|asia)';
const EMAIL = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
const SCHEME_URL = `(?:https?|ftp)://${URL_CHARS}+`;
const WWW_URL = `www\\.${URL_CHARS}+`;
const DOMAIN = `(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+${TLD}(?![A-Za-z0-9-])(?:/${URL_CHARS}*)?`;
const PATTERN = new RegExp(`(${EMAIL})|(${SCHEME_URL}|${WWW_URL})|(?<![\\w@.-])(${DOMAIN})`, 'giu');

/** Trailing characters that end a sentence rather than a link. */
const TRAILING = /[.,;:!?…]+$/u;

// Several checks ask for the tokens of the same text in a row: a small memo of this pure function saves rescans.
const memo = new Map<string, Token[]>();
const MEMO_SIZE = 32;

/** Every protected token of a text, in order (do not mutate the result: it may be shared). */
export function protectedTokens(text: string): Token[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const out = scan(text);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, out);
  return out;
}

// Every match needs a dot or an @: text without either holds no token.
const MAY_HOLD_TOKEN = /[.@]/u;

function scan(text: string): Token[] {
  const out: Token[] = [];
  if (!MAY_HOLD_TOKEN.test(text)) return out;
  for (const m of text.matchAll(PATTERN)) {
    let raw = m[0];
    const kind: Token['kind'] = m[1] ? 'email' : m[2] ? 'url' : 'domain';
    raw = raw.replace(TRAILING, '');
    if (raw.length > 0) out.push({ text: raw, start: m.index!, end: m.index! + raw.length, kind });
  }
  return out;
}

/** Comparable form of a token: scheme, host and e-mail are case-insensitive; a trailing slash does not matter. */
export function tokenKey(token: Token): string {
  if (token.kind === 'email') return token.text.toLowerCase();
  const m = /^((?:[a-z]+:\/\/)?[^/?#]*)(.*)$/iu.exec(token.text)!;
  return (m[1]!.toLowerCase() + m[2]!).replace(/\/$/u, '');
}

/** The text with every protected token and code blanked out (same length, so offsets stay valid). */
export function maskProtected(text: string): string {
  let out = text;
  for (const t of [...protectedTokens(text), ...codeTokens(text)])
    out = out.slice(0, t.start) + ' '.repeat(t.end - t.start) + out.slice(t.end);
  return out;
}

/** Cloudflare's e-mail protection left in scraped pages instead of the address. */
const PLACEHOLDER = /\[\s*email(?:\s|&#160;|\u00a0)*protected\s*\]|\/cdn-cgi\/l\/email-protection[#\w]*/iu;

/** The e-mail protection placeholder found in the text, if any. */
export function emailPlaceholder(text: string): string | null {
  return PLACEHOLDER.exec(text)?.[0] ?? null;
}
