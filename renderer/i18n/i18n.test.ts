import { describe, expect, it } from 'vitest';
import { pickUiLanguage, startLanguage } from './index';

describe('UI language at start', () => {
  it('maps OS and browser locales to en, ko or vi', () => {
    expect(pickUiLanguage('ko-KR')).toBe('ko');
    expect(pickUiLanguage('vi_VN.UTF-8')).toBe('vi');
    expect(pickUiLanguage('en-GB')).toBe('en');
    expect(pickUiLanguage('fr-FR')).toBe('en');
    expect(pickUiLanguage('')).toBe('en');
    expect(pickUiLanguage(undefined)).toBe('en');
  });

  it('prefers the saved choice, then the OS language, then the browser language', () => {
    expect(startLanguage('vi', 'ko-KR', 'en-US')).toBe('vi');
    expect(startLanguage(null, 'ko-KR', 'vi-VN')).toBe('ko');
    expect(startLanguage(null, 'C', 'vi-VN')).toBe('vi');
    expect(startLanguage(null, 'de-DE', 'fr-FR')).toBe('en');
  });
});
