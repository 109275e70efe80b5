import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('the exchange rate said as the value of the won', () => {
  const ko = '원/달러 환율은 10원 넘게 급등해 1,402.5원에 마감했다.';
  it('환율 급등 = the won plunged = đồng won mất giá', () => {
    expect(
      flagged(
        ko,
        'Đồng won mất giá hơn 10 won so với USD, xuống 1.402,5 won.',
        'The won plunged more than 10 won against the dollar to 1,402.5.',
      ),
    ).toEqual([]);
  });
  it('환율 급등 = the rate rose: the won "rising" and the rate "falling" are flagged', () => {
    expect(
      flagged(
        ko,
        'Tỷ giá giảm hơn 10 won, còn 1.402,5 won.',
        'The won rose more than 10 won against the dollar to 1,402.5.',
      ),
    ).toEqual(['vi:values:10', 'en:values:10']);
  });
  it('the dollar as the subject keeps the rate direction (closed at 1,382.5 won, down 4.3 won)', () => {
    const row = '원·달러 환율은 전날보다 4.3원 내린 1천382.5원에 마감했다.';
    expect(
      flagged(
        row,
        'Tỷ giá won/USD đóng cửa ở mức 1.382,5 won, giảm 4,3 won.',
        'The dollar closed at 1,382.5 won, down 4.3 won.',
      ),
    ).toEqual([]);
  });
});

describe('a conversion a translation adds in brackets', () => {
  it('into đồng in Vietnamese and dollars in English is not a value the other lacks', () => {
    expect(
      flagged(
        '1인당 평균 지출액은 150만원이다.',
        'Mức chi tiêu bình quân là 1,5 triệu won (khoảng 28 triệu đồng).',
        'The average spend is 1.5 million won (about $1,100).',
      ),
    ).toEqual([]);
  });
});
