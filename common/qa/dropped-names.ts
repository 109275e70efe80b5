import type { FindingList } from './findings';
import type { TargetText } from './omission';
import { romanize } from '../text/hangul-roman';
import { EXPANSION } from './sentences';
import { contentLength, foldName, HANGUL_RUNS } from './text';

/**
 * A Korean name one translation dropped: a word of the Korean (부산 아시아드주경기장에서, 정부서울청사에서) that one
 * translation gives in romanized form (Busan Asiad Main Stadium, the Government Complex Seoul) and the other does
 * not give at all, while that other translation is also shorter than the first one by more than its usual margin.
 * A short place phrase is too short for the sentence alignment (omission.ts) to see; the romanized name is an
 * anchor both translations keep. Inferred from the other translation: a warning.
 *
 * What this does not know: names spelled otherwise than the Revised Romanization (Hyundai, Paektu, Duck-soo) are
 * not anchors, and a name the other translation renders in its own words (Nhà Xanh for Cheong Wa Dae) is only
 * reported when that translation is also short.
 */
export function droppedNames(out: FindingList, source: string, a: TargetText, b: TargetText): void {
  const words = [...new Set(source.match(HANGUL_RUNS) ?? [])].map(romanize);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const ratio =
      contentLength(y.text) / Math.max(1, contentLength(x.text) * (EXPANSION[y.lang] / EXPANSION[x.lang]));
    if (ratio >= SHORT) continue;
    const have = foldName(y.text);
    const theirs = tokens(y.text);
    const lost = new Map<string, string>();
    for (const w of words) {
      const given = tokens(x.text).filter((t) => anchors(t.folded, w));
      if (
        !given.length ||
        given.some((t) => have.includes(t.folded)) ||
        theirs.some((t) => anchors(t.folded, w))
      )
        continue;
      for (const t of given) lost.set(t.folded, t.raw);
    }
    // One phrase, one finding (경기 수원시 경기도청 = Gyeonggi … Suwon).
    if (lost.size)
      out.add(y.lang, 'omission', 'nameDropped', 'warning', `name:${[...lost.keys()][0]!}`, {
        name: [...lost.values()].join(', '),
      });
  }
}

/** The other translation is shorter than this share of its expected length. */
const SHORT = 0.9;

interface Token {
  raw: string;
  folded: string;
}

/**
 * Names whose Korean spelling romanizes to the English one while Vietnamese has its own name for them: 아시아 Asia
 * (châu Á), 캄보디아 Cambodia (Campuchia), 사우디 Saudi and 아라비아 Arabia (Ả Rập), 타이완 Taiwan (Đài Loan).
 */
const EXONYMS = new Set(['asia', 'cambodia', 'saudi', 'arabia', 'taiwan']);

/** Capitalized Latin words (Busan, Gyeongju, Yong-san) that may be romanized Korean. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/(?<![\p{L}\d])[A-Z][a-z]+(?:-[a-z]+)*(?![\p{L}\d])/gu)]
    .map((m) => ({ raw: m[0], folded: foldName(m[0]) }))
    .filter((t) => t.folded.length >= 4 && !EXONYMS.has(t.folded));
}

/** A token that spells two or more syllables of the word, from a syllable on (Seoul in 정부서울청사). */
function anchors(token: string, word: { text: string; starts: number[] }): boolean {
  return word.starts.some(
    (s, i) => word.text.startsWith(token, s) && (word.starts[i + 1] ?? word.text.length) < s + token.length,
  );
}
