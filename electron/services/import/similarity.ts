/**
 * Character-bigram similarity, used to spot a caption line that repeats its picture's caption and a paragraph
 * that a revised article changed only a little. Bigrams suit Korean well: words are short syllable blocks, and
 * spacing varies between writers, so whitespace is ignored. Grams are kept as sorted 32-bit numbers (two UTF-16
 * units each) so that comparing thousands of paragraphs stays fast and small.
 */

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

// Reused between calls: building grams for 20,000 paragraphs should allocate one array each, not two.
let scratch = new Uint32Array(1024);

/** Sorted character bigrams of `text`, whitespace removed; a one-character text is its own gram. */
export function grams(text: string): Uint32Array {
  if (scratch.length < text.length) scratch = new Uint32Array(text.length * 2);
  let n = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (prev !== -1) scratch[n++] = ((prev << 16) | c) >>> 0;
    prev = c;
  }
  if (n === 0) return prev === -1 ? new Uint32Array(0) : Uint32Array.of(prev);
  return scratch.slice(0, n).sort();
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

/**
 * Whitespace-insensitive comparison key: runs of whitespace collapsed, trimmed. Imported text is already NFC
 * (see `normalizeText`), so composing it again here would only cost time on large articles.
 */
export function normalizeForCompare(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
