import { splitSentences } from '../../../common/qa';
import type { TargetLang } from '../../contract';

/**
 * Sentence segmentation for exported memories (TMX by sentence, the OmegaT package): the same splitter the QA
 * checks use (`common/qa`: ICU sentences with abbreviations, date stamps and credits glued back), so every tool of
 * the app cuts a paragraph the same way.
 */

/** The sentences of a Korean paragraph, trimmed, in order (a paragraph with one sentence gives one). */
export function koreanSentences(source: string): string[] {
  return splitSentences(source, 'ko');
}

/**
 * A row's Korean and target texts as aligned sentence pieces: `[[ko, t1, t2…], …]`, one entry per sentence when
 * every language splits into the same number of sentences (the only case where sentence pairs can be trusted),
 * else `null` (the paragraph stays whole).
 */
export function pairedSentences(
  source: string,
  targets: ReadonlyArray<{ lang: TargetLang; text: string }>,
): string[][] | null {
  const split = [koreanSentences(source), ...targets.map((t) => splitSentences(t.text, t.lang))];
  const n = split[0]!.length;
  if (n <= 1 || split.some((s) => s.length !== n)) return null;
  return Array.from({ length: n }, (_, i) => split.map((s) => s[i]!));
}
