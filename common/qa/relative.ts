import type { RelUnit } from './types';
import type { MentionSink } from './values';

/**
 * Time said relative to the day of writing, as a value: 올해 = this year = năm nay, 내년 = next year = năm tới,
 * 지난주 = last week = tuần trước, 내일 = tomorrow = ngày mai. `u` is the unit (year, month, week, day) and `o` the
 * offset from now. Read before numbers and dates, so "năm" in "năm nay" is never five.
 *
 * What this does not know: the date of writing, so "in 2026" for 내년 is neither confirmed nor reported; a phrase
 * relative to another time (이듬해, the following year, the previous year) is not read; a bare 지난 (지난 3일, "on the
 * 3rd") is not a relative time.
 */

type Table = Array<[RegExp, RelUnit, number]>;

// A Korean phrase stands alone when no Hangul syllable precedes it (particles may follow: 내년에는, 지난해보다).
const KO: Table = [
  [/(?<![가-힣])(?:올해|금년)/gu, 'y', 0],
  [/(?<![가-힣])(?:내년|명년)/gu, 'y', 1],
  [/(?<![가-힣])내후년/gu, 'y', 2],
  [/(?<![가-힣])(?:작년|지난\s?해)/gu, 'y', -1],
  [/(?<![가-힣])재작년/gu, 'y', -2],
  [/(?<![가-힣])(?:이달|이번\s?달)/gu, 'm', 0],
  [/(?<![가-힣])(?:다음\s?달|내달)/gu, 'm', 1],
  [/(?<![가-힣])지난\s?달/gu, 'm', -1],
  [/(?<![가-힣])이번\s?주(?!말)/gu, 'w', 0],
  [/(?<![가-힣])(?:다음\s?주|내주)(?!말)/gu, 'w', 1],
  [/(?<![가-힣])지난\s?주(?!말)/gu, 'w', -1],
  [/(?<![가-힣])(?:오늘|금일)/gu, 'd', 0],
  [/(?<![가-힣])내일/gu, 'd', 1],
  [/(?<![가-힣])어제(?!오늘)/gu, 'd', -1],
];

// "next Monday" is a weekday of next week: only "next" is read here, the weekday by the date parser.
const DAY_NAME = '(?=\\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b)';
const EN: Table = [
  [/\bthis\s+year\b/giu, 'y', 0],
  [/\bnext\s+year\b/giu, 'y', 1],
  [/\blast\s+year\b/giu, 'y', -1],
  [/\bthis\s+month\b/giu, 'm', 0],
  [/\bnext\s+month\b/giu, 'm', 1],
  [/\blast\s+month\b/giu, 'm', -1],
  [/\bthis\s+week\b/giu, 'w', 0],
  [/\bnext\s+week\b/giu, 'w', 1],
  [/\blast\s+week\b/giu, 'w', -1],
  [new RegExp(`\\bnext${DAY_NAME}`, 'giu'), 'w', 1],
  [/\btoday\b/giu, 'd', 0],
  [/\btomorrow\b/giu, 'd', 1],
  [/\byesterday\b/giu, 'd', -1],
];

// "hai năm tới" is "the next two years", "5 tháng trước" "five months ago": not a relative time.
const vi = (body: string) => new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}])`, 'giu');
const VI_COUNTED =
  /(?:\d|(?:^|[^\p{L}])(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|vài|mấy|nhiều|các|những))\s*$/iu;
const VI: Table = [
  [vi('năm\\s+nay'), 'y', 0],
  [vi('(?:năm\\s+(?:tới|sau|kế\\s+tiếp)|sang\\s+năm)'), 'y', 1],
  [vi('năm\\s+(?:ngoái|trước(?!\\s+đó))'), 'y', -1],
  [vi('tháng\\s+này'), 'm', 0],
  [vi('tháng\\s+(?:tới|sau|kế\\s+tiếp)'), 'm', 1],
  [vi('tháng\\s+trước(?!\\s+đó)'), 'm', -1],
  [vi('tuần\\s+này'), 'w', 0],
  [vi('tuần\\s+(?:tới|sau|kế\\s+tiếp)'), 'w', 1],
  [vi('tuần\\s+(?:trước(?!\\s+đó)|qua)'), 'w', -1],
  [vi('hôm\\s+nay'), 'd', 0],
  [vi('ngày\\s+mai'), 'd', 1],
  [vi('hôm\\s+qua'), 'd', -1],
];

const TABLES = { ko: KO, en: EN, vi: VI };

/** Record the relative times of a text (`ko`, `vi` or `en`) in the sink. */
export function relativeTimes(sink: MentionSink, lang: 'ko' | 'vi' | 'en'): void {
  for (const [re, u, o] of TABLES[lang])
    sink.each(re, (m) => {
      if (lang === 'vi' && VI_COUNTED.test(sink.original.slice(Math.max(0, m.index - 8), m.index))) return;
      sink.add(m.index, m.index + m[0].length, [{ k: 'rel', u, o }]);
    });
}
