import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('fractions (3분의 1, 4분의 1, 3분의 2)', () => {
  it.each([
    ['가구의 4분의 1가량이 월세로 산다.', 'khoảng một phần tư số hộ', 'about a quarter of households'],
    [
      '가구의 3분의 1이 월세로 산다.',
      'Một phần ba số hộ sống ở nhà thuê theo tháng.',
      'One in three households lives in a monthly rental.',
    ],
    [
      '가구의 3분의 1이 월세로 산다.',
      'Một phần ba số hộ sống ở nhà thuê theo tháng.',
      'One-third of households live in monthly rentals.',
    ],
    ['응답자의 3분의 2가 찬성했다.', 'hai phần ba số người được hỏi', 'two-thirds of respondents'],
    ['응답자의 4분의 1이 찬성했다.', '25% số người được hỏi', '25 percent of respondents'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('another fraction is flagged, and "a third straight month" is no fraction', () => {
    expect(flagged('응답자의 3분의 2가 찬성했다.', 'hai phần ba', 'a quarter of respondents')).toContain(
      'en:values:3',
    );
    expect(
      flagged('석 달째 하락세다.', 'giảm tháng thứ ba liên tiếp', 'falling for a third straight month'),
    ).toEqual([]);
  });
});

describe('native numerals before a counter (두 달, 석 달, 세 차례)', () => {
  it.each([
    [
      '두 달 연속 감소하다 석 달 만에 늘었다.',
      'giảm hai tháng liên tiếp, tăng lần đầu sau ba tháng',
      'fell for two straight months, rose for the first time in three months',
    ],
    ['경찰은 세 차례 압수수색을 벌였다.', 'cảnh sát đã khám xét ba lần', 'police carried out three raids'],
    ['한 달 새 두 배로 뛰었다.', 'tăng gấp đôi trong một tháng', 'doubled in a month'],
  ])('%s: nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('두 번 다시 (never again) is an idiom, not a count', () => {
    expect(
      flagged(
        '두 번 다시 이런 일이 없도록 하겠다.',
        'Sẽ không để chuyện này tái diễn.',
        'This will never happen again.',
      ),
    ).toEqual([]);
  });

  it('a native count said as another count is flagged', () => {
    expect(
      flagged('석 달 만에 늘었다.', 'tăng lần đầu sau ba tháng', 'rose for the first time in four months'),
    ).toContain('en:values:석 달');
  });
});

describe('a percent band (30%대)', () => {
  it('30%대 초반 = the low 30s; 40s is flagged', () => {
    const ko = '지지율은 30%대 초반에 머물렀다.';
    expect(flagged(ko, 'tỷ lệ ủng hộ ở mức trên 30% một chút', 'approval stayed in the low 30s')).toEqual([]);
    expect(flagged(ko, 'tỷ lệ ủng hộ ở mức trên 30% một chút', 'approval stayed in the low 40s')).toContain(
      'en:values:30%',
    );
  });
});
