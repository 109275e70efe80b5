import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatPercent, registerPercent } from './percent';

describe('percentages', () => {
  it("writes a percentage by the language's convention", () => {
    expect(formatPercent('en', 48)).toBe('48%');
    expect(formatPercent('ko', 101)).toBe('101%');
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
});
