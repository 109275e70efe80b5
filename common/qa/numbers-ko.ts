import { withDimensions } from './dimensions';
import { koreanEventDates } from './named-dates';
import { compoundDurations } from './durations';
import { numberForms } from './number-forms';
import { vagueAmounts } from './vague';
import { koreanForms, withPercentBands } from './korean-forms';
import { halfOfDay, nativeHours } from './native-hours';
import { nativeNumerals } from './native-numerals';
import { withGrowthPercent } from './multiples';
import { maskProtected } from './protected';
import { relativeTimes } from './relative';
import type { Mention, NumUnit } from './types';
import { MentionSink, monthDay, num, timeOfDay } from './values';
import { KOREAN_NATIVE } from './count-words';

/**
 * What this does not know: units before the number (초속 45m reads the m after it), golf scores (12언더파 is a
 * plain 12), and a number glued to a word is taken as part of a name (a note at most). Native numerals are read in
 * korean-forms.ts (두 달, 세 차례) and native-numerals.ts (스무 살, 서너 시간).
 *
 * Values in Korean news text: digits with 만/억/조 and 천/백/십 (2천 대, 3만5천 톤, 1조 2천억 원, 3억5천만 원),
 * percentages and percentage points, 배, ordinals (1단계, 4차), dates (2022.08.04., 2022년 8월 4일, 8월, 3일) and
 * times (오후 2시30분). Digits inside links and e-mail addresses are not values: those are checked verbatim.
 */
export function koreanValues(text: string): Mention[] {
  const sink = new MentionSink(maskProtected(text));
  // Korean values here are all written with digits (정오 aside).
  relativeTimes(sink, 'ko');
  koreanWords(sink);
  nativeHours(sink);
  nativeNumerals(sink);
  koreanForms(sink);
  numberForms(sink, 'ko');
  vagueAmounts(sink, 'ko');
  compoundDurations(sink, 'ko');
  sink.each(/([월화수목금토일])요일/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, [{ k: 'wd', w: '월화수목금토일'.indexOf(m[1]!) + 1 }]),
  );
  if (!/\d/u.test(sink.text)) {
    sink.each(/정오/gu, (m) => sink.add(m.index, m.index + 2, [{ k: 'time', min: 720 }]));
    return sink.sorted();
  }
  koreanEventDates(sink);
  koreanDates(sink);
  koreanTimes(sink);
  koreanSpecial(sink);
  koreanNumbers(sink);
  return withPercentBands(withGrowthPercent(withDimensions(sink.sorted(), text, 'ko'), text), text);
}

const year = (y: string) => num(Number(y));

function koreanDates(sink: MentionSink): void {
  // 2022.08.04. / 2022. 8. 4 / 2022-08-04 / 2022/8/4: the newswire date stamp.
  sink.each(/(?<!\d)(\d{4})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d)\.?/gu, (m) => {
    const md = monthDay(Number(m[3]), Number(m[4]));
    if (!md.length) return;
    const at = m.index;
    sink.add(at, at + 4, [year(m[1]!)], { year: true });
    sink.add(at + 4, at + m[0].length, md);
  });
  sink.each(/(?<!\d)(?:(\d{4})년\s?)?(\d{1,2})월\s?(\d{1,2})일(?!\s?(?:간|동안))/gu, (m) => {
    const md = monthDay(Number(m[2]), Number(m[3]));
    if (!md.length) return;
    const at = m.index;
    const yearEnd = m[1] ? m[0].indexOf('년') + 1 : 0;
    if (m[1]) sink.add(at, at + yearEnd, [year(m[1])], { year: true });
    sink.add(at + yearEnd, at + m[0].length, md);
  });
  // 1~10월 (January to October) is as often "the first 10 months" (10 tháng đầu năm): the closing month also
  // reads as a span of months, the opening 1 as "first".
  sink.each(/(?<![\d.])1(월)?\s?(?:[~∼〜-]|부터)\s?(\d{1,2})월(?!\s?\d{1,2}일)/gu, (m) => {
    const n = Number(m[2]);
    if (n < 2 || n > 12) return;
    const closing = m.index + m[0].lastIndexOf(`${m[2]}월`);
    // Weak: "10 tháng đầu năm" says the 1 with a word (đầu, the start), not a value.
    sink.add(m.index, m.index + (m[1] ? 2 : 1), [{ k: 'month', m: 1 }, num(1, 'ord')], { weak: true });
    sink.add(closing, m.index + m[0].length, [
      { k: 'month', m: n },
      { k: 'n', v: n, u: '', dim: 'month' },
    ]);
  });
  sink.each(/(?<![\d.])(\d{1,2})월(?!\s?\d{1,2}일)/gu, (m) => {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) sink.add(m.index, m.index + m[0].length, [{ k: 'month', m: month }]);
  });
  sink.each(/(?<![\d.])(\d{1,2})일(?!\s?(?:간|동안|째))/gu, (m) => {
    const d = Number(m[1]);
    if (d >= 1 && d <= 31) sink.add(m.index, m.index + m[0].length, [{ k: 'day', d }]);
  });
  sink.each(/(?<![\d.,])(\d{4})년(?!\s?(?:간|동안|째))/gu, (m) => {
    sink.add(m.index, m.index + 4, [year(m[1]!)], { year: true });
  });
}

