import { num, timeOfDay, type MentionSink } from './values';

const PART_OF_DAY = '(sáng|trưa|chiều|tối|đêm)';

/** Times of day in Vietnamese: 14h30, 14 giờ 30, 14:30, 2 giờ chiều, 8 giờ 15 phút sáng, 3 giờ rưỡi chiều. */
export function vietnameseTimes(sink: MentionSink): void {
  const half = (p: string | undefined, h: number) =>
    !p ? null : /sáng/iu.test(p) ? 'am' : /trưa/iu.test(p) ? (h === 12 ? null : h < 6 ? 'pm' : 'am') : 'pm';
  // 3 giờ rưỡi chiều: half past three in the afternoon.
  sink.each(new RegExp(`(?<![\\d.,])(\\d{1,2})\\s?giờ\\s+rưỡi(?:\\s+${PART_OF_DAY})?`, 'giu'), (m) =>
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), 30, half(m[2], Number(m[1])))),
  );
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
