/**
 * Character-bigram similarity, used to spot a caption line that repeats its picture's caption and a paragraph
 * that a revised article changed only a little. Bigrams suit Korean well: words are short syllable blocks, and
 * spacing varies between writers, so whitespace is ignored.
 */

/** Multiset of character bigrams of `text`, whitespace removed (single characters count as one gram). */
export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Number of grams in a multiset. */
export function gramCount(grams: Map<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Sørensen–Dice coefficient of two bigram multisets: 1 for the same text, 0 for nothing in common. */
export function diceOf(a: Map<string, number>, b: Map<string, number>, sizeA = gramCount(a), sizeB = gramCount(b)) {
  if (sizeA + sizeB === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [g, n] of small) common += Math.min(n, large.get(g) ?? 0);
  return (2 * common) / (sizeA + sizeB);
}

/** Dice similarity of two texts (see {@link diceOf}). */
export function dice(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

/** Whitespace-insensitive comparison key: NFC, runs of whitespace collapsed, trimmed. */
export function normalizeForCompare(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