function koreanTimes(sink: MentionSink): void {
  sink.each(
    /(오전|오후|새벽|아침|저녁|밤|낮)?\s?(?<![\d.])(\d{1,2})시(?!간|대|장|민|청|의회)(?:\s?(\d{1,2})분)?(\s?반)?/gu,
    (m) => {
      const h = Number(m[2]);
      const min = m[4] ? 30 : Number(m[3] ?? 0);
      // 낮 12시 is noon, 낮 2시 is 14:00.
      const half = halfOfDay(m[1], h);
      sink.add(m.index, m.index + m[0].length, timeOfDay(h, min, half));
    },
  );
  sink.each(/(?<![\d.])(\d{1,2}):(\d{2})(?!\d)/gu, (m) => {
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), Number(m[2]), null));
  });
  sink.each(/정오/gu, (m) => sink.add(m.index, m.index + 2, [{ k: 'time', min: 720 }]));
}

const SMALL: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };
const BIG: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
// The last group may carry the decimal (1천382.5원, an exchange rate; 2천512.67, an index level).
const SECTION = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[천백십](?:\d+(?:\.\d+)?(?![\d.,]))?)*/y;

/** End of the Korean numeral that starts at `i` (digits, then any 천/백/십 and 만/억/조 groups). */
function numeralEnd(s: string, i: number): number {
  SECTION.lastIndex = i;
  const first = SECTION.exec(s);
  if (!first) return i;
  let p = i + first[0].length;
  while (s[p] !== undefined && BIG[s[p]!]) {
    p++;
    const q = s[p] === ' ' ? p + 1 : p;
    SECTION.lastIndex = q;
    const next = SECTION.exec(s);
    if (!next) break;
    const end = q + next[0].length;
    if (s[end] !== undefined && BIG[s[end]!]) p = end;
    else {
      // 3만5천, 3만5000: a lower group without its own big unit belongs to this number only when it is glued on
      // or carries 천/백/십; "10억 2025년" is two numbers.
      if (/[천백십]/u.test(next[0]) || q === p) p = end;
      break;
    }
  }
  return p;
}

/** The value of a Korean numeral such as `1조 2천억`, `3억5천만`, `3만5천`, `4,500억`. */
export function koreanNumeralValue(raw: string): number {
  let total = 0;
  let section = 0;
  let current: number | null = null;
  for (const t of raw.match(/\d[\d,]*(?:\.\d+)?|[천백십만억조]/gu) ?? []) {
    if (/\d/u.test(t)) current = Number(t.replace(/,/gu, ''));
    else if (SMALL[t]) {
      section += (current ?? 1) * SMALL[t];
      current = null;
    } else {
      section += current ?? 0;
      total += (section || 1) * BIG[t]!;
      section = 0;
      current = null;
    }
  }
  return total + section + (current ?? 0);
}

const SUFFIX: Array<[RegExp, NumUnit]> = [
  [/^\s?(?:%\s?p|%\s?포인트|퍼센트\s?포인트|%포인트)/u, 'pp'],
  [/^\s?(?:%|퍼센트|프로(?!그|젝|모|세|듀|필|파|스|야|펠))/u, '%'],
  [/^배(?!터|달|경|송|우|추|치|려|제|출|상|분|정|당|열|포|후|임|심|구|럭|럴|출|기)/u, 'x'],
  [
    /^(?:번째|단계|차(?!례|량|관|로|별|이|선|원|세|기)|위(?!원|해|한|기|치|반|상|험|성|협|안)|분기|회(?!의|사|장|원|견|담|복|계|관)|호기|기(?=\s))/u,
    'ord',
  ],
];

// Counters of people and things (1명, 1곳, 1척, 1마리): a lone 1 before them is a count of one.
const COUNTER = /^\s?(?:명|곳|척|마리|채|가구|개국|개사|그루|건(?!물|설|강|의|너)|대(?![가-힣]))/u;

