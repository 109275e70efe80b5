import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, baseBodyBytes, formParamBytes, minimumRequests, planBatches } from './batching';

describe('formParamBytes', () => {
  it('counts the form encoding deepl-node sends, Korean at 9 bytes a syllable', () => {
    expect(formParamBytes('text', '서울')).toBe('&text=%EC%84%9C%EC%9A%B8'.length);
    expect(formParamBytes('text', 'a b&c')).toBe('&text=a+b%26c'.length);
    const params: Array<[string, string]> = [
      ['target_lang', 'vi'],
      ['context', '제목\n첫 문단'],
      ['text', '문단 & <x id="1">a@b.kr</x>'],
    ];
    expect(baseBodyBytes(params)).toBe(new URLSearchParams(params).toString().length + 1);
  });
});

describe('planBatches', () => {
  it('keeps document order within the text count and the byte budget, and sets aside what cannot fit at all', () => {
    const sizes = [10, 10, 10, 200, 10, 10];
    const plan = planBatches(sizes, (n) => n, 0, { maxTexts: 2, maxBytes: 100 });
    expect(plan.batches).toEqual([[10, 10], [10, 10], [10]]);
    expect(plan.tooLarge).toEqual([200]);
  });

  it('tops up an earlier request with later short texts', () => {
    expect(planBatches([60, 60, 30, 10], (n) => n, 0, { maxBytes: 100 }).batches).toEqual([
      [60, 30, 10],
      [60],
    ]);
    expect(planBatches([60, 60, 30, 10], (n) => n, 20, { maxBytes: 100 }).batches).toEqual([
      [60, 10],
      [60],
      [30],
    ]);
  });

  it('never exceeds either limit and loses nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40_000 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 20_000 }),
        (sizes, base) => {
          const plan = planBatches(sizes, (n) => n, base);
          for (const b of plan.batches) {
            expect(b.length).toBeLessThanOrEqual(50);
            expect(base + b.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(MAX_BODY_BYTES);
          }
          expect(plan.batches.flat().length + plan.tooLarge.length).toBe(sizes.length);
          if (plan.tooLarge.length === 0 && sizes.length) {
            expect(plan.batches.length).toBeGreaterThanOrEqual(minimumRequests(sizes, base));
          }
        },
      ),
    );
  });
});
