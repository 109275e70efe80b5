import { withDimensions } from './dimensions';
import { compoundDurations } from './durations';
import { numberForms } from './number-forms';
import { vagueAmounts } from './vague';
import { maskProtected } from './protected';
import { relativeTimes } from './relative';
import type { Mention, NumUnit } from './types';
import { vietnameseDayRanges, vietnameseDurations } from './numbers-vi-durations';
import { MentionSink, monthDay, num, timeOfDay } from './values';
import { VIETNAMESE_SCALE } from './count-words';

/**
 * Values in Vietnamese: 500.000; 12,5 %; 500 nghìn; 1.200 tỷ; 1,2 nghìn tỷ; number words (hai, ba mươi, một nửa);
 * dates (ngày 4/8/2022, ngày 4 tháng 8 năm 2022, tháng 5, ngày 3); times (14h30, 14 giờ 30, 2 giờ chiều).
 */
export function vietnameseValues(text: string): Mention[] {
  const sink = new MentionSink(maskProtected(text.normalize('NFC')));
  relativeTimes(sink, 'vi');
  numberForms(sink, 'vi');
  vagueAmounts(sink, 'vi');
  compoundDurations(sink, 'vi');
  vietnameseDayRanges(sink);
  vietnameseDates(sink);
  vietnameseDurations(sink);
  vietnameseTimes(sink);
  vietnameseNumbers(sink);
  return withDimensions(sink.sorted(), sink.original, 'vi');
}

const MONTH_WORDS: Record<string, number> = {
  giêng: 1,
  một: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
  chạp: 12,
};

function vietnameseDates(sink: MentionSink): void {
  const addYear = (m: RegExpExecArray, y: string | undefined) => {
    if (!y) return;
    const at = m.index + m[0].lastIndexOf(y);
    sink.add(at, at + y.length, [num(Number(y))], { year: true });
  };
  sink.each(/(?<![\d.])(\d{4})([./-])\s?(\d{1,2})\2\s?(\d{1,2})(?!\d)\.?/gu, (m) => {
    const md = monthDay(Number(m[3]), Number(m[4]));
    if (!md.length) return;
    sink.add(m.index, m.index + 4, [num(Number(m[1]))], { year: true });
    sink.add(m.index + 4, m.index + m[0].length, md);
  });
  // Day first: 4/8/2022, ngày 4-8, 04.08.2022
  sink.each(/(?<![\d./,])(\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\2(\d{4}))?(?![\d/])(?!\.\d)/gu, (m) => {
    const isDay = /ngày\s*$/iu.test(sink.text.slice(Math.max(0, m.index - 6), m.index));
    if (m[2] !== '/' && !m[4] && !isDay) return; // 4.8 alone is a decimal number
    const md = monthDay(Number(m[3]), Number(m[1]));
    if (!md.length) return;
    const yearAt = m[4] ? m[0].lastIndexOf(m[4]) : m[0].length;
    addYear(m, m[4]);
    sink.add(m.index, m.index + yearAt, md);
  });
  sink.each(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:(?:\s+năm\s+|\s*[/,]\s*)(\d{4}))?/giu, (m) => {
    addYear(m, m[3]);
    sink.add(
      m.index,
      m.index + (m[3] ? m[0].lastIndexOf(m[3]) : m[0].length),
      monthDay(Number(m[2]), Number(m[1])),
    );
  });
  sink.each(
    /tháng\s+(\d{1,2}|mười một|mười hai|giêng|chạp|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\d])(?:(?:\s*[/-]\s*|\s+năm\s+)(\d{4}))?/giu,
    (m) => {
      const key = m[1]!.toLowerCase();
      const month = /\d/u.test(key) ? Number(key) : MONTH_WORDS[key]!;
      if (month < 1 || month > 12) return;
      addYear(m, m[2]);
      sink.add(m.index, m.index + (m[2] ? m[0].lastIndexOf(m[2]) : m[0].length), [{ k: 'month', m: month }]);
    },
  );
  sink.each(/ngày\s+(\d{1,2})(?![\d/.,])/giu, (m) => {
    const d = Number(m[1]);
    if (d >= 1 && d <= 31) sink.add(m.index, m.index + m[0].length, [{ k: 'day', d }, num(d)]);
  });
  // thứ Hai … thứ Bảy, Chủ nhật; "thứ 4" is Wednesday or "the fourth".
  sink.each(/thứ\s+(2|3|4|5|6|7|hai|ba|tư|năm|sáu|bảy)(?![\p{L}\d])|chủ\s+nhật/giu, (m) => {
    const n = m[1] ? (/\d/u.test(m[1]) ? Number(m[1]) : MONTH_WORDS[m[1].toLowerCase()]!) : 0;
    // thứ Hai is Monday (the second day of the week counted from Sunday), Chủ nhật is Sunday.
    sink.add(
      m.index,
      m.index + m[0].length,
      n ? [{ k: 'wd', w: n - 1 }, num(n, 'ord')] : [{ k: 'wd', w: 7 }],
    );
  });
}

