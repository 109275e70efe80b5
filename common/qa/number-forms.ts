import { smallCount } from './count-words';
import type { Val } from './types';
import type { MentionSink } from './values';

/**
 * Number forms the main parsers do not read, claimed before them:
 * - spans of years in words: a decade, two decades, the past decade, half a century, a century (반세기, một thập kỷ,
 *   hai thập niên, nửa thế kỷ), read as years, so 10년 = a decade and 50년 = half a century;
 * - the rounds of a tournament by the number of teams left (semifinals, bán kết = 4강; quarterfinals, tứ kết = 8강);
 * - basis points as percentage points (25 basis points = 0.25%포인트 = 25 điểm cơ bản);
 * - English decimals without the leading zero, as sport writes averages (a .291 batting average, a .600 win rate).
 *
 * What this does not know: "decades" or "hàng thập kỷ" without a count (vague: not a value), centuries as eras
 * (the 20th century, thế kỷ 20: an ordinal, left to the number parsers).
 */
export function numberForms(sink: MentionSink, lang: 'ko' | 'vi' | 'en'): void {
  const years = (v: number): Val[] => [{ k: 'n', v, u: '', dim: 'year' }];
  for (const [re, fn] of FORMS[lang])
    sink.each(re, (m) => {
      const v = fn(m);
      if (!v) return;
      const alts: Val[] = v.pp
        ? [{ k: 'n', v: v.n, u: 'pp' }]
        : v.plain
          ? [{ k: 'n', v: v.n, u: '' }]
          : years(v.n);
      sink.add(m.index, m.index + m[0].length, alts);
    });
}

const PART: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10 };

type Form = [RegExp, (m: RegExpExecArray) => { n: number; plain?: boolean; pp?: boolean } | null];

const FORMS: Record<'ko' | 'vi' | 'en', Form[]> = {
  ko: [[/반세기/gu, () => ({ n: 50 })]],
  en: [
    [/\bsemi-?finals?\b/giu, () => ({ n: 4, plain: true })],
    [/\bquarter-?finals?\b/giu, () => ({ n: 8, plain: true })],
    [
      /(?<![\d.,])(\d+(?:\.\d+)?)[-\s]?(?:basis[-\s]points?|bps?)\b/giu,
      (m) => ({ n: Number(m[1]) / 100, pp: true }),
    ],
    [
      /\b(?:(a|one|two|three)[-\s](half|third|quarter|fifth|tenth)s?(?=\s+of\b)|(one|two|three)-(third|quarter|fifth|tenth)s?\b)/giu,
      (m) => ({ n: smallCount(m[1] ?? m[3]!) / PART[(m[2] ?? m[4]!).toLowerCase()]!, plain: true }),
    ],
    [/\bhalf\s+a\s+century\b/giu, () => ({ n: 50 })],
    [/\b(a|one)\s+(?:quarter[-\s])century\b/giu, () => ({ n: 25 })],
    [/\b(a|one)\s+century\b/giu, () => ({ n: 100 })],
    [/\b(a|one|two|three|four|five|six|seven|\d)\s+decades?\b/giu, (m) => ({ n: 10 * smallCount(m[1]!) })],
    [/\bthe\s+(?:past|last|previous)\s+decade\b/giu, () => ({ n: 10 })],
    [/(?<![\w.,])\.(\d{3})(?!\d|\.\d)/gu, (m) => ({ n: Number(`0.${m[1]}`), plain: true })],
  ],
  vi: [
    [/(?<!\p{L})bán\s+kết(?!\p{L})/giu, () => ({ n: 4, plain: true })],
    [/(?<!\p{L})tứ\s+kết(?!\p{L})/giu, () => ({ n: 8, plain: true })],
    [
      /(?<![\d.,])(\d+(?:,\d+)?)\s?điểm\s+cơ\s+bản(?!\p{L})/giu,
      (m) => ({ n: Number(m[1]!.replace(',', '.')) / 100, pp: true }),
    ],
    [
      /(?<!\p{L})(một|hai|ba|bốn)\s+phần\s+(hai|ba|tư|bốn|năm|mười)(?!\p{L})/giu,
      (m) => ({ n: smallCount(m[1]!) / (m[2]!.toLowerCase() === 'tư' ? 4 : smallCount(m[2]!)), plain: true }),
    ],
    [/(?<!\p{L})(?:một\s+)?nửa\s+thế\s+k[ỷỉ](?![\p{L}\s]*\d)/giu, () => ({ n: 50 })],
    [/(?<!\p{L})một\s+thế\s+k[ỷỉ](?![\p{L}\s]*\d)/giu, () => ({ n: 100 })],
    [
      /(?<!\p{L})(một|hai|ba|bốn|năm|sáu|bảy|\d)\s+thập\s+(?:k[ỷỉ]|niên)(?!\s*\d)/giu,
      (m) => ({ n: 10 * smallCount(m[1]!) }),
    ],
    [/(?<!\p{L})thập\s+(?:k[ỷỉ]|niên)\s+(?:qua|vừa\s+qua)(?!\p{L})/giu, () => ({ n: 10 })],
  ],
};
