import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang } from './types';

/**
 * Sums keep their currency: each currency in its Korean, Vietnamese and English forms (words after the number,
 * signs before it) passes; the same number in another currency in one translation is reported there.
 */
const CURRENCIES: Array<{ ko: string; vi: string; en: (n: string) => string }> = [
  { ko: '원', vi: 'won', en: (n) => `${n} won` },
  { ko: '달러', vi: 'USD', en: (n) => `$${n}` },
  { ko: '달러', vi: 'đô la', en: (n) => `${n} dollars` },
  { ko: '유로', vi: 'euro', en: (n) => `€${n}` },
  { ko: '엔', vi: 'yên', en: (n) => `${n} yen` },
  { ko: '위안', vi: 'nhân dân tệ', en: (n) => `${n} yuan` },
  { ko: '파운드', vi: 'bảng Anh', en: (n) => `${n} pounds` },
];
const sum = fc.record({
  c: fc.integer({ min: 0, max: CURRENCIES.length - 1 }),
  other: fc.integer({ min: 0, max: CURRENCIES.length - 1 }),
  n: fc.integer({ min: 2, max: 999 }).map((k) => k * 1000),
});
const row = (n: number, c: number, vi = c, en = c) => ({
  ko: `계약 금액은 ${n.toLocaleString('en-US')}${CURRENCIES[c]!.ko}에 달한다.`,
  vi: `Giá trị hợp đồng được cho là ${n.toLocaleString('de-DE')} ${CURRENCIES[vi]!.vi}.`,
  en: `The contract is reported to be worth ${CURRENCIES[en]!.en(n.toLocaleString('en-US'))}.`,
});
const valueAlarms = (r: { ko: string; vi: string; en: string }, lang?: QaLang) =>
  checkRow({ id: 'c', source: r.ko, targets: { vi: r.vi, en: r.en } }).filter(
    (f) => f.check === 'values' && f.severity !== 'note' && (!lang || f.lang === lang),
  );

describe('currencies', () => {
  it('a sum in its own currency passes in every form', () => {
    fc.assert(
      fc.property(sum, ({ n, c }) => {
        expect(valueAlarms(row(n, c))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
  it('the same number in another currency in one translation is reported there', () => {
    fc.assert(
      fc.property(
        sum.filter(({ c, other }) => CURRENCIES[c]!.ko !== CURRENCIES[other]!.ko),
        fc.constantFrom<QaLang>('vi', 'en'),
        ({ n, c, other }, lang) => {
          const r = row(n, c, lang === 'vi' ? other : c, lang === 'en' ? other : c);
          expect(valueAlarms(r, lang).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ages in months and in years', () => {
  const age = fc.integer({ min: 2, max: 24 });
  const row = (n: number, vi: string) => ({
    ko: `백신 접종은 생후 ${n}개월부터 가능하다.`,
    vi: `Trẻ có thể tiêm vắc xin từ ${n} ${vi}.`,
    en: `The vaccine can be given from ${n} months of age.`,
  });
  it('months of age pass as tháng tuổi', () => {
    fc.assert(
      fc.property(age, (n) => {
        expect(valueAlarms(row(n, 'tháng tuổi'))).toEqual([]);
      }),
    );
  });
  it('months of age given as years (tuổi) are reported', () => {
    fc.assert(
      fc.property(age, (n) => {
        expect(valueAlarms(row(n, 'tuổi'), 'vi').length).toBeGreaterThan(0);
      }),
    );
  });
});
