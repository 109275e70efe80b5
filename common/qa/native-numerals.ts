import type { MentionSink } from './values';
import type { Val } from './types';
import { KOREAN_NATIVE } from './count-words';

/**
 * Native Korean numerals past ten, and the vague native counts:
 * - tens and units: 열두 명 (12), 스무 살 (20), 스물두 명 (22), 서른, 마흔세 명 (43), 쉰 살, 예순 번째 (60th), 일흔,
 *   여든, 아흔을 앞둔 (about to turn 90). Before a counter, or a decade alone before a particle; 쉰 alone (also
 *   "rested") and 열 (read with the small counts in korean-forms) only before a counter.
 * - vague counts: 한두 (one or two, một hai), 두세, 두서너, 서너, 너덧, 네댓, 대여섯, 예닐곱: two mentions, the low and
 *   the high end. Each is weak and counted: a translation may say "a few", "vài" or "a month or two", but one whose
 *   own small count no Korean value accounts for (서너 → two or three) changed it.
 *
 * What this does not know: 여남은 (ten or so) and 수 (several) with a counter; native numerals written out in full
 * for hundreds (온, 즈믄) are not news language.
 */
export function nativeNumerals(sink: MentionSink): void {
  for (const re of [TENS_BEFORE_COUNTER, DECADE_ALONE])
    sink.each(re, (m) => {
      const [, tens, unit, counter] = m;
      if (tens === '열' && !unit) return; // 열 명: a small count, read in korean-forms
      const v = TENS[tens!]! + (unit ? KOREAN_NATIVE[unit]! : 0);
      const end = m.index + tens!.length + (unit?.length ?? 0);
      sink.add(m.index, end, [withDim(v, counter)]);
    });
  // 한 시간 반, 두 시간 반: an hour and a half (90 minutes), two and a half hours.
  sink.each(HOURS_AND_A_HALF, (m) => {
    const h = KOREAN_NATIVE[m[1]!]!;
    sink.add(m.index, m.index + m[0].length, [
      { k: 'n', v: h * 60 + 30, u: '', dim: 'minute' },
      { k: 'n', v: h + 0.5, u: '', dim: 'hour' },
    ]);
  });
  sink.each(VAGUE_PATTERN, (m) => {
    const [lo, hi, split] = VAGUE_COUNTS[m[1]!]!;
    // Both ends name the whole word (서너) in a finding.
    const dim = { weak: true, counted: true, raw: m[1]! };
    sink.add(m.index, m.index + split, [withDim(lo, m[2])], dim);
    sink.add(m.index + split, m.index + m[1]!.length, [withDim(hi, m[2])], dim);
  });
}

const TENS: Readonly<Record<string, number>> = {
  열: 10,
  스물: 20,
  스무: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};

/** Low end, high end, and where the word splits between them (서|너, 대|여섯). */
const VAGUE_COUNTS: Readonly<Record<string, readonly [number, number, number]>> = {
  한두: [1, 2, 1],
  두세: [2, 3, 1],
  두서너: [2, 4, 1],
  서너: [3, 4, 1],
  너덧: [4, 5, 1],
  네댓: [4, 5, 1],
  대여섯: [5, 6, 1],
  예닐곱: [6, 7, 1],
};

/** What the counter says the number measures: 살 and 해 years, 달 months, 시간 hours, 번째 an ordinal. */
const withDim = (v: number, counter: string | undefined): Val => {
  const c = counter?.replace(/\s/gu, '') ?? '';
  if (c === '번째') return { k: 'n', v, u: 'ord' };
  const dim = DIMS[c];
  return { k: 'n', v, u: '', ...(dim ? { dim } : {}) };
};
const DIMS: Readonly<Record<string, string>> = { 살: 'year', 해: 'year', 달: 'month', 시간: 'hour' };

const COUNTERS =
  '살|명|해|달|번\\s?째|번(?!\\s?다시)|차례|개(?![가-힣]{2})|곳|가지|마리|척|대(?![가-힣]{2})|발|그루|군데|시간|권|잔|채|걸음|배(?![가-힣]{2})';
const AFTER = '(?=$|[^가-힣]|[이가은는을를의에도과와로만째씩간까부])';
const UNITS = '한|하나|두|둘|세|셋|서|석|네|넷|너|넉|다섯|여섯|일곱|여덟|아홉';

// 스물두 명, 서른 살, 예순 번째, 열두 척.
const TENS_BEFORE_COUNTER = new RegExp(
  `(?<![가-힣])(열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(${UNITS})?\\s?(${COUNTERS})${AFTER}`,
  'gu',
);
// 아흔을 앞둔, 서른에, 마흔이 넘어, 일흔인: a decade alone before a particle (쉰 alone is also "rested", 열 also
// "open").
const DECADE_ALONE = new RegExp(
  '(?<![가-힣])(스물|서른|마흔|예순|일흔|여든|아흔)()()(?=(?:을|이|인|에|의|은|는|도|까지|이다|이던|이었|에도|이나|부터|쯤|께)(?![가-힣]))',
  'gu',
);

const HOURS_AND_A_HALF =
  /(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?시간\s?반(?!대|발|값|영|응|면|도)/gu;

// 한두 차례, 서너 시간, 두세 명: a space and a word, or a counter glued on (두세요 is a verb).
const VAGUE_PATTERN = new RegExp(
  `(?<![가-힣])(한두|두세|두서너|서너|너덧|네댓|대여섯|예닐곱)(?:\\s(?=[가-힣])|(?=${COUNTERS}))(?:\\s?(${COUNTERS}))?`,
  'gu',
);
