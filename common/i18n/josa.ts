/**
 * Korean particles (조사) chosen by the word they follow, instead of "은(는)": a word whose last syllable has a
 * final consonant (받침) takes 은/을/이/과/으로/이라, one without takes 는/를/가/와/로/라 (으로 also after ㄹ).
 * Digits are read as Sino-Korean numbers and Latin letters as English names, as a reader would say them.
 */

/** Particle pairs: [after a final consonant, after a vowel]. */
export const PARTICLES = {
  eun: ['은', '는'],
  eul: ['을', '를'],
  i: ['이', '가'],
  gwa: ['과', '와'],
  ro: ['으로', '로'],
  ira: ['이라', '라'],
} as const;
export type Particle = keyof typeof PARTICLES;

// Sino-Korean readings of 0–9 (영 일 이 삼 사 오 육 칠 팔 구): the final consonant of each, ㄹ marked apart.
const DIGIT_FINAL = ['ㅇ', 'ㄹ', '', 'ㅁ', '', '', 'ㄱ', 'ㄹ', 'ㄹ', ''];
// English letter names that end in a consonant sound a Korean reader carries over: L (엘), M (엠), N (엔), R (알).
const LETTER_FINAL: Record<string, string> = { l: 'ㄹ', m: 'ㅁ', n: 'ㄴ', r: 'ㄹ' };

/** The final consonant of how `word` ends when read aloud: '' for a vowel, 'ㄹ', or another consonant. */
function finalSound(word: string): string {
  const chars = [...word.replace(/[\s"'”’)\]»›.,!?]+$/u, '')];
  const last = chars.at(-1);
  if (last === undefined) return '';
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? '' : jong === 8 ? 'ㄹ' : 'ㄱ';
  }
  if (/\d/.test(last)) return DIGIT_FINAL[Number(last)]!;
  return LETTER_FINAL[last.toLowerCase()] ?? '';
}

/** The particle that follows `word`. */
export function josa(word: string, particle: Particle): string {
  const [consonant, vowel] = PARTICLES[particle];
  const sound = finalSound(word);
  if (particle === 'ro') return sound === '' || sound === 'ㄹ' ? vowel : consonant;
  return sound === '' ? vowel : consonant;
}

/** The part of an i18next instance the particles need (`services.formatter`, from i18next 21.3). */
interface WithFormatter {
  services: { formatter?: { add(name: string, fn: (value: unknown) => string): void } };
}

/**
 * Let Korean strings choose their particles: `“{{term}}”{{term, eun}}` renders “용어”는 / “업무협약”은 (the
 * formatter outputs the particle only, so quotes and brackets may stand between the word and it).
 */
export function registerJosa(i18n: WithFormatter): void {
  for (const name of Object.keys(PARTICLES) as Particle[])
    i18n.services.formatter?.add(name, (value) => josa(String(value), name));
}
