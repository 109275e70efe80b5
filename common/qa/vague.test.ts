import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('vague amounts (수십, 수백, 수천, 수십억)', () => {
  it.each([
    [
      '수천 명의 피해자가 수십억원을 잃었다.',
      'hàng nghìn nạn nhân mất hàng tỷ won',
      'thousands of victims lost billions of won',
    ],
    [
      '수십만 명이 거리로 나왔다.',
      'hàng trăm nghìn người xuống đường',
      'hundreds of thousands took to the streets',
    ],
    ['수백만 명이 영상을 봤다.', 'hàng triệu người đã xem video', 'millions of people watched the video'],
    ['수백 명이 다쳤다.', 'nhiều người bị thương', 'several hundred people were injured'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a vague amount of another magnitude is flagged', () => {
    expect(
      flagged('수천 명이 피해를 봤다.', 'hàng trăm người bị ảnh hưởng', 'thousands were affected'),
    ).toContain('vi:values:수천');
    expect(flagged('수십억원을 잃었다.', 'mất hàng tỷ won', 'lost tens of billions of won')).toContain(
      'en:values:수십억',
    );
  });
});
