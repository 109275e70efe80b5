import { withDimensions } from './dimensions';
import { compoundDurations } from './durations';
import { numberForms } from './number-forms';
import { vagueAmounts } from './vague';
import { maskProtected } from './protected';
import { relativeTimes } from './relative';
import type { Mention } from './types';
import { vietnameseDayRanges, vietnameseDurations } from './numbers-vi-durations';
import { vietnameseTimes } from './numbers-vi-times';
import { unitAfter, vietnameseNumberWords } from './numbers-vi-words';
import { MentionSink, monthDay, num } from './values';
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

const SCALES = '(?:\\s(?:nghìn|ngàn)\\s(?:tỷ|tỉ)|\\s(?:trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ))(?![\\p{L}])';

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
