import { HANGUL, unifyVietnameseTones } from './text';
import type { QaLang, QaTerm } from './types';

/**
 * Termbase matching. Korean terms match on morpheme boundaries: the term may be followed by particles and the
 * copula (부산시는, 부산시에서도, 부산시의) but not be part of a longer noun (부산시장). Translations match
 * case-, hyphen-, inflection- and normalization-insensitively (battery-swapping = battery swapping; startups =
 * startup; NFD = NFC; hoá = hóa).
 */

// Particles and endings that may follow a noun inside one Korean word, longest first so the alternation is greedy.
const PARTICLES = [
  '에서부터',
  '으로부터',
  '로부터',
  '에게서',
  '께서는',
  '이라는',
  '이라고',
  '에서는',
  '에서도',
  '에서의',
  '으로는',
  '으로도',
  '으로의',
  '이었다',
  '였다',
  '이다',
  '이며',
  '이고',
  '이나',
  '이란',
  '라는',
  '라고',
  '부터',
  '까지',
  '에서',
  '에게',
  '한테',
  '께서',
  '으로',
  '처럼',
  '보다',
  '마저',
  '조차',
  '밖에',
  '에는',
  '에도',
  '에의',
  '로는',
  '로도',
  '로의',
  '와는',
  '과는',
  '와도',
  '과도',
  '와의',
  '과의',
  '만큼',
  '이랑',
  '하고',
  '들',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '로',
  '도',
  '만',
  '나',
  '랑',
  '인',
  '란',
  '께',
  '엔',
  '서',
  '측',
  '간',
];
const TAIL = new RegExp(`^(?:${PARTICLES.join('|')})*$`, 'u');

/** Where a Korean term occurs in a source on word boundaries (start offsets). */
export function findKoreanTerm(source: string, term: string): number[] {
  const needle = term.normalize('NFC').trim();
  if (!needle) return [];
  const text = source.normalize('NFC');
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1];
    if (before !== undefined && HANGUL.test(before) && HANGUL.test(needle[0]!)) continue;
    const rest = /^[\uac00-\ud7a3]*/u.exec(text.slice(at + needle.length))![0];
    if (HANGUL.test(needle[needle.length - 1]!) && !TAIL.test(rest)) continue;
    out.push(at);
  }
  return out;
}

/**
 * Light English stemmer, applied alike to terms and text: plural and possessive endings only, and a final e, so the
 * singular and the plural meet (bus/buses, house/houses, policy/policies, Korea/Korea's).
 */
function stem(word: string): string {
  let w = word.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Words of a text in comparable form for one language. */
export function termWords(text: string, lang: QaLang): string[] {
  let t = text.normalize('NFC').toLowerCase();
  if (lang === 'vi') t = unifyVietnameseTones(t);
  // Apostrophes inside a word (Korea's) belong to it; quotes around a word ('xe buýt điện') do not.
  const words = t
    .split(/[^\p{L}\p{N}&'’]+/u)
    .map((w) =>
      w.replace(/^['’]+|['’]+$/gu, (q, at: number) => (at > 0 && /s$/u.test(w.slice(0, at)) ? q : '')),
    )
    .filter(Boolean);
  return lang === 'en' ? words.map(stem) : words;
}

/** Whether `phrase` occurs in `text` word by word (after normalisation). */
export function containsPhrase(text: string, phrase: string, lang: QaLang): boolean {
  return findPhrase(termWords(text, lang), termWords(phrase, lang)) >= 0;
}

function blank(words: string[], phrase: string[]): string[] {
  const at = findPhrase(words, phrase);
  return at < 0
    ? words
    : [...words.slice(0, at), ...phrase.map(() => '\u0000'), ...words.slice(at + phrase.length)];
}

function findPhrase(words: readonly string[], needle: readonly string[]): number {
  if (!needle.length) return -1;
  outer: for (let i = 0; i + needle.length <= words.length; i++) {
    for (let k = 0; k < needle.length; k++) if (words[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** The required translation of a term is any of its `;`-separated alternatives. */
export function alternatives(value: string): string[] {
  return value
    .split(/\s*[;|]\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const sortedTerms = new WeakMap<readonly QaTerm[], QaTerm[]>();

/** The terms longest Korean first, sorted once per termbase array (the UI and runQa pass the same array). */
function longestFirst(terms: readonly QaTerm[]): QaTerm[] {
  let sorted = sortedTerms.get(terms);
  if (!sorted) {
    sorted = [...terms].sort((a, b) => b.ko.length - a.ko.length);
    sortedTerms.set(terms, sorted);
  }
  return sorted;
}

/** What a termbase says about one target: terms the source holds but the target lacks, and forbidden variants used. */
export function checkTerms(
  source: string,
  target: string,
  lang: QaLang,
  terms: readonly QaTerm[],
): { missing: QaTerm[]; forbidden: Array<{ term: QaTerm; variant: string }> } {
  const missing: QaTerm[] = [];
  const forbidden: Array<{ term: QaTerm; variant: string }> = [];
  let targetWords: string[] | null = null;
  // A longer term wins over one it contains (서울창업허브 over 서울): check longest first, skip covered spans.
  const covered: Array<[number, number]> = [];
  for (const term of longestFirst(terms)) {
    const hits = findKoreanTerm(source, term.ko).filter((at) => !covered.some(([s, e]) => at >= s && at < e));
    if (!hits.length) continue;
    for (const at of hits) covered.push([at, at + term.ko.length]);
    const wanted = alternatives(term[lang]);
    let words = (targetWords ??= termWords(target, lang));
    const found = wanted.map((w) => termWords(w, lang)).find((w) => findPhrase(words, w) >= 0);
    if (wanted.length && !found) missing.push(term);
    // The words a longer term used are spent: "startup" must not be found inside "Seoul Startup Hub".
    if (found) targetWords = words = blank(words, found);
    for (const variant of term.forbidden?.[lang] ?? []) {
      const v = termWords(variant, lang);
      // A forbidden variant inside the required form (Ho Chi Minh in Ho Chi Minh City) is not a use of it.
      const inside = wanted.some((w) => findPhrase(termWords(w, lang), v) >= 0);
      if (!inside && findPhrase(words, v) >= 0) forbidden.push({ term, variant });
    }
  }
  return { missing, forbidden };
}
