import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang, RelUnit } from './types';

/**
 * Relative times as values: every legitimate Korean, Vietnamese and English form of "this/next/last year (month,
 * week), today/tomorrow/yesterday" passes; the same sentence with another offset of the same unit in one
 * translation is reported there.
 */
type Forms = Record<'ko' | QaLang, readonly string[]>;
const FORMS: Record<RelUnit, Record<number, Forms>> = {
  y: {
    [-1]: { ko: ['지난해', '작년'], vi: ['năm ngoái', 'năm trước'], en: ['last year'] },
    0: { ko: ['올해', '금년'], vi: ['năm nay'], en: ['this year'] },
    1: { ko: ['내년'], vi: ['năm tới', 'năm sau', 'sang năm'], en: ['next year'] },
  },
  m: {
    [-1]: { ko: ['지난달'], vi: ['tháng trước'], en: ['last month'] },
    0: { ko: ['이달', '이번 달'], vi: ['tháng này'], en: ['this month'] },
    1: { ko: ['다음 달', '내달'], vi: ['tháng tới', 'tháng sau'], en: ['next month'] },
  },
  w: {
    [-1]: { ko: ['지난주'], vi: ['tuần trước', 'tuần qua'], en: ['last week'] },
    0: { ko: ['이번 주'], vi: ['tuần này'], en: ['this week'] },
    1: { ko: ['다음 주', '내주'], vi: ['tuần tới', 'tuần sau'], en: ['next week'] },
  },
  d: {
    [-1]: { ko: ['어제'], vi: ['hôm qua'], en: ['yesterday'] },
    0: { ko: ['오늘'], vi: ['hôm nay'], en: ['today'] },
    1: { ko: ['내일'], vi: ['ngày mai'], en: ['tomorrow'] },
  },
};

const time = fc.record({
  unit: fc.constantFrom<RelUnit>('y', 'm', 'w', 'd'),
  offset: fc.constantFrom(-1, 0, 1),
  pick: fc.nat(),
  count: fc.integer({ min: 2, max: 900 }),
});
type Time = { unit: RelUnit; offset: number; pick: number; count: number };
const form = (t: Time, lang: 'ko' | QaLang, offset = t.offset) => {
  const all = FORMS[t.unit][offset]![lang];
  return all[t.pick % all.length]!;
};

function row(t: Time, moved?: QaLang, to = t.offset) {
  const at = (lang: QaLang) => form(t, lang, lang === moved ? to : t.offset);
  return {
    id: 'r',
    source: `${form(t, 'ko')} 수출 기업 ${t.count}곳이 새 시장에 진출한다.`,
    targets: {
      vi: `${at('vi')[0]!.toUpperCase()}${at('vi').slice(1)}, ${t.count} doanh nghiệp xuất khẩu sẽ thâm nhập thị trường mới.`,
      en: `${t.count} exporters will enter new markets ${at('en')}.`,
    },
  };
}
const alarms = (r: ReturnType<typeof row>, lang?: QaLang) =>
  checkRow(r).filter((f) => f.severity !== 'note' && (!lang || f.lang === lang));

describe('relative times read as values', () => {
  it('every legitimate form passes', () => {
    fc.assert(
      fc.property(time, (t) => {
        expect(alarms(row(t))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
  it('another offset of the same unit in one translation is an error there', () => {
    fc.assert(
      fc.property(time, fc.constantFrom<QaLang>('vi', 'en'), fc.constantFrom(1, 2), (t, lang, shift) => {
        const to = ((t.offset + 1 + shift) % 3) - 1;
        const found = alarms(row(t, lang, to), lang);
        expect(found.some((f) => f.code === 'qa:relativeTime' && f.severity === 'error')).toBe(true);
        expect(alarms(row(t, lang, to)).filter((f) => f.lang !== lang)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
  it('a count of years ("sau hai năm tới", "in two years") is not a relative time', () => {
    // 지난해 is given as the year 2025; "hai năm tới" (the next two years) must not read as "next year" against it.
    const r = {
      id: 'c',
      source: '정부는 지난해 세운 계획을 2년 뒤 시행한다.',
      targets: {
        vi: 'Chính phủ sẽ thực hiện kế hoạch lập năm 2025 sau hai năm tới.',
        en: 'The government will carry out the plan it drew up in 2025 in two years.',
      },
    };
    expect(alarms(r)).toEqual([]);
  });
});
