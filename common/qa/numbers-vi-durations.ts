import { monthDay, num, type MentionSink } from './values';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * A duration is its parts (4 giờ 12 phút, 1 phút 44 giây 75), as Korean writes them (4시간 12분, 1분44초75); "N giờ
 * M phút" after lúc/vào/từ/đến is a time of day and left to the time parser. Quarters: quý I … quý IV.
 */
export function vietnameseDurations(sink: MentionSink): void {
  sink.each(
    /(?<![\d.,])(\d+)\s?(giờ|phút)\s?(\d+)\s?(phút|giây)(?:\s?(\d+)(?:\s?giây)?(?![\d\p{L}]))?(?!\s+(?:sáng|trưa|chiều|tối|đêm))/giu,
    (m) => {
      const before = sink.original.slice(Math.max(0, m.index - 8), m.index);
      if (m[2] === 'giờ' && m[4] === 'phút' && !m[5] && /(?:lúc|vào|từ|đến|tới|trước|sau)\s*$/iu.test(before))
        return;
      let at = m.index;
      for (const part of [m[1], m[3], m[5]]) {
        if (!part) continue;
        at = m[0].indexOf(part, at - m.index) + m.index;
        sink.add(at, at + part.length, [num(Number(part))]);
        at += part.length;
      }
    },
  );
  sink.each(/quý\s+(IV|III|II|I)(?![\p{L}\d])/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, [num(ROMAN[m[1]!]!, 'ord')]),
  );
}

/**
 * "ngày 10-11" is 10 November or the 10th and 11th (10∼11일): the first number reads as the date and as a day, the
 * second is a weak day of its own (it may be matched, never reported). Only a hyphen and two close days; a slash
 * (10/11) is a date.
 */
export function vietnameseDayRanges(sink: MentionSink): void {
  sink.each(/ngày\s+(\d{1,2})\s?-\s?(\d{1,2})(?![\d/-])(?!\.\d)/giu, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b <= a || b - a > 6 || b > 31) return;
    const second = m.index + m[0].lastIndexOf(m[2]!);
    sink.add(m.index, second, [...monthDay(b, a), { k: 'day', d: a }, num(a)]);
    sink.add(second, second + m[2]!.length, [{ k: 'day', d: b }, num(b)], { weak: true });
  });
}
