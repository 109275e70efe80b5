import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang } from './types';

/**
 * The direction of a change read from the verb right after its value, also when another number follows the verb
 * (1.2% 하락한 2,587.34, 0.05% 올라 28주 연속, 5%포인트 늘어난 27%): the flipped direction in one translation is
 * reported, the right one passes.
 */
const VERBS: Array<[string, 1 | -1]> = [
  ['하락한', -1],
  ['내린', -1],
  ['떨어진', -1],
  ['감소한', -1],
  ['줄어든', -1],
  ['오른', 1],
  ['상승한', 1],
  ['올라', 1],
  ['늘어난', 1],
  ['증가한', 1],
];
const change = fc.record({
  verb: fc.constantFrom(...VERBS),
  whole: fc.integer({ min: 1, max: 30 }),
  tenth: fc.integer({ min: 1, max: 9 }),
  level: fc.integer({ min: 100, max: 999 }),
});

function row(c: { verb: [string, 1 | -1]; whole: number; tenth: number; level: number }, flip?: QaLang) {
  const dir = (lang: QaLang) => (lang === flip ? -c.verb[1] : c.verb[1]);
  return {
    ko: `지수는 ${c.whole}.${c.tenth}% ${c.verb[0]} ${c.level}.5로 마감했다.`,
    vi: `Chỉ số đóng cửa ở mức ${c.level},5 điểm, ${dir('vi') > 0 ? 'tăng' : 'giảm'} ${c.whole},${c.tenth}%.`,
    en: `The index closed ${dir('en') > 0 ? 'up' : 'down'} ${c.whole}.${c.tenth} percent at ${c.level}.5.`,
  };
}
const valueAlarms = (r: { ko: string; vi: string; en: string }, lang?: QaLang) =>
  checkRow({ id: 'd', source: r.ko, targets: { vi: r.vi, en: r.en } }).filter(
    (f) => f.check === 'values' && f.severity !== 'note' && (!lang || f.lang === lang),
  );

describe('direction read from the verb before another number', () => {
  it('the right direction passes', () => {
    fc.assert(
      fc.property(change, (c) => {
        expect(valueAlarms(row(c))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
  it('a flipped direction in one translation is reported there', () => {
    fc.assert(
      fc.property(change, fc.constantFrom<QaLang>('vi', 'en'), (c, lang) => {
        expect(valueAlarms(row(c, lang), lang).some((f) => f.code.startsWith('qa:direction'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** Two-pole readings beside the direction: the sign of a balance and a golf score against par. */
const POLES = {
  balance: {
    ko: ['흑자', '적자'],
    vi: (n: number, up: boolean) => `${up ? 'thặng dư' : 'thâm hụt'} ${Math.floor(n / 10)},${n % 10} tỷ USD`,
    en: (n: number, up: boolean) => `a ${up ? 'surplus' : 'deficit'} of $${n / 10} billion`,
    row: (ko: string, vi: string, en: string, n: number) => ({
      ko: `지난달 경상수지는 ${n}억 달러 ${ko}를 기록했다.`,
      vi: `Cán cân vãng lai tháng trước ghi nhận ${vi}.`,
      en: `The current account posted ${en} last month.`,
    }),
  },
  par: {
    ko: ['언더파', '오버파'],
    vi: (n: number, up: boolean) => `${n} gậy ${up ? 'dưới chuẩn' : 'trên chuẩn'}`,
    en: (n: number, up: boolean) => `${n} ${up ? 'under' : 'over'} par`,
    row: (ko: string, vi: string, en: string, n: number) => ({
      ko: `그는 최종 합계 ${n}${ko}로 경기를 마쳤다.`,
      vi: `Anh kết thúc giải với tổng điểm ${vi}.`,
      en: `He finished at ${en}.`,
    }),
  },
};
const poles = fc.record({
  kind: fc.constantFrom<'balance' | 'par'>('balance', 'par'),
  up: fc.boolean(),
  n: fc.integer({ min: 11, max: 99 }).filter((n) => n % 10 !== 0),
});
const poleRow = (p: { kind: 'balance' | 'par'; up: boolean; n: number }, flip?: QaLang) => {
  const P = POLES[p.kind];
  const up = (lang: QaLang) => (lang === flip ? !p.up : p.up);
  return P.row(P.ko[p.up ? 0 : 1]!, P.vi(p.n, up('vi')), P.en(p.n, up('en')), p.n);
};

describe('surplus or deficit, under or over par', () => {
  it('the right pole passes', () => {
    fc.assert(
      fc.property(poles, (p) => {
        expect(valueAlarms(poleRow(p))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
  it('the opposite pole in one translation is reported there', () => {
    fc.assert(
      fc.property(poles, fc.constantFrom<QaLang>('vi', 'en'), (p, lang) => {
        expect(valueAlarms(poleRow(p, lang), lang).length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
