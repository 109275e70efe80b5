/**
 * Hangul in the Revised Romanization's letters: syllable by syllable for file names (fileSlug), and as translations
 * write Korean place and company names for the QA checks (부산 Busan, 서울 Seoul,
 * 경주 Gyeongju, 용산 Yongsan, 아시아드 Asiad…), with the start of each syllable so a name can be matched from a
 * syllable on. Liaison (a final consonant before a vowel takes its initial form: 한국어 hangugeo) and ㄹㄹ (ll)
 * follow the standard; other sound changes (신라 Silla, 종로 Jongno) do not, so such names are simply not found.
 */
const INITIAL = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const MEDIAL = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
// Final consonants at the end of a syllable, and (liaison) before a vowel.
const FINAL = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'p',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
const FINAL_BEFORE_VOWEL = [
  '',
  'g',
  'kk',
  'ks',
  'n',
  'nj',
  'n',
  'd',
  'r',
  'lg',
  'lm',
  'lb',
  'ls',
  'lt',
  'lp',
  'r',
  'm',
  'b',
  'ps',
  's',
  'ss',
  'ng',
  'j',
  'ch',
  'k',
  't',
  'p',
  '',
];

/** One Hangul syllable (U+AC00–U+D7A3) in Latin letters, without the sound-change rules. */
export function romanizeSyllable(code: number): string {
  const i = code - 0xac00;
  return INITIAL[Math.floor(i / 588)]! + MEDIAL[Math.floor((i % 588) / 28)]! + FINAL[i % 28]!;
}

export interface Romanized {
  text: string;
  /** Offsets in `text` where a syllable starts. */
  starts: number[];
}

/** A run of Hangul syllables in the Revised Romanization (lower case). */
export function romanize(hangul: string): Romanized {
  const syl = [...hangul].map((c) => c.charCodeAt(0) - 0xac00).filter((n) => n >= 0 && n < 11172);
  let text = '';
  const starts: number[] = [];
  syl.forEach((n, i) => {
    const ini = Math.floor(n / 588);
    const med = Math.floor((n % 588) / 28);
    const next = syl[i + 1];
    const prevFinal = i > 0 ? syl[i - 1]! % 28 : 0;
    const fin = n % 28;
    starts.push(text.length);
    // ㄹ after ㄹ is l (울릉 Ulleung); a vowel-initial syllable takes the liaison form of the final before it.
    text += ini === 5 && prevFinal === 8 ? 'l' : INITIAL[ini]!;
    text += MEDIAL[med]!;
    const vowelNext = next !== undefined && Math.floor(next / 588) === 11;
    text += vowelNext ? FINAL_BEFORE_VOWEL[fin]! : FINAL[fin]!;
  });
  return { text, starts };
}
