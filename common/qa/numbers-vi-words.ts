import type { NumUnit } from './types';
import { num, type MentionSink } from './values';
import { VIETNAMESE_SCALE } from './count-words';

/**
 * Vietnamese numbers in words (hai mươi lăm, ba trăm nghìn, một triệu rưỡi, nửa triệu, gấp đôi), and what a number
 * is followed by (%, điểm phần trăm, lần). Words that are also something else (năm: year; ba: a name; một: the
 * article) are weak unless a counted noun follows.
 */

export const DIGIT_WORDS: Record<string, number> = {
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

const UNIT_AFTER: Array<[RegExp, NumUnit]> = [
  // "điểm" alone is an index point or a score, not a percentage point: a plain count.
  [/^\s?(?:điểm\s+phần\s+trăm|điểm\s?%|%\s?p\b)/iu, 'pp'],
  [/^\s?(?:%|phần\s+trăm)/iu, '%'],
  [/^\s?(?:lần)\b/iu, 'x'],
];

export function unitAfter(rest: string): [NumUnit, number] {
  for (const [re, u] of UNIT_AFTER) {
    const hit = re.exec(rest);
    if (hit) return [u, hit[0].length];
  }
  return ['', 0];
}

const WORD =
  '(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ|nghìn|ngàn|triệu|tỷ|tỉ|rưỡi|nửa)';
// "năm" is also "year", "ba" also a name/title, "một" also the article "a": such words are weak mentions.
const NOT_A_NUMBER_AFTER = /^\s+(?:nay|ngoái|tới|sau|trước|qua|đó|này|ấy|kia|học|tài|mới|nào|\d)/iu;

const VI_COUNTED_NOUN =
  /^\s+(?:người|chiếc|con|ca|vụ|căn|ngôi|quốc gia|nước|tỉnh|công ty|doanh nghiệp|tàu|hộ|gia đình|bệnh nhân|nạn nhân|học sinh|cầu thủ)(?![\p{L}])/iu;

export function vietnameseNumberWords(sink: MentionSink): void {
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
    if (cut > 0) pairedCount(sink, m, all, cut);
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

/** Nouns a pair of digit words counts (bốn năm tiếng, ba bốn công ty); dimensions.ts reads năm before them as five. */
export const PAIR_NOUNS =
  'tiếng|giờ|phút|giây|tuổi|ngày|tuần|tháng|năm|lần|người|chiếc|quả|cái|con|xe|vụ|nơi|trận|bàn|ca|căn|hộ|tàu|bước|loại|cuộc|đợt|công ty|doanh nghiệp|quốc gia|nước|tỉnh|gia đình|bệnh nhân|nạn nhân|học sinh|cầu thủ|ngôi|chuyến|bài|tên lửa|phát';
const PAIR_NOUN = new RegExp(`^\\s+(?:${PAIR_NOUNS})(?!\\p{L})`, 'iu');

/**
 * Two neighbouring digit words before a counted noun are a vague count (một hai lần, hai ba tháng, bốn năm tiếng:
 * one or two, two or three, four or five): the second is a number of its own. Not otherwise: hai năm is two years,
 * bốn năm qua the past four years.
 */
function pairedCount(sink: MentionSink, m: RegExpExecArray, all: string[], cut: number): void {
  if (cut !== all.length - 1) return;
  const a = DIGIT_WORDS[all[cut - 1]!];
  const b = DIGIT_WORDS[all[cut]!];
  if (a === undefined || b === undefined || b - a !== 1) return;
  const end = m.index + m[0].length;
  if (PAIR_NOUN.test(sink.original.slice(end, end + 16))) sink.add(end - all[cut]!.length, end, [num(b)]);
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
