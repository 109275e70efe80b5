import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaFinding, QaLang } from './types';

/**
 * Properties of the value checks: a value rendered in any legitimate Korean, Vietnamese and English form passes;
 * every mutation of it in one translation (×10, a digit swap, the sign, the direction, the multiple, the ordinal,
 * percent ↔ percentage points, a code's digits) is reported on that translation.
 */

const VALUE_CHECKS = new Set(['values', 'crossValues', 'order', 'protected']);
const alarms = (row: { ko: string; vi: string; en: string }, lang?: QaLang) =>
  checkRow({ id: 'p', source: row.ko, targets: { vi: row.vi, en: row.en } }).filter(
    (f: QaFinding) =>
      VALUE_CHECKS.has(f.check) && f.severity !== 'note' && (!lang || f.lang === lang || f.lang === 'both'),
  );

// --- renderings -------------------------------------------------------------------------------------------------

const group = (n: number) => n.toLocaleString('en-US');
/** Korean: 12,345 or the mixed numeral 1만2천345 / 1만2,345. */
function korean(n: number, mixed: boolean, cheon: boolean): string {
  if (!mixed || n < 10_000) return group(n);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['억', 1e8],
    ['만', 1e4],
  ] as const) {
    const g = Math.floor(n / size) % 1e4;
    if (g) parts.push(`${group(g)}${unit}`);
  }
  const rest = n % 1e4;
  if (rest)
    parts.push(cheon && rest >= 1000 ? `${Math.floor(rest / 1000)}천${rest % 1000 || ''}` : group(rest));
  return parts.join('');
}
const vietnamese = (n: number) => n.toLocaleString('de-DE');
const swapDigits = (s: string) => {
  const d = [...s];
  for (let i = 0; i + 1 < d.length; i++)
    if (/\d/u.test(d[i]!) && /\d/u.test(d[i + 1]!) && d[i] !== d[i + 1]) {
      [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
      return d.join('');
    }
  return null;
};

// --- counts -----------------------------------------------------------------------------------------------------

const count = fc.record({
  n: fc.integer({ min: 11, max: 999_999_999 }),
  mixed: fc.boolean(),
  cheon: fc.boolean(),
});
const countRow = (n: number, mixed: boolean, cheon: boolean, vi = vietnamese(n), en = group(n)) => ({
  ko: `올해 관람객은 ${korean(n, mixed, cheon)}명으로 집계됐다.`,
  vi: `Số khách tham quan năm nay là ${vi} người.`,
  en: `Visitors this year numbered ${en}.`,
});

describe('counts (Korean digits and mixed numerals; Vietnamese and English grouping)', () => {
  it('pass in every legitimate form', () => {
    fc.assert(
      fc.property(count, ({ n, mixed, cheon }) => {
        expect(alarms(countRow(n, mixed, cheon))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  it('are reported when one translation has ×10 or a digit swap', () => {
    fc.assert(
      fc.property(
        count,
        fc.constantFrom<QaLang>('vi', 'en'),
        fc.boolean(),
        ({ n, mixed, cheon }, lang, swap) => {
          const wrong = swap ? Number(swapDigits(String(n)) ?? n * 10) : n * 10;
          const row =
            lang === 'vi'
              ? countRow(n, mixed, cheon, vietnamese(wrong))
              : countRow(n, mixed, cheon, undefined, group(wrong));
          expect(alarms(row, lang).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// --- percentages, percentage points, direction ------------------------------------------------------------------

const rate = fc.record({
  tenths: fc.integer({ min: 1, max: 999 }).filter((t) => t % 10 !== 0),
  up: fc.boolean(),
  points: fc.boolean(),
  word: fc.boolean(),
});
type Rate = { tenths: number; up: boolean; points: boolean; word: boolean };
function rateRow(r: Rate, mutate?: { lang: QaLang; kind: 'direction' | 'unit' | 'x10' }) {
  const v = r.tenths / 10;
  const ko = `${v}${r.points ? '%포인트' : '%'} ${r.up ? '상승했다' : '하락했다'}`;
  const m = (lang: QaLang, kind: string) => mutate?.lang === lang && mutate.kind === kind;
  const up = (lang: QaLang) => (m(lang, 'direction') ? !r.up : r.up);
  const points = (lang: QaLang) => (m(lang, 'unit') ? !r.points : r.points);
  const val = (lang: QaLang) => (m(lang, 'x10') ? v * 10 : v);
  const viNum = String(val('vi')).replace('.', ',');
  const vi = `Tỷ lệ này ${up('vi') ? 'tăng' : 'giảm'} ${viNum}${points('vi') ? ' điểm phần trăm' : r.word ? ' phần trăm' : '%'}.`;
  const en = `The rate ${up('en') ? 'rose' : 'fell'} ${val('en')} ${points('en') ? 'percentage points' : r.word ? 'percent' : '%'}.`;
  return { ko: `이 비율은 ${ko}.`, vi, en: en.replace(' %', '%') };
}

describe('percentages and percentage points with a direction', () => {
  it('pass in every legitimate form', () => {
    fc.assert(
      fc.property(rate, (r) => {
        expect(alarms(rateRow(r))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  it('are reported when one translation flips the direction, swaps percent and points, or has ×10', () => {
    fc.assert(
      fc.property(
        rate,
        fc.constantFrom<QaLang>('vi', 'en'),
        fc.constantFrom('direction' as const, 'unit' as const, 'x10' as const),
        (r, lang, kind) => {
          expect(alarms(rateRow(r, { lang, kind }), lang).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// --- signs, multiples, ordinals ---------------------------------------------------------------------------------

const EN_ORD = [
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
];
const KO_NATIVE = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
const VI_WORD = ['', 'một', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

const temperature = (t: number, wrong = false) => ({
  ko: `서울의 아침 기온은 영하 ${t}도까지 떨어졌다.`,
  vi: `Nhiệt độ buổi sáng ở Seoul xuống tới âm ${t} độ C.`,
  en: `Morning temperatures in Seoul fell to ${wrong ? '' : 'minus '}${t} degrees Celsius.`,
});
const multiple = (n: number, en: number) => ({
  ko: `수출액은 1년 새 ${KO_NATIVE[n]} 배로 늘었다.`,
  vi: `Kim ngạch xuất khẩu tăng gấp ${n} lần trong một năm.`,
  en: `Exports grew ${en === 2 ? 'twofold' : `${['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][en]} times`} in a year.`,
});
const ordinal = (n: number, vi: number, en: number) => ({
  ko: `그는 ${KO_NATIVE[n]} 번째 시도에서 성공했다.`,
  vi: `Anh thành công ở lần thử thứ ${VI_WORD[vi]}.`,
  en: `He succeeded on his ${EN_ORD[en]} attempt.`,
});

describe('signs, multiples and ordinals written in words', () => {
  it('a negative temperature keeps its sign; losing it is reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (t) => {
        expect(alarms(temperature(t))).toEqual([]);
        expect(alarms(temperature(t, true), 'en').length).toBeGreaterThan(0);
      }),
    );
  });
  it('a multiple in words passes as written and is reported when changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), (n, other) => {
        expect(alarms(multiple(n, n))).toEqual([]);
        if (other !== n) expect(alarms(multiple(n, other), 'en').length).toBeGreaterThan(0);
      }),
    );
  });
  it('an ordinal in words passes as written and is reported when changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), (n, other) => {
        expect(alarms(ordinal(n, n, n))).toEqual([]);
        if (other !== n) expect(alarms(ordinal(n, n, other), 'en').length).toBeGreaterThan(0);
      }),
    );
  });
});

// --- codes ------------------------------------------------------------------------------------------------------

describe('codes stay verbatim', () => {
  const flight = fc.tuple(fc.constantFrom('KE', 'OZ', 'VN', 'VJ'), fc.integer({ min: 100, max: 9999 }));
  it('a flight number passes as written and a transposition is reported as a code', () => {
    fc.assert(
      fc.property(flight, fc.constantFrom<QaLang>('vi', 'en'), ([airline, no], lang) => {
        const code = `${airline}${no}`;
        const row = (vi: string, en: string) => ({
          ko: `${code}편은 오전 10시 인천을 출발한다.`,
          vi: `Chuyến bay ${vi} khởi hành từ Incheon lúc 10 giờ sáng.`,
          en: `Flight ${en} departs Incheon at 10 a.m.`,
        });
        expect(alarms(row(code, code))).toEqual([]);
        const swapped = swapDigits(code);
        if (!swapped) return;
        const found = alarms(lang === 'vi' ? row(swapped, code) : row(code, swapped), lang);
        expect(found.some((f) => f.check === 'protected')).toBe(true);
      }),
    );
  });
});

describe('terms', () => {
  const terms = [
    { ko: '스타트업', vi: 'công ty khởi nghiệp', en: 'startup', forbidden: { en: ['start-up company'] } },
  ];
  const row = (en: string) =>
    checkRow({ id: 't', source: '스타트업 3곳 중 1곳은 문을 닫는다.', targets: { en } }, { terms }).filter(
      (f) => f.check === 'terms' || f.check === 'forbidden',
    );
  it('a forbidden variant in place of the term is one finding, not also a missing term', () => {
    expect(row('One in three start-up companies closes.').map((f) => f.code)).toEqual(['qa:termForbidden']);
  });
  it('English plurals and possessives of a term are the term', () => {
    expect(row('One in three startups closes.')).toEqual([]);
    expect(row("A startup's chance of closing is one in three.")).toEqual([]);
  });
});
