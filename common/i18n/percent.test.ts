import { createInstance } from 'i18next';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMatch, formatPercent, registerPercent } from './percent';

describe('percentages', () => {
  it("writes a percentage by the language's convention", () => {
    expect(formatPercent('en', 48)).toBe('48%');
    expect(formatMatch('ko', 101)).toBe('101%');
    expect(formatMatch('vi', 92)).toBe('92%');
    expect(formatPercent('vi', 12.5, 1)).toBe('12,5%');
    expect(formatPercent('en', 12.4)).toBe('12%');
    expect(formatPercent('fr', 48)).toMatch(/^48\s%$/u); // a (narrow) no-break space, by ICU version
  });

  it('formats {{x, percent}} in strings, in the language of the string', async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: 'vi',
      resources: {
        vi: { translation: { badge: 'Khớp {{score, percent}}' } },
        en: { translation: { badge: 'Match {{score, percent}}' } },
      },
      interpolation: { escapeValue: false },
    });
    registerPercent(i18n);
    // The app's keys are typed; this instance has its own.
    const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
    expect(t('badge', { score: 92 })).toBe('Khớp 92%');
    expect(t('badge', { score: 92, lng: 'en' })).toBe('Match 92%');
    // A placeholder filled in later is left alone.
    expect(t('badge', { score: '\u0000N', lng: 'en' })).toBe('Match \u0000N');
  });

  /** The number a formatted percentage shows (en/ko "99.5%", vi "99,5%"). */
  const shown = (text: string) => Number(text.replace(/[%\s]/gu, '').replace(',', '.'));
  const langs = fc.constantFrom('en', 'ko', 'vi');

  it('shows a share of rows within 0–100 %, and 0 % or 100 % only when it is exactly that', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
        langs,
        fc.integer({ min: 0, max: 2 }),
        ([part, total], lng, digits) => {
          const value = shown(formatPercent(lng, (100 * part) / total, digits));
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
          expect(value === 100).toBe(part === total);
          expect(value === 0).toBe(part === 0);
        },
      ),
    );
    // The example of the defect: 99.6 % of rows approved is not "100%".
    expect(formatPercent('en', 99.6)).toBe('99%');
    expect(formatPercent('vi', 0.2)).toBe('1%');
  });

  it('never shows a share over 100 % or under 0 %, whatever number comes in', () => {
    fc.assert(
      fc.property(fc.double(), langs, fc.integer({ min: 0, max: 2 }), (x, lng, digits) => {
        const value = shown(formatPercent(lng, x, digits));
        expect(value >= 0 && value <= 100).toBe(true);
      }),
    );
  });

  it('keeps 101 % for an in-context memory match only, through {{score, match}} too', async () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), langs, (score, lng) => {
        expect(formatMatch(lng, score)).toBe(formatPercent(lng, score));
      }),
    );
    const i18n = createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: { m: 'Memory {{score, match}}', p: '{{x, percent}} of rows' } } },
      interpolation: { escapeValue: false },
    });
    registerPercent(i18n);
    const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;
    expect(t('m', { score: 101 })).toBe('Memory 101%');
    expect(t('p', { x: 101 })).toBe('100% of rows');
    expect(t('p', { x: 99.6 })).toBe('99% of rows');
  });
});
