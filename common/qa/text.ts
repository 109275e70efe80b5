/** Small text helpers shared by the checks. */
import { maskProtected } from './protected';

const PLACEHOLDER_ANY = /\[\s*email(?:\s|&#160;|\u00a0)*protected\s*\]/giu;

/** Hangul syllables and jamo. */
export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;
/** Runs of Hangul. */
export const HANGUL_RUNS = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/gu;

/** Unicode NFC, the form every stored text takes. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Vietnamese writes the tone of oa/oe/uy two ways (hoá/hóa, thuỷ/thủy): both are correct, so comparisons use one.
 * Moves the tone mark from the second vowel to the first ("new style" → "old style" is not the point; one form is).
 */
export function unifyVietnameseTones(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([oO])([aAeE])([\u0300\u0301\u0303\u0309\u0323])/gu, '$1$3$2')
    .replace(/([uU])([yY])([\u0300\u0301\u0303\u0309\u0323])/gu, '$1$3$2')
    .normalize('NFC');
}

const lengths = new Map<string, number>();

/** Characters that count for length comparisons (no spaces, punctuation, links or e-mail placeholders). */
export function contentLength(text: string): number {
  const hit = lengths.get(text);
  if (hit !== undefined) return hit;
  const n = maskProtected(text)
    .replace(PLACEHOLDER_ANY, ' ')
    .replace(/[\s\p{P}\p{S}]/gu, '').length;
  // The same texts are measured by several checks of a row: keep the last few.
  if (lengths.size >= 32) lengths.delete(lengths.keys().next().value!);
  lengths.set(text, n);
  return n;
}

/** Fold for loose comparison of names across targets: no diacritics, case, spaces or hyphens. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/[\s\-‐‑–—'’.]/gu, '');
}
