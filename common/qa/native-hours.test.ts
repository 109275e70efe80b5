import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

const NATIVE = [
  '한',
  '두',
  '세',
  '네',
  '다섯',
  '여섯',
  '일곱',
  '여덟',
  '아홉',
  '열',
  '열한',
  '열두',
] as const;

describe('hours of the clock in native numerals (오후 세 시, 새벽 네 시 반, 오후 서너 시)', () => {
  it('오후 N 시 matches N p.m. and is flagged against another hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 10 }), (h, d) => {
        const ko = `회의는 오후 ${NATIVE[h - 1]} 시에 시작한다.`;
        expect(flagged(ko, `Cuộc họp bắt đầu lúc ${h + 12} giờ.`, `The meeting starts at ${h} p.m.`)).toEqual(
          [],
        );
        const other = ((h + d - 1) % 11) + 1;
        if (other !== h)
          expect(flagged(ko, `lúc ${h + 12} giờ`, `at ${other} p.m.`)).toContain(
            `en:values:오후 ${NATIVE[h - 1]} 시`,
          );
      }),
    );
  });

  it.each([
    [
      '비는 오후 서너 시쯤 그치겠다.',
      'Mưa sẽ tạnh vào khoảng ba bốn giờ chiều.',
      'The rain will stop at around 3 or 4 p.m.',
    ],
    ['새벽 네 시 반에 출발했다.', 'khởi hành lúc 4 giờ rưỡi sáng', 'left at 4:30 a.m.'],
    ['세시풍속을 소개한다.', 'giới thiệu phong tục theo mùa', 'introduces seasonal customs'],
    ['서너 살 아이들', 'trẻ ba bốn tuổi', 'three- and four-year-olds'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('another vague hour or age is flagged', () => {
    expect(flagged('오후 서너 시쯤 그치겠다.', 'khoảng ba bốn giờ chiều', 'at around 5 or 6 p.m.')).toContain(
      'en:values:서너',
    );
    expect(flagged('서너 살 아이들', 'trẻ năm sáu tuổi', 'three- and four-year-olds')).toContain(
      'vi:values:서너',
    );
  });
});
