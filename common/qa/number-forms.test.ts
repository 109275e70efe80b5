import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('spans of years said in words', () => {
  it.each([
    ['10년 새 두 배 넘게 늘었다.', 'tăng hơn gấp đôi trong một thập kỷ', 'more than doubling in a decade'],
    ['20년 만에 최고', 'cao nhất trong hai thập kỷ', 'the highest in two decades'],
    ['지난 10년간 꾸준히 늘었다.', 'tăng đều trong thập kỷ qua', 'rose steadily over the past decade'],
    ['반세기 만의 귀환', 'sự trở lại sau nửa thế kỷ', 'a return after half a century'],
    ['50년 만의 귀환', 'sự trở lại sau 50 năm', 'a return after half a century'],
  ])('%s: nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a span of another length is still flagged', () => {
    expect(flagged('20년 만에 최고', 'cao nhất trong 20 năm', 'the highest in three decades')).toContain(
      'en:values:20',
    );
  });
});

describe('halving and sport averages', () => {
  it('절반으로 줄었다 = halved', () => {
    expect(flagged('판매는 절반으로 줄었다.', 'Doanh số giảm một nửa.', 'Sales halved.')).toEqual([]);
  });

  it('타율 0.291 = a .291 average, and .219 is flagged', () => {
    const ko = '시즌 타율을 0.291로 끌어올렸다.';
    const vi = 'nâng tỷ lệ đánh bóng lên 0,291.';
    expect(flagged(ko, vi, 'raising his average to .291.')).toEqual([]);
    expect(flagged(ko, vi, 'raising his average to .219.')).toContain('en:values:0.291');
  });
});
