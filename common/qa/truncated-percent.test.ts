// "The translation is far shorter than the Korean (N % of the expected length)": N is over 0 % whenever the
// translation has any text, and under 100 % (a cut-off text is never said to have the whole length).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';

const KO =
  '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다. '.repeat(12);

describe('the share a cut-off translation names', () => {
  it('is within 1–99 % for any text left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const vi = 'Seoul ký'.repeat(n).slice(0, n);
        const found = checkRow({ id: 'r', source: KO, targets: { vi, en: '' } }).filter(
          (f) => f.lang === 'vi' && f.check === 'truncated',
        );
        for (const f of found) {
          expect(f.params?.percent).toBeGreaterThanOrEqual(1);
          expect(f.params?.percent).toBeLessThanOrEqual(99);
        }
        if (n === 1) expect(found).toHaveLength(1);
      }),
    );
  });
});