// âm 7 (minus 7), −7, -7; not the hyphen of a range or a score (1-1, 6-2), which follows a digit.
const MINUS = /(?:(?<!\p{L})âm\s|(?:^|[\s(])[-−])$/iu;

const PART_OF_DAY = '(sáng|trưa|chiều|tối|đêm)';
function vietnameseTimes(sink: MentionSink): void {
  const half = (p: string | undefined, h: number) =>
    !p ? null : /sáng/iu.test(p) ? 'am' : /trưa/iu.test(p) ? (h === 12 ? null : h < 6 ? 'pm' : 'am') : 'pm';
  sink.each(
    new RegExp(
      `(?<![\\d.,])(\\d{1,2})\\s?(?:h|giờ|g)\\s?(\\d{1,2})?(?:\\s?phút)?(?![\\p{L}\\d])(?:\\s+(?:${PART_OF_DAY.slice(1, -1)}))?|(?<![\\d.,])(\\d{1,2})\\s?(?:h|giờ)\\s?(\\d{2})?(?=\\s|$|[,.;)])`,
      'giu',
    ),
    (m) => {
      const h = Number(m[1] ?? m[4]);
      const min = Number(m[2] ?? m[5] ?? 0);
      const part = /(sáng|trưa|chiều|tối|đêm)\s*$/iu.exec(m[0])?.[1];
      const alts = timeOfDay(h, min, half(part, h));
      // "2 giờ" may be a duration (two hours): then it is a plain count.
      if (!m[2] && !part && /giờ/iu.test(m[0])) alts.push(num(h));
      sink.add(m.index, m.index + m[0].length, alts);
    },
  );
  sink.each(/(?<![\d.,])(\d{1,2}):(\d{2})(?!\d)/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), Number(m[2]), null)),
  );
}

const DIGIT_WORDS: Record<string, number> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};
const SCALES = '(?:\\s(?:nghìn|ngàn)\\s(?:tỷ|tỉ)|\\s(?:trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ))(?![\\p{L}])';

const UNIT_AFTER: Array<[RegExp, NumUnit]> = [
  // "điểm" alone is an index point or a score, not a percentage point: a plain count.
  [/^\s?(?:điểm\s+phần\s+trăm|điểm\s?%|%\s?p\b)/iu, 'pp'],
  [/^\s?(?:%|phần\s+trăm)/iu, '%'],
  [/^\s?(?:lần)\b/iu, 'x'],
];

function unitAfter(rest: string): [NumUnit, number] {
  for (const [re, u] of UNIT_AFTER) {
    const hit = re.exec(rest);
    if (hit) return [u, hit[0].length];
  }
  return ['', 0];
}

function scaleOf(words: string): number {
  return words
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .reduce((f, w) => f * (VIETNAMESE_SCALE[w] ?? 1), 1);
}

function vietnameseNumbers(sink: MentionSink): void {
  // 500.000 | 12,5 | 1.200 | 2.5 (English-style decimal, seen in Vietnamese web copy) and a scale word.
  const re = new RegExp(
    `(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?(?:\\.(\\d{1,2})(?![\\d]))?((?:${SCALES})+)?`,
    'giu',
  );
  sink.each(re, (m) => {
    const int = m[1]!.replace(/\./gu, '');
    const frac = m[2] ?? m[3];
    let value = Number(frac ? `${int}.${frac}` : int);
    let ulp = frac ? 10 ** -frac.length : 0;
    const alts = [];
    if (m[4]) {
      const f = scaleOf(m[4]);
      value *= f;
      ulp = (ulp || 1) * f;
    }
    const end = m.index + m[0].length;
    const [u, len] = unitAfter(sink.text.slice(end, end + 20));
    if (MINUS.test(sink.original.slice(Math.max(0, m.index - 5), m.index))) value = -value;
    alts.push({ k: 'n' as const, v: value, u, ulp });
    // 1,234 written English-style in a Vietnamese text: also read as 1234.
    if (m[2]?.length === 3 && !m[3])
      alts.push({ k: 'n' as const, v: Number(`${int}${m[2]}`) * (m[4] ? scaleOf(m[4]) : 1), u });
    sink.add(m.index, end + len, alts);
  });
  vietnameseNumberWords(sink);
}

