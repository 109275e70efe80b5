import { smallCount } from './count-words';
import type { MentionSink } from './values';

/**
 * A span of years and months said as one duration: 1년 6개월 = one year and six months = 18 months = a year and a
 * half = 1 năm 6 tháng = 18 tháng = một năm rưỡi. Each is read as one value in months, so a translation may give the
 * parts or the total. Claimed before the number parsers.
 *
 * What this does not know: hours and minutes (1시간 30분 = 90 minutes), and durations whose parts are far apart.
 */
export function compoundDurations(sink: MentionSink, lang: 'ko' | 'vi' | 'en'): void {
  for (const [re, half] of PATTERNS[lang])
    sink.each(re, (m) => {
      const years = smallCount(m[1]!);
      const months = half ? 6 : smallCount(m[2]!);
      if (Number.isNaN(years) || Number.isNaN(months) || months >= 12) return;
      sink.add(m.index, m.index + m[0].length, [{ k: 'n', v: 12 * years + months, u: '', dim: 'month' }]);
    });
}

const EN_N = '(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven)';
const VI_N = '(\\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười một|mười)';

/** Pattern, and whether it is "and a half" (the months are 6). */
const PATTERNS: Record<'ko' | 'vi' | 'en', Array<[RegExp, boolean]>> = {
  ko: [[/(?<![\d.])(\d{1,2})년\s?(\d{1,2})개월/gu, false]],
  en: [
    [new RegExp(`\\b${EN_N}[-\\s]years?(?:,?\\s+and\\s+|,\\s*|[-\\s])${EN_N}[-\\s]months?\\b`, 'giu'), false],
    [
      new RegExp(
        `\\b${EN_N}(?:[-\\s]and[-\\s]a[-\\s]half[-\\s]years?|[-\\s]years?[-\\s]and[-\\s]a[-\\s]half)\\b`,
        'giu',
      ),
      true,
    ],
  ],
  vi: [
    [new RegExp(`(?<!\\p{L})${VI_N}\\s+năm\\s+(?:và\\s+)?${VI_N}\\s+tháng(?!\\p{L})`, 'giu'), false],
    [new RegExp(`(?<!\\p{L})${VI_N}\\s+năm\\s+rưỡi(?!\\p{L})`, 'giu'), true],
  ],
};
