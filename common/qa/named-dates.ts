import type { MentionSink } from './values';
import { monthDay } from './values';

/**
 * Events named after their date with a middle dot: 3·1절 (the March 1 holiday), 6·25 전쟁 (the Korean War),
 * 5·18 민주화운동, 4·19 혁명, 9·19 군사합의, 12·12 사태. A translation says the date (March 1, 1/3) or only the
 * name (the Korean War, the Gwangju Uprising): the date is read as one month/day value, weak (it may be matched,
 * and is never reported missing). 1·2심 (first and second trials), 3·4분기, 5·6월, 1·2위 are pairs of numbers and
 * are left to the number parser.
 */
export function koreanEventDates(sink: MentionSink): void {
  sink.each(
    /(?<![\d.·ㆍ・])(\d{1,2})[·ㆍ・](\d{1,2})(?![\d·ㆍ・])(?=\s*(?:절|전쟁|운동|민주|혁명|사태|선언|합의|참사|항쟁|군사|계엄|사건|공동|남북|정상|특별|기념|정신|대책|조치|경축|광복|특사|사면|담화|연휴|행사|추념|추모|유공|참전)|\s*['"’”」)]|\s*$)/gu,
    (m) => {
      const md = monthDay(Number(m[1]), Number(m[2]));
      if (md.length) sink.add(m.index, m.index + m[0].length, md, { weak: true });
    },
  );
}
