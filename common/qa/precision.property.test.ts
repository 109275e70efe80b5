import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaFinding, QaLang } from './types';

/**
 * Precision properties (issue #20): legitimate renderings the checker once reported as errors, each as a family of
 * generated inputs, with the mutation that must still be reported.
 */

const findings = (row: { ko: string; vi: string; en: string }) =>
  checkRow({ id: 'p', source: row.ko, targets: { vi: row.vi, en: row.en } });
const alarms = (row: { ko: string; vi: string; en: string }, lang?: QaLang) =>
  findings(row).filter(
    (f: QaFinding) => f.severity !== 'note' && (!lang || f.lang === lang || f.lang === 'both'),
  );

const en = (n: number, d: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const vi = (n: number, d: number) =>
  n.toLocaleString('de-DE', { minimumFractionDigits: d, maximumFractionDigits: d });

describe('Korean mixed numerals with a decimal (1천382.5원, 2천512.67)', () => {
  const level = fc.record({
    thousands: fc.integer({ min: 1, max: 9 }),
    rest: fc.integer({ min: 1, max: 999 }),
    decimals: fc.integer({ min: 1, max: 2 }),
    fraction: fc.integer({ min: 1, max: 9 }),
  });
  const value = (l: { thousands: number; rest: number; decimals: number; fraction: number }) =>
    l.thousands * 1000 + l.rest + l.fraction / 10 ** l.decimals;
  const korean = (l: { thousands: number; rest: number; decimals: number; fraction: number }) =>
    `${l.thousands}천${l.rest}.${String(l.fraction).padStart(l.decimals, '0')}`;
  const row = (ko: string, v: string, e: string) => ({
    ko: `지수는 ${ko}로 마감했다.`,
    vi: `Chỉ số đóng cửa ở mức ${v} điểm.`,
    en: `The index closed at ${e}.`,
  });

  it('read as one number, pass in Vietnamese and English grouping', () => {
    fc.assert(
      fc.property(level, (l) => {
        const n = value(l);
        expect(alarms(row(korean(l), vi(n, l.decimals), en(n, l.decimals)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('are reported when one translation has another number', () => {
    fc.assert(
      fc.property(level, fc.constantFrom<QaLang>('vi', 'en'), (l, lang) => {
        const n = value(l);
        const wrong = n + 100;
        const r = row(
          korean(l),
          vi(lang === 'vi' ? wrong : n, l.decimals),
          en(lang === 'en' ? wrong : n, l.decimals),
        );
        expect(alarms(r, lang).some((f) => f.check === 'values')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('margins: ± is not a negative value', () => {
  const margin = fc.record({ whole: fc.integer({ min: 1, max: 9 }), tenth: fc.integer({ min: 1, max: 9 }) });
  const row = (ko: string, v: string, e: string) => ({
    ko: `표본오차는 95% 신뢰수준에 ±${ko}%포인트다.`,
    vi: `Sai số chọn mẫu là ±${v} điểm phần trăm ở độ tin cậy 95%.`,
    en: `The margin of error is ${e} percentage points at the 95 percent confidence level.`,
  });
  it('plus or minus, +/- and ± pass', () => {
    fc.assert(
      fc.property(margin, fc.constantFrom('plus or minus ', '+/- ', '±', 'plus-or-minus '), (m, sign) => {
        const r = row(`${m.whole}.${m.tenth}`, `${m.whole},${m.tenth}`, `${sign}${m.whole}.${m.tenth}`);
        expect(alarms(r)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  it('another margin is reported', () => {
    fc.assert(
      fc.property(margin, (m) => {
        const r = row(
          `${m.whole}.${m.tenth}`,
          `${m.whole},${m.tenth}`,
          `plus or minus ${m.whole + 1}.${m.tenth}`,
        );
        expect(alarms(r, 'en').some((f) => f.check === 'values')).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('a compact one-sentence rendering is not a truncated one', () => {
  const race = fc.record({
    h: fc.integer({ min: 1, max: 3 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  });
  const pad = (n: number) => String(n).padStart(2, '0');
  const row = (r: { h: number; m: number; s: number }, english: string) => ({
    ko: `케냐의 키프로티치가 ${r.h}시간 ${r.m}분 ${r.s}초의 기록으로 우승했다.`,
    vi: `Kiprotich của Kenya về nhất với thành tích ${r.h} giờ ${r.m} phút ${r.s} giây.`,
    en: english,
  });
  it('a race time in digits that ends like a sentence passes', () => {
    fc.assert(
      fc.property(race, (r) => {
        expect(alarms(row(r, `Kenya's Kiprotich won in ${r.h}:${pad(r.m)}:${pad(r.s)}.`), 'en')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  it('the same length cut off mid-sentence is reported as truncated', () => {
    fc.assert(
      fc.property(race, (r) => {
        const cut = `Kenya's Kiprotich won with`;
        expect(alarms(row(r, cut), 'en').some((f) => f.check === 'truncated')).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('a number glued to a name (시즌2)', () => {
  const pick = fc
    .record({ season: fc.integer({ min: 2, max: 9 }), days: fc.integer({ min: 2, max: 9 }) })
    .filter(({ season, days }) => season !== days);
  const row = (season: number, days: number, viSeason: string) => ({
    ko: `드라마 시즌${season}는 공개 ${days}일 만에 1천만 회 시청됐다.`,
    vi: `${viSeason} của bộ phim đạt 10 triệu lượt xem chỉ sau ${days} ngày.`,
    en: `Season ${season} of the drama drew 10 million views in ${days} days.`,
  });
  const on = (r: { ko: string; vi: string; en: string }) =>
    findings(r).filter((f) => f.lang === 'vi' && f.check === 'values');
  it('kept, or dropped with nothing in its place, is at most a note', () => {
    fc.assert(
      fc.property(pick, ({ season, days }) => {
        expect(on(row(season, days, `Mùa ${season}`))).toEqual([]);
        expect(on(row(season, days, 'Mùa mới')).every((f) => f.severity === 'note')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
  it('replaced by another number while the other translation keeps it is a warning', () => {
    fc.assert(
      fc.property(pick, ({ season, days }) => {
        expect(on(row(season, days, `Mùa ${days}`)).some((f) => f.severity === 'warning')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
