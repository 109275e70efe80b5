/**
 * Character-bigram similarity, used to spot a caption line that repeats its picture's caption and a paragraph
 * that a revised article changed only a little. Bigrams suit Korean well: words are short syllable blocks, and
 * spacing varies between writers, so whitespace is ignored. Grams are kept as sorted 32-bit numbers (two UTF-16
 * units each) so that comparing thousands of paragraphs stays fast and small.
 */

/** Sorted character bigrams of `text`, whitespace removed; a one-character text is its own gram. */
export function grams(text: string): Uint32Array {
  const t = text.replace(/\s+/gu, '');
  if (t.length <= 1) return t.length === 0 ? new Uint32Array(0) : Uint32Array.of(t.charCodeAt(0));
  const out = new Uint32Array(t.length - 1);
  for (let i = 0; i < t.length - 1; i++) out[i] = ((t.charCodeAt(i) << 16) | t.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/** Sørensen–Dice coefficient of two gram lists from {@link grams}: 1 for the same text, 0 for nothing shared. */
export function diceOf(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** The best Dice two gram lists of these sizes could reach, to skip comparisons that cannot pass a threshold. */
export function diceBound(sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB);
}

/** Dice similarity of two texts (see {@link diceOf}). */
export function dice(a: string, b: string): number {
  return diceOf(grams(a), grams(b));
}

/** Whitespace-insensitive comparison key: NFC, runs of whitespace collapsed, trimmed. */
export function normalizeForCompare(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
