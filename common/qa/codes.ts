/**
 * Codes: tokens a translation must carry verbatim, digit for digit: flight numbers (KE461), stock codes (005930),
 * phone numbers (+84-24-3831-5111, 080-000-1234), ship numbers (IMO 9123456), court case numbers (2023다21934,
 * romanized 2023Da21934) and network generations (5G). A transposed digit in one of them is an error of its own,
 * not a changed quantity, so the value parsers never read their digits.
 *
 * What this does not know: a code written without these shapes (a bare seven-digit number), and whether a letter
 * of a code was legitimately transliterated beyond Hangul → Latin (only the digits and any Latin letters of the
 * source are compared).
 */

/** A code and where it sits. */
export interface CodeToken {
  text: string;
  start: number;
  end: number;
}

const PATTERNS: readonly RegExp[] = [
  // phone numbers, with or without a country code: 080-000-1234, +84-24-3831-5111
  /(?<![\p{L}\d+-])(?:\+\d{1,3}[-\s])?\d{2,4}-\d{3,4}-\d{4}(?![\d-])/gu,
  // ship numbers
  /(?<![\p{L}\d])IMO\s?\d{7}(?!\d)/gu,
  // court case numbers: year, a case-type letter (Hangul or romanized), serial
  /(?<![\p{L}\d])\d{4}\s?(?:[가-힣]|[A-Z][a-z]{0,2})\s?\d{3,6}(?![\d])/gu,
  // flight numbers and similar letter–digit codes: KE461, VN417, G20, F-35
  /(?<![\p{L}\d])[A-Z]{1,3}-?\d{2,5}[A-Z]?(?![A-Za-z\d])/gu,
  // network generations: 5G, 6G
  /(?<![\p{L}\d])\dG(?![A-Za-z\d])/gu,
  // a six-digit stock code in brackets: (005930)
  /(?<=\()\d{6}(?=\))/gu,
];

/** The codes of a text, in order, without overlaps. */
export function codeTokens(text: string): CodeToken[] {
  const out: CodeToken[] = [];
  for (const re of PATTERNS)
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!out.some((t) => start < t.end && end > t.start)) out.push({ text: m[0], start, end });
    }
  return out.sort((a, b) => a.start - b.start);
}

const digitsOf = (s: string) => s.replace(/\D/gu, '');
const latinOf = (s: string) => s.replace(/[^A-Za-z]/gu, '').toUpperCase();

/** Whether a target code renders a source code: the same digits in the same order, and the same Latin letters. */
export function sameCode(source: string, target: string): boolean {
  if (digitsOf(source) !== digitsOf(target)) return false;
  const letters = latinOf(source);
  return !letters || letters === latinOf(target);
}

/** Source codes that no code of the target renders. */
export function changedCodes(source: string, target: string): CodeToken[] {
  const have = codeTokens(target);
  return codeTokens(source).filter((c) => !have.some((t) => sameCode(c.text, t.text)));
}
