import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang } from './types';

/**
 * A lone 1 with a counter (1명, 1척, 1곳): said with the article or the word for one it passes; a translation
 * that puts a small count of its own in its place (ba người, three people, 2 ships) is reported there.
 */
const NOUNS: Array<{ ko: string; vi: string; en: [string, string] }> = [
  { ko: '주민 1명이', vi: 'người dân', en: ['resident', 'residents'] },
  { ko: '어선 1척이', vi: 'tàu cá', en: ['fishing boat', 'fishing boats'] },
  { ko: '업체 1곳이', vi: 'doanh nghiệp', en: ['company', 'companies'] },
];
const VI_ONE = ['một', '1'];
const EN_ONE = ['one', 'a', '1'];
const VI_WORDS = ['', '', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const EN_WORDS = ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const input = fc.record({
  noun: fc.constantFrom(...NOUNS),
  pick: fc.nat(),
  wrong: fc.integer({ min: 2, max: 10 }),
  digits: fc.boolean(),
  extra: fc.integer({ min: 11, max: 99 }),
});
type Input = { noun: (typeof NOUNS)[number]; pick: number; wrong: number; digits: boolean; extra: number };

function row(x: Input, changed?: QaLang) {
  const vi =
    changed === 'vi' ? (x.digits ? String(x.wrong) : VI_WORDS[x.wrong]!) : VI_ONE[x.pick % VI_ONE.length]!;
  const en =
    changed === 'en'
      ? `${x.digits ? x.wrong : EN_WORDS[x.wrong]} ${x.noun.en[1]} were`
      : `${EN_ONE[x.pick % EN_ONE.length]} ${x.noun.en[0]} was`;
  return {
    id: 'c',
    source: `${x.noun.ko} 피해를 입었고 ${x.extra}명이 대피했다.`,
    targets: {
      vi: `${vi} ${x.noun.vi} bị thiệt hại và ${x.extra} người phải sơ tán.`.replace(/^./u, (c) =>
        c.toUpperCase(),
      ),
      en: `${en} hit and ${x.extra} people were evacuated.`.replace(/^./u, (c) => c.toUpperCase()),
    },
  };
}
const alarms = (r: ReturnType<typeof row>, lang?: QaLang) =>
  checkRow(r).filter((f) => f.severity !== 'note' && (!lang || f.lang === lang));

describe('a counted 1', () => {
  it('passes as the word for one, the article or the digit', () => {
    fc.assert(
      fc.property(input, (x) => {
        expect(alarms(row(x))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
  it('given as another small count in one translation is an error there', () => {
    fc.assert(
      fc.property(input, fc.constantFrom<QaLang>('vi', 'en'), (x, lang) => {
        const found = alarms(row(x, lang), lang);
        expect(found.some((f) => f.check === 'values' && f.severity === 'error')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