function koreanNumbers(sink: MentionSink): void {
  const s = sink.text;
  for (const m of [...s.matchAll(/\d/gu)]) {
    const i = m.index;
    if (sink.text[i] === ' ' || (i > 0 && /[\d.,]/u.test(s[i - 1]!))) continue;
    const end = numeralEnd(s, i);
    if (end <= i) continue;
    const raw = s.slice(i, end);
    if (/[.,]$/u.test(raw)) continue;
    const rest = s.slice(end, end + 8);
    let unit: NumUnit = '';
    let suffixLen = 0;
    for (const [re, u] of SUFFIX) {
      const hit = re.exec(rest);
      if (hit) {
        unit = u;
        suffixLen = hit[0].length;
        break;
      }
    }
    // A lone 1 (1년 새, 1인당, 1심, 1위) is as often rendered as an article or a word ("in a year", "per person",
    // "the first trial", "top"): it may be matched but is never reported missing.
    const weak = raw === '1' && unit === '';
    const counted = weak && COUNTER.test(rest);
    const sign = /영하\s?$/u.test(s.slice(Math.max(0, i - 4), i)) ? -1 : 1;
    const minus = /(?:^|[\s(])[-−]$/u.test(s.slice(Math.max(0, i - 2), i));
    const nameLike =
      i > 0 && /[가-힣A-Za-z]/u.test(s[i - 1]!) && !/^[가-힣]*(?:명|원|개|건|곳|대|%)/u.test(rest);
    const v = sign * koreanNumeralValue(raw);
    // -3.2% is "fell 3.2 percent" as often as "-3,2%": both readings.
    const alts = minus ? [num(-v, unit), num(v, unit)] : [num(v, unit)];
    sink.add(minus ? i - 1 : i, end + suffixLen, alts, {
      ...(weak ? { weak } : {}),
      ...(counted ? { counted } : {}),
      ...(nameLike ? { nameLike } : {}),
    });
  }
}

const DAYS: Record<string, number> = {
  하루: 1,
  이틀: 2,
  사흘: 3,
  나흘: 4,
  닷새: 5,
  엿새: 6,
  이레: 7,
  열흘: 10,
};

function koreanWords(sink: MentionSink): void {
  sink.each(
    /(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?배(?![가-힣])|(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?배(?=[로는가에를의보나])/gu,
    (m) => {
      const w = m[1] ?? m[2]!;
      sink.add(m.index, m.index + m[0].length, [num(KOREAN_NATIVE[w]!, 'x')], { weak: w === '한' });
    },
  );
  sink.each(
    /(?<![가-힣])(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?번째|(?<![가-힣])(첫|둘|셋|넷)째/gu,
    (m) => {
      const w = m[1] ?? m[2]!;
      sink.add(m.index, m.index + m[0].length, [num(KOREAN_NATIVE[w]!, 'ord')], { weak: w === '첫' });
    },
  );
  sink.each(/절반/gu, (m) => sink.add(m.index, m.index + 2, [num(0.5, 'x')]));
  // 상반기/하반기, the first/second half of the year: "the first half", "H2", "6 tháng đầu năm", "nửa cuối năm".
  sink.each(/(상|하)반기/gu, (m) =>
    sink.add(
      m.index,
      m.index + 3,
      [num(m[1] === '상' ? 1 : 2, 'ord'), { k: 'n', v: 6, u: '', dim: 'month' }],
      {
        weak: true,
      },
    ),
  );
  // Native day counts: 이틀 (2 days), 사흘 (3), 나흘 (4), 닷새, 엿새, 이레, 열흘; 하루 may be "a day".
  sink.each(/(?<![가-힣])(하루|이틀|사흘|나흘|닷새|엿새|이레|열흘)(?=간|째|\s|$|[가-힣])/gu, (m) => {
    const n = DAYS[m[1]!]!;
    sink.add(m.index, m.index + m[1]!.length, [num(n)], { weak: n === 1 });
  });
}

/**
 * Readings digits alone would get wrong: 8m12 (a jump, 8.12 m), 24학번 (students who entered in 2024), 2,600선
 * (an index level, "the 2,600 mark").
 */
function koreanSpecial(sink: MentionSink): void {
  sink.each(/(?<![\d.])(\d{1,2})m(\d{2})(?!\d)/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, [num(Number(`${m[1]}.${m[2]}`))]),
  );
  // 후반 15분: the 15th minute of the second half, which English and Vietnamese give as the 60th minute.
  sink.each(/(전반|후반)\s?(\d{1,2})분/gu, (m) => {
    const n = Number(m[2]);
    const at = m.index + m[0].indexOf(m[2]!);
    sink.add(at, at + m[2]!.length, m[1] === '후반' ? [num(n), num(45 + n)] : [num(n)]);
  });
  sink.each(/(?<![\d.])(\d{2})학번/gu, (m) =>
    sink.add(m.index, m.index + 2, [num(2000 + Number(m[1]))], { year: true }),
  );
}
