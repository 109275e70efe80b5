import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';

/** One run of a word diff: kept, inserted (only in the new text) or deleted (only in the old). */
export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'word' })));
  return s;
}

/**
 * Word-level diff of `before` → `after` (machine text → reviewer's, or old Korean → new Korean). Words are found
 * with `Intl.Segmenter` so Korean and Vietnamese split where their readers expect.
 */
export function wordDiff(before: string, after: string, lang: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter(lang) }).map((c) => ({
    kind: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value,
  }));
}

/** The words of a text (whitespace and punctuation-only tokens dropped). */
function words(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const s of segmenter(lang).segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Edit rate: word-level edit distance between the machine text and the final text, divided by the word count of
 * the longer of the two (0 = untouched, 1 = rewritten), like the review report's rate (which counts characters).
 * Divided by the final text alone (HTER), a sentence cut to one word read 900 %. Words are mapped to single code
 * units so the fast character Levenshtein does the word-level work.
 */
export function editRate(machine: string, final: string, lang: string): number {
  const a = words(machine, lang);
  const b = words(final, lang);
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  const codes = new Map<string, string>();
  const code = (w: string) => {
    let c = codes.get(w);
    if (c === undefined) codes.set(w, (c = String.fromCharCode(0x4e00 + codes.size)));
    return c;
  };
  return distance(a.map(code).join(''), b.map(code).join('')) / Math.max(a.length, b.length);
}
