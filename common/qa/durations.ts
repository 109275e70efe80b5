import { smallCount } from './count-words';
import { timeOfDay, type MentionSink } from './values';

/**
 * A span said as one duration: 1년 6개월 = one year and six months = 18 months = a year and a half = 1 năm 6 tháng
 * = một năm rưỡi; 1시간 30분 = an hour and a half = 90 minutes = 1 giờ 30 phút = 90 phút. Each is read as one value
 * in the smaller unit (and in the larger one: 1.5 years, 1.5 hours), so a translation may give the parts or the
 * total. A race time whose seconds carry hundredths (10초07 = 10.07 seconds = 10 giây 07) is one value too. Claimed
 * before the number parsers.
 *
 * Korean says a half with 반 (2시간 반, 1년 반). A time of day said as hours and minutes (lúc 2 giờ 30 phút, 3 giờ
 * rưỡi chiều) is left to the time parser; otherwise "N giờ M phút" reads both ways (sau 5 giờ 40 phút: after five
 * hours and 40 minutes, or after 5:40). Hours and minutes followed by seconds (2 hours, 6 minutes and 35
 * seconds) are a race time's parts, as Korean gives them (2시간 6분 35초).
 *
 * What this does not know: durations whose parts are far apart.
 */
export function compoundDurations(sink: MentionSink, lang: 'ko' | 'vi' | 'en'): void {
  for (const [re, kind, half] of PATTERNS[lang])
    sink.each(re, (m) => {
      if (kind === 'second') {
        sink.add(m.index, m.index + m[0].length, [{ k: 'n', v: Number(`${m[1]}.${m[2]}`), u: '' }]);
        return;
      }
      const big = smallCount(m[1]!);
      const small = half ? UNITS[kind].per / 2 : smallCount(m[2]!);
      if (Number.isNaN(big) || Number.isNaN(small) || small >= UNITS[kind].per) return;
      const before = sink.original.slice(Math.max(0, m.index - 8), m.index);
      if (kind === 'minute' && lang === 'vi' && TIME_OF_DAY.test(before)) return;
      const { per, bigDim } = UNITS[kind];
      // "5 giờ 40 phút" is five hours and 40 minutes or 5:40 (sau 5 giờ 40 phút, khoảng 23 giờ 50 phút): both
      // readings; "tiếng" is only a span of hours.
      const clock = kind === 'minute' && lang === 'vi' && /giờ/iu.test(m[0]);
      sink.add(m.index, m.index + m[0].length, [
        { k: 'n', v: per * big + small, u: '', dim: kind },
        { k: 'n', v: big + small / per, u: '', dim: bigDim },
        ...(clock ? timeOfDay(big, small, null) : []),
      ]);
    });
}

type Kind = 'month' | 'minute' | 'second';
const UNITS = { month: { per: 12, bigDim: 'year' }, minute: { per: 60, bigDim: 'hour' } } as const;
const TIME_OF_DAY = /(?:lúc|vào|từ|đến|tới)\s*$/iu;

const EN_N = '(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven)';
const VI_N = '(\\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười một|mười)';

const EN_H = `(?:hours?|hrs?)`;
const VI_H = `(?:giờ|tiếng)`;

/** Pattern, what it measures, and whether it is "and a half" (the smaller part is half the larger unit). */
const PATTERNS: Record<'ko' | 'vi' | 'en', Array<[RegExp, Kind, boolean]>> = {
  ko: [
    [/(?<![\d.])(\d{1,2})년\s?(\d{1,2})개월/gu, 'month', false],
    [/(?<![\d.])(\d{1,2})시간\s?(\d{1,2})분(?!\s?\d)/gu, 'minute', false],
    // 2시간 반, 1년 반: two and a half hours, a year and a half.
    [/(?<![\d.])(\d{1,2})시간\s?반(?!대|발|값|영|응|면|도)/gu, 'minute', true],
    [/(?<![\d.])(\d{1,2})년\s?반(?!대|발|값|영|응|면|도)/gu, 'month', true],
    [/(?<![\d.]|분\s?)(\d{1,2})초(\d{2})(?!\d)/gu, 'second', false],
  ],
  en: [
    [
      new RegExp(`\\b${EN_N}[-\\s]years?(?:,?\\s+and\\s+|,\\s*|[-\\s])${EN_N}[-\\s]months?\\b`, 'giu'),
      'month',
      false,
    ],
    [
      new RegExp(
        `\\b${EN_N}(?:[-\\s]and[-\\s]a[-\\s]half[-\\s]years?|[-\\s]years?[-\\s]and[-\\s]a[-\\s]half)\\b`,
        'giu',
      ),
      'month',
      true,
    ],
    [
      new RegExp(
        `\\b${EN_N}[-\\s]${EN_H}(?:,?\\s+and\\s+|,\\s*|[-\\s])${EN_N}[-\\s]minutes?\\b(?!,?\\s+(?:and\\s+)?${EN_N}\\s+seconds?)`,
        'giu',
      ),
      'minute',
      false,
    ],
    [
      new RegExp(
        `\\b${EN_N}(?:[-\\s]and[-\\s]a[-\\s]half[-\\s]${EN_H}|[-\\s]${EN_H}[-\\s]and[-\\s]a[-\\s]half)\\b`,
        'giu',
      ),
      'minute',
      true,
    ],
  ],
  vi: [
    [new RegExp(`(?<!\\p{L})${VI_N}\\s+năm\\s+(?:và\\s+)?${VI_N}\\s+tháng(?!\\p{L})`, 'giu'), 'month', false],
    [new RegExp(`(?<!\\p{L})${VI_N}\\s+năm\\s+rưỡi(?!\\p{L})`, 'giu'), 'month', true],
    [
      new RegExp(
        `(?<![\\p{L}\\d.,])${VI_N}\\s*${VI_H}\\s*(?:và\\s+)?${VI_N}\\s*phút(?!\\p{L})(?!\\s*\\d)(?!\\s+(?:sáng|trưa|chiều|tối|đêm))`,
        'giu',
      ),
      'minute',
      false,
    ],
    [
      new RegExp(`(?<!\\p{L})${VI_N}\\s+${VI_H}\\s+rưỡi(?!\\p{L})(?!\\s+(?:sáng|trưa|chiều|tối|đêm))`, 'giu'),
      'minute',
      true,
    ],
    [/(?<![\d.,:]|phút\s?)(\d{1,2})\s?giây\s?(\d{2})(?!\d)/giu, 'second', false],
  ],
};
