import type { Mention } from './types';
import type { MentionSink } from './values';
import { num } from './values';
import { KOREAN_NATIVE } from './count-words';

/**
 * Korean number forms the digit parser does not read:
 * - fractions (3분의 1, 4분의 1, 3분의 2): the denominator is the mention and reads as itself (one in three, một
 *   phần ba), as the fraction (a third, two-thirds) and as a percent (25 percent); the numerator is weak;
 * - emergency numbers and court instances (112 신고, 119 구급대, 2심: weak), terms with a number (2차전지, 1차 산업: weak) and age groups glued together (2030세대: 20 and 30);
 * - native numerals before a counter (두 달, 석 달, 세 차례, 네 명, 한 해, 세 시간): two months, three times, four
 *   people, three hours;
 *   한 (one, "a") is weak, as a lone 1 is.
 *
 * Native numerals above 열 (스무, 서른) and 한두/서너 (one or two, three or four) are read in native-numerals.ts.
 */
export function koreanForms(sink: MentionSink): void {
  sink.each(/(?<![\d.])(\d{1,2})\s?분의\s?(\d{1,2})(?![\d.])/gu, (m) => {
    const d = Number(m[1]);
    const n = Number(m[2]);
    if (!d || n >= d) return;
    const at = m.index + m[0].lastIndexOf(m[2]!);
    sink.add(m.index, m.index + m[1]!.length, [
      num(d),
      num(n / d),
      { k: 'n', v: (100 * n) / d, u: '%', ulp: 1 },
    ]);
    sink.add(at, at + m[2]!.length, [num(n)], { weak: true });
  });
  // 2차전지 (a rechargeable battery), 1차 산업 (primary industry): terms, not ordinals a translation must repeat.
  sink.each(/(?<![\d.])([1-3])차\s?(?=전지|산업)/gu, (m) =>
    sink.add(m.index, m.index + m[1]!.length, [num(Number(m[1]), 'ord')], { weak: true }),
  );
  // 112 신고 (a call to the police), 119 구급대 (paramedics), 2심 (the appeals court): a service or a court, which
  // translations name without the number.
  sink.each(/(?<![\d.])(?:112|119)(?=\s?(?:신고|구급|구조|상황|종합|소방|에\s|로\s|로$|번))/gu, (m) =>
    sink.add(m.index, m.index + 3, [num(Number(m[0]))], { weak: true }),
  );
  sink.each(/(?<![\d.])([1-3])심(?![사판장리각야화혈정경층])/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, [num(Number(m[1]), 'ord')], { weak: true }),
  );
  // 2030세대 (people in their 20s and 30s), 5060 남성: two decades of age glued together, not a year.
  sink.each(
    /(?<![\d.])([1-9]0)([1-9]0)(?=\s?(?:세대|대(?![가-힣])|층|청년|남성|여성|남녀|직장인))/gu,
    (m) => {
      if (Number(m[2]) <= Number(m[1])) return;
      sink.add(m.index, m.index + 2, [num(Number(m[1]))]);
      sink.add(m.index + 2, m.index + 4, [num(Number(m[2]))]);
    },
  );
  sink.each(NATIVE_COUNT, (m) => {
    const n = KOREAN_NATIVE[m[1]!]!;
    const dim = m[2] === '달' ? 'month' : m[2] === '해' ? 'year' : m[2] === '시간' ? 'hour' : undefined;
    sink.add(m.index, m.index + m[0].length, [{ k: 'n', v: n, u: '', ...(dim ? { dim } : {}) }], {
      ...(n === 1 ? { weak: true } : {}),
    });
  });
}

const NATIVE_COUNT =
  /(?<![가-힣])(한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)\s?(달|해|시간|차례|번(?![째지호])(?!\s?다시)|명|곳|개(?![가-힣]{2})|가지|척|마리|그루|군데)(?=$|[\s,.)]|[이가은는을를의에도과와로만째씩간])/gu;

/** 30%대 (in the 30 percent range) is "the low 30s" as often as "30 percent": the band also reads as a number. */
export function withPercentBands(mentions: Mention[], text: string): Mention[] {
  for (const m of mentions) {
    const a = m.alts[0]!;
    if (a.k === 'n' && a.u === '%' && /^대/u.test(text.slice(m.end, m.end + 1)))
      m.alts = [...m.alts, num(a.v)];
  }
  return mentions;
}
