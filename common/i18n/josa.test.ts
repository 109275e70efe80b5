import { describe, expect, it } from 'vitest';
import { josa } from './josa';

describe('Korean particles follow the word', () => {
  it('chooses by the last syllable, with ㄹ for 으로', () => {
    expect(josa('용어', 'eun')).toBe('는');
    expect(josa('부산시', 'i')).toBe('가');
    expect(josa('서울', 'ro')).toBe('로');
    expect(josa('편집자', 'ro')).toBe('로');
    expect(josa('베트남', 'ro')).toBe('으로');
    expect(josa('베트남', 'eul')).toBe('을');
    expect(josa('“업무협약”', 'eun')).toBe('은');
  });

  it('reads digits and Latin letters aloud', () => {
    expect(josa('row 3', 'i')).toBe('이'); // 삼
    expect(josa('2', 'i')).toBe('가'); // 이
    expect(josa('file.xml', 'ro')).toBe('로'); // 엘: ㄹ takes 로
    expect(josa('editor', 'ro')).toBe('로'); // 알
    expect(josa('PDF', 'eun')).toBe('는');
  });
});

describe('the Korean strings choose their particles through i18next', () => {
  it('a term message reads naturally for words with and without a final consonant', async () => {
    const { default: i18next } = await import('i18next');
    const qa = (await import('../../locales/ko/qa.json')).default;
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ko', resources: { ko: { qa } }, interpolation: { escapeValue: false } });
    const { registerJosa } = await import('./josa');
    registerJosa(i18n);
    const say = (term: string) => i18n.t('qa:termMissing', { term, expected: 'Seoul' });
    expect(say('서울시')).toContain('“서울시”는');
    expect(say('업무협약')).toContain('“업무협약”은');
    expect(say('서울시')).not.toMatch(/\(는\)|\(을\)|\(으\)/);
  });
});
