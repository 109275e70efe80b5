import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('a negative rate (-0.2%, 증가율 -3.2%)', () => {
  it.each([
    [
      '1분기 성장률은 -0.2%로 역성장했다.',
      'Tăng trưởng quý I là -0,2%.',
      'The economy contracted 0.2 percent in the first quarter.',
    ],
    [
      '10월 수출 증가율은 -3.2%를 기록했다.',
      'Xuất khẩu tháng 10 giảm 3,2%.',
      'Exports fell 3.2 percent in October.',
    ],
  ])('%s: the minus may be said or turned into a verb', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('another figure is flagged, and a month next to 증가율 has no direction', () => {
    expect(
      flagged(
        '10월 수출 증가율은 -3.2%를 기록했다.',
        'Xuất khẩu tháng 10 giảm 2,3%.',
        'Exports fell 3.2 percent in October.',
      ),
    ).toEqual(['vi:values:-3.2%', 'vi:crossValues:2,3%']);
  });
});

describe('a date-named holiday with its ceremony', () => {
  it('8·15 경축식 = the Liberation Day ceremony on Aug. 15', () => {
    expect(
      flagged(
        '올해 8·15 경축식은 세종문화회관에서 열린다.',
        'Lễ kỷ niệm 15/8 năm nay diễn ra tại Trung tâm Văn hóa Sejong.',
        "This year's Liberation Day ceremony will be held at the Sejong Center.",
      ),
    ).toEqual([]);
  });
});
