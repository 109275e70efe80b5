import { describe, expect, it } from 'vitest';
import { koreanDiff, matchIndexForKey } from './tm-diff';

describe('koreanDiff', () => {
  it('marks what only the row and only the memory have, keeping the shared words', () => {
    const parts = koreanDiff(
      '코스피 지수는 8.02포인트 오른 2,458.14에 장을 마감했다.',
      '코스피 지수는 12.34포인트 오른 2,450.12에 장을 마감했다.',
    );
    expect(
      parts
        .filter((p) => p.side === 'row')
        .map((p) => p.text)
        .join('|'),
    ).toMatch(/8\.02|02/);
    expect(
      parts
        .filter((p) => p.side === 'memory')
        .map((p) => p.text)
        .join(''),
    ).toContain('12');
    expect(
      parts
        .filter((p) => p.side === 'both')
        .map((p) => p.text)
        .join(''),
    ).toContain('에 장을 마감했다.');
    // Read in order, the row's side rebuilds the row and the memory's side the memory's source.
    const row = parts
      .filter((p) => p.side !== 'memory')
      .map((p) => p.text)
      .join('');
    expect(row).toBe('코스피 지수는 8.02포인트 오른 2,458.14에 장을 마감했다.');
  });

  it('compares in NFC: a syllable typed as jamo equals the precomposed one', () => {
    const decomposed = '한국'.normalize('NFD');
    expect(koreanDiff(`${decomposed} 기자`, '한국 기자')).toEqual([{ text: '한국 기자', side: 'both' }]);
  });
});

describe('matchIndexForKey', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: true,
    altKey: false,
    metaKey: false,
    ...mods,
  });
  it('takes Ctrl+1…3 and nothing else', () => {
    expect([matchIndexForKey(key('1')), matchIndexForKey(key('3'))]).toEqual([0, 2]);
    expect(matchIndexForKey(key('4'))).toBeNull();
    expect(matchIndexForKey(key('1', { ctrlKey: false }))).toBeNull();
    expect(matchIndexForKey(key('1', { altKey: true }))).toBeNull();
    expect(matchIndexForKey(key('Enter'))).toBeNull();
  });
});
