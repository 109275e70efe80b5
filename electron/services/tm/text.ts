/**
 * Text rules of the translation memory, shared by every storage engine so a match scores the same on SQLite and
 * PostgreSQL: the engines only propose candidates, the score is always computed here.
 */
import { hash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';

/** Lowest fuzzy score shown to the reviewer. */
export const FUZZY_THRESHOLD = 75;
/** Score of an exact match of the row alone. */
export const EXACT_SCORE = 100;
/** Score of an exact match whose neighbouring rows match too (in-context match). */
export const CONTEXT_SCORE = 101;

/**
 * The form sources are compared in: Unicode NFC (a Korean syllable typed as jamo and as a precomposed syllable are
 * the same text), every run of white space one space, no leading or trailing space.
 */
export function normalize(text: string): string {
  const nfc = text.normalize('NFC');
  // Most text has single plain spaces only: then there is nothing to replace (a test costs less than a copy).
  return (/[^\S ]| {2}/u.test(nfc) ? nfc.replace(/\s+/gu, ' ') : nfc).trim();
}

/**
 * The fuzzy score of two normalized sources, 0–99: `floor(100 × (1 − d / max(|a|, |b|)))` with `d` the Levenshtein
 * distance in UTF-16 code units (every Hangul syllable is one unit). Floored so that 74.9 never shows as 75, and
 * capped at 99 because 100 means "identical after normalization" and only {@link normalize} equality gives it.
 */
export function fuzzyScore(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  const score = Math.floor(100 * (1 - distance(a, b) / longest));
  return Math.min(99, Math.max(0, score));
}

/** The longest and shortest candidate that can still reach {@link FUZZY_THRESHOLD} against a source of `length`. */
export function lengthWindow(length: number): { min: number; max: number } {
  const ratio = FUZZY_THRESHOLD / 100;
  return { min: Math.ceil(length * ratio), max: Math.floor(length / ratio) };
}

/** Distinct 3-character slices of a normalized source, in order of first appearance (what trigram indexes hold). */
export function trigrams(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) out.add(text.slice(i, i + 3));
  return [...out];
}

/** A stable hash of one or more texts (length-prefixed, so no two splits collide), hex. */
export function hashOf(...parts: string[]): string {
  let text = '';
  for (const p of parts) text += `${Buffer.byteLength(p)}:${p}`;
  return hash('sha256', text, 'hex');
}

/**
 * The hash recorded for a neighbouring row: of its normalized source, or of `''` at the start or end of the
 * article, so two articles that both open with the same headline also count as a matching context.
 */
export function neighbourHash(source: string | undefined): string {
  return hashOf('ctx', source === undefined ? '' : normalize(source));
}