const WORD =
  '(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ|nghìn|ngàn|triệu|tỷ|tỉ|rưỡi|nửa)';
// "năm" is also "year", "ba" also a name/title, "một" also the article "a": such words are weak mentions.
const NOT_A_NUMBER_AFTER = /^\s+(?:nay|ngoái|tới|sau|trước|qua|đó|này|ấy|kia|học|tài|mới|nào|\d)/iu;

const VI_COUNTED_NOUN =
  /^\s+(?:người|chiếc|con|ca|vụ|căn|ngôi|quốc gia|nước|tỉnh|công ty|doanh nghiệp|tàu|hộ|gia đình|bệnh nhân|nạn nhân|học sinh|cầu thủ)(?![\p{L}])/iu;

function vietnameseNumberWords(sink: MentionSink): void {
  sink.each(new RegExp(`(?<![\\p{L}])${WORD}(?:\\s${WORD})*(?![\\p{L}])`, 'giu'), (m) => {
    const all = m[0].toLowerCase().split(/\s+/u);
    // Two digit words in a row are two things (hai năm = two years, một nửa năm = half a year): keep the first.
    const cut = all.findIndex(
      (w, k) =>
        k > 0 &&
        w in DIGIT_WORDS &&
        w !== 'lăm' &&
        w !== 'mốt' &&
        (all[k - 1]! in DIGIT_WORDS || all[k - 1] === 'nửa'),
    );
    const words = cut > 0 ? all.slice(0, cut) : all;
    const end = m.index + (cut > 0 ? m[0].split(/\s+/u).slice(0, cut).join(' ').length : m[0].length);
    // "năm" after a number (29 năm) or before nay/ngoái/tới… is the year, not five.
    if (
      words.length === 1 &&
      words[0] === 'năm' &&
      (NOT_A_NUMBER_AFTER.test(sink.original.slice(end, end + 8)) ||
        /\d\s*$/u.test(sink.original.slice(Math.max(0, m.index - 3), m.index)))
    )
      return;
    const value = wordsValue(words);
    if (value === null) return;
    const [u, len] = unitAfter(sink.text.slice(end, end + 20));
    // Before a counted noun (ba người, năm chiếc) ba and năm are numbers, not a name or the year.
    const counts =
      /^(?:ba|năm)$/u.test(words[0]!) && VI_COUNTED_NOUN.test(sink.original.slice(end, end + 16));
    const weak =
      words.length === 1 &&
      !counts &&
      ['một', 'năm', 'ba', 'tư', 'nửa', 'mốt', 'lăm', 'không'].includes(words[0]!);
    sink.add(m.index, end + len, [num(value, u)], { weak });
  });
  // "đứng đầu", "dẫn đầu" for 1위: weak, as "top" in English.
  sink.each(/(?:đứng|dẫn)\s+đầu/giu, (m) =>
    sink.add(m.index, m.index + m[0].length, [num(1, 'ord')], { weak: true }),
  );
  sink.each(/gấp\s+(đôi|rưỡi|ba|bốn|năm|mười)|tăng\s+gấp\s+đôi/giu, (m) => {
    const w = m[1]?.toLowerCase() ?? 'đôi';
    const v = w === 'đôi' ? 2 : w === 'rưỡi' ? 1.5 : (DIGIT_WORDS[w] ?? 10);
    sink.add(m.index, m.index + m[0].length, [num(v, 'x')]);
  });
}

/** The value of a run of Vietnamese number words (hai mươi lăm, ba trăm nghìn, một triệu rưỡi, nửa triệu). */
function wordsValue(words: string[]): number | null {
  let total = 0;
  let section = 0;
  let current = 0;
  let seenDigit = false;
  let lastScale = 0;
  for (const w of words) {
    if (w in DIGIT_WORDS) {
      current = DIGIT_WORDS[w]!;
      seenDigit = true;
    } else if (w === 'mười') {
      section += 10;
      seenDigit = true;
    } else if (w === 'mươi') {
      section += (current || 1) * 10;
      current = 0;
    } else if (w === 'linh' || w === 'lẻ') continue;
    else if (w === 'nửa') {
      current = 0.5;
      seenDigit = true;
    } else if (w === 'rưỡi') {
      // một triệu rưỡi = 1.5 million; hai trăm rưỡi = 250
      total += (lastScale || 1) * 0.5;
    } else if (w === 'trăm') {
      section += (current || 1) * 100;
      current = 0;
    } else {
      const f = VIETNAMESE_SCALE[w]!;
      total = (total + section + current || 1) * f;
      section = 0;
      current = 0;
      lastScale = f;
    }
  }
  if (!seenDigit) return null;
  return total + section + current;
}
