import { withDimensions } from './dimensions';
import { compoundDurations } from './durations';
import { numberForms } from './number-forms';
import { vagueAmounts } from './vague';
import { maskProtected } from './protected';
import { relativeTimes } from './relative';
import type { Mention, NumUnit, Val } from './types';
import { MentionSink, monthDay, num, parseDigits, timeOfDay } from './values';

/**
 * Values in English: 500,000; 12.5%; 1.2 trillion; half a million; number words; Aug. 4, 2022; 4 August;
 * the 3rd; 2:30 p.m.; 14:30; noon; ordinals (1st, first); twice.
 */
export function englishValues(text: string): Mention[] {
  const sink = new MentionSink(maskProtected(text));
  relativeTimes(sink, 'en');
  numberForms(sink, 'en');
  vagueAmounts(sink, 'en');
  compoundDurations(sink, 'en');
  englishDates(sink);
  raceTimes(sink);
  englishTimes(sink);
  englishNumbers(sink);
  return withDimensions(sink.sorted(), text, 'en');
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// Month names are capitalised in English; that keeps "may" and "march" the verbs out.
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])';
const monthOf = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()]!;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/gu;

function englishDates(sink: MentionSink): void {
  const withYear = (m: RegExpExecArray, md: Val[], yearGroup: number) => {
    if (!md.length) return;
    const y = m[yearGroup];
    if (y) {
      const at = m.index + m[0].lastIndexOf(y);
      sink.add(at, at + 4, [num(Number(y))], { year: true });
    }
    sink.add(m.index, m.index + (y ? m[0].lastIndexOf(y) : m[0].length), md);
  };
  sink.each(new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'gu'), (m) =>
    withYear(m, monthDay(monthOf(m[1]!), Number(m[2])), 3),
  );
  sink.each(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4})\\b)?`, 'gu'),
    (m) => withYear(m, monthDay(monthOf(m[2]!), Number(m[1])), 3),
  );
  sink.each(/(?<![\d.])(\d{4})([./-])\s?(\d{1,2})\2\s?(\d{1,2})(?!\d)\.?/gu, (m) => {
    const md = monthDay(Number(m[3]), Number(m[4]));
    if (!md.length) return;
    sink.add(m.index, m.index + 4, [num(Number(m[1]))], { year: true });
    sink.add(m.index + 4, m.index + m[0].length, md);
  });
  // 8/4/2022 is 4 August in American and 8 April in British usage: keep both readings.
  sink.each(/(?<![\d./])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/gu, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const alts = [...monthDay(a, b), ...monthDay(b, a)];
    if (!m[3]) alts.push(num(a / b));
    withYear(m, alts, 3);
  });
  sink.each(new RegExp(`\\b(${MONTH})(?:,?\\s+(\\d{4})\\b)?`, 'gu'), (m) =>
    withYear(m, [{ k: 'month', m: monthOf(m[1]!) }], 2),
  );
  sink.each(/\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/gu, (m) => {
    const d = Number(m[1]);
    sink.add(m.index, m.index + m[0].length, [{ k: 'day', d }, num(d, 'ord')]);
  });
  sink.each(WEEKDAY, (m) =>
    sink.add(m.index, m.index + m[0].length, [{ k: 'wd', w: WEEKDAYS.indexOf(m[0].slice(0, 3)) + 1 }]),
  );
}

function englishTimes(sink: MentionSink): void {
  const half = (s: string | undefined) => (s ? (/^p/iu.test(s) ? 'pm' : 'am') : null);
  sink.each(/(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?/giu, (m) =>
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), Number(m[2] ?? 0), half(m[3]))),
  );
  sink.each(/(?<![\d.,])(\d{1,2}):(\d{2})(?!\d)(?:\s?(?:hrs|h)\b)?/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), Number(m[2]), null)),
  );
  sink.each(/(?<![\d.,])(\d{1,2})\s?o'clock/gu, (m) =>
    sink.add(m.index, m.index + m[0].length, timeOfDay(Number(m[1]), 0, null)),
  );
  sink.each(/\bnoon\b/giu, (m) => sink.add(m.index, m.index + 4, [{ k: 'time', min: 720 }]));
  sink.each(/\bmidnight\b/giu, (m) => sink.add(m.index, m.index + 8, [{ k: 'time', min: 0 }]));
}

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const SCALE: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mn: 1e6,
  bn: 1e9,
  tn: 1e12,
  k: 1e3,
  m: 1e6,
  b: 1e9,
};
const WORD_VALUE = new Map<string, number>([
  ...ONES.map((w, i) => [w, i] as [string, number]),
  ...TENS.flatMap((w, i) => (w ? [[w, i * 10] as [string, number]] : [])),
  ['dozen', 12],
]);
const WORD = `(?:${[...WORD_VALUE.keys()].join('|')})`;
const COUNT_WORDS = `${WORD}(?:[-\\s]${WORD})?`;
const SCALES = '(?:\\s?(?:hundred|thousand|million|billion|trillion)\\b|(?:mn|bn|tn|k|m|b)\\b)';

const UNIT_AFTER: Array<[RegExp, NumUnit]> = [
  // "points" alone are index points or a score, not percentage points: a plain count.
  [/^\s?(?:%\s?p(?:oints?)?\b|percentage[-\s]+points?|pp\b)/iu, 'pp'],
  [/^\s?(?:%|per\s?cent\b)/iu, '%'],
  [/^(?:-fold|\s?times\b|x\b)/iu, 'x'],
  [/^(?:st|nd|rd|th)\b/iu, 'ord'],
];

function unitAfter(rest: string): [NumUnit, number] {
  for (const [re, u] of UNIT_AFTER) {
    const hit = re.exec(rest);
    if (hit) return [u, hit[0].length];
  }
  return ['', 0];
}

function wordsValue(words: string): number {
  return words
    .toLowerCase()
    .split(/[-\s]+/u)
    .reduce((sum, w) => sum + (WORD_VALUE.get(w) ?? 0), 0);
}

function englishNumbers(sink: MentionSink): void {
  // Digits, optionally with a scale word: 500,000; 12.5; 1.2 trillion; $3bn; 500 thousand.
  sink.each(
    new RegExp(
      `(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(${SCALES}(?:\\s(?:hundred|thousand|million|billion))?)?`,
      'giu',
    ),
    (m) => {
      let value = parseDigits(m[1]! + (m[2] ?? ''), ',', '.');
      let ulp = m[2] ? 10 ** -(m[2].length - 1) : 0;
      // $3m, £2bn: a one-letter scale only after a currency sign; 200m is 200 meters.
      if (m[3] && /^[kmb]$/iu.test(m[3]) && !/[$£€¥₩]$/u.test(sink.text.slice(0, m.index))) {
        sink.add(m.index, m.index + m[0].length, [{ k: 'n', v: value, u: '', ulp }]);
        return;
      }
      if (m[3]) {
        const factor = scaleOf(m[3]);
        value *= factor;
        ulp = (ulp || 1) * factor;
      }
      const end = m.index + m[0].length;
      const [u, len] = unitAfter(sink.text.slice(end, end + 20));
      if (MINUS.test(sink.original.slice(Math.max(0, m.index - 20), m.index))) value = -value;
      sink.add(m.index, end + len, [{ k: 'n', v: value, u, ulp }]);
    },
  );
  // twofold, threefold, tenfold
  sink.each(new RegExp(`\\b(${WORD})fold\\b`, 'giu'), (m) =>
    sink.add(m.index, m.index + m[0].length, [num(WORD_VALUE.get(m[1]!.toLowerCase())!, 'x')]),
  );
  // half a million, a million, a dozen, a quarter
  sink.each(
    new RegExp(
      `\\b(half|a|one|a\\squarter\\sof)\\s(?:a\\s)?(dozen|hundred|thousand|million|billion|trillion)\\b`,
      'giu',
    ),
    (m) => {
      const base = m[2]!.toLowerCase() === 'dozen' ? 12 : SCALE[m[2]!.toLowerCase()]!;
      const factor = /^half/iu.test(m[1]!) ? 0.5 : /quarter/iu.test(m[1]!) ? 0.25 : 1;
      sink.add(m.index, m.index + m[0].length, [num(base * factor)]);
    },
  );
  sink.each(
    new RegExp(`\\b(${COUNT_WORDS})(${SCALES}(?:\\s(?:hundred|thousand|million|billion))?)?\\b`, 'giu'),
    (m) => {
      const value = wordsValue(m[1]!) * (m[3] || m[2] ? scaleOf(m[2]!) : 1);
      const end = m.index + m[0].length;
      const [u, len] = unitAfter(sink.text.slice(end, end + 20));
      // "one" is also a pronoun (one of the, the one): it may satisfy a value but is never reported itself.
      sink.add(m.index, end + len, [num(value, u)], { weak: /^one$/iu.test(m[1]!) && !m[2] });
    },
  );
  sink.each(new RegExp(`\\b(${ORDINALS.slice(1).join('|')})\\b`, 'giu'), (m) => {
    const n = ORDINALS.indexOf(m[1]!.toLowerCase());
    sink.add(m.index, m.index + m[0].length, [num(n, 'ord'), { k: 'day', d: n }], { weak: n === 1 });
  });
  // "top", "topped" and "No. 1" for 1위: weak, it may satisfy a rank but is never reported itself.
  sink.each(/\btop(?:ped|ping|s)?(?![\s-]*\d)\b/giu, (m) =>
    sink.add(m.index, m.index + m[0].length, [num(1, 'ord')], { weak: true }),
  );
  sink.each(
    /\b(twice|double[ds]?|doubling|tripled?|triples|tripling|quadrupled?|half|halv(?:ed|es|ing))\b/giu,
    (m) => {
      const w = m[1]!.toLowerCase();
      const v = w.startsWith('hal')
        ? 0.5
        : w.startsWith('tw') || w.startsWith('doub')
          ? 2
          : w.startsWith('tri')
            ? 3
            : 4;
      sink.add(m.index, m.index + m[0].length, [num(v, v === 0.5 ? '' : 'x')], { weak: true });
    },
  );
}

// minus 7, −7, -7 (not the hyphen of a range or a score: a sign stands after a space or at the start).
// "plus or minus 3.1" is a margin (±), not a negative value.
const MINUS = /(?:(?<!\bplus[-\s]or[-\s])\bminus\s|(?:^|[\s(])[-−])$/iu;

/** A race time is its parts (1:44.75 for 1분44초75, 2:05:12 for 2시간 5분 12초), not a time of day. */
function raceTimes(sink: MentionSink): void {
  sink.each(/(?<![\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,3}))?(?![\d:])/gu, (m) => {
    if (!m[3] && !m[4]) return;
    let at = m.index;
    for (const part of [m[1], m[2], m[3], m[4]]) {
      if (!part) continue;
      at = m[0].indexOf(part, at - m.index) + m.index;
      sink.add(at, at + part.length, [num(Number(part))]);
      at += part.length;
    }
  });
}

function scaleOf(words: string): number {
  return words
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .reduce((f, w) => f * (SCALE[w] ?? 1), 1);
}
