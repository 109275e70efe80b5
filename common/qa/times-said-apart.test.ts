import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Hours and minutes said apart: times of day (3 giờ rưỡi chiều) and durations (sau 5 giờ 40 phút). */
describe('hours and minutes said apart', () => {
  it('a duration after sau (after) reads as a duration as well as a time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 59 }), (h, m) => {
        const ko = `수색은 ${h}시간 ${m}분 만에 끝났다.`;
        const vi = `Cuộc tìm kiếm kết thúc sau ${h} giờ ${m} phút.`;
        expect(flagged(ko, vi, `The search ended after ${h} hours and ${m} minutes.`)).toEqual([]);
        expect(flagged(`오후 ${h}시 ${m}분에 끝났다.`, `Kết thúc sau ${h} giờ ${m} phút.`, '')).not.toContain(
          `vi:values:오후 ${h}시 ${m}분`,
        );
      }),
    );
  });

  it.each([
    [
      '회담은 오후 3시 반부터 진행됐다.',
      'Hội đàm bắt đầu từ 3 giờ rưỡi chiều.',
      'The talks began at 3:30 p.m.',
    ],
    ['오전 9시 반에 문을 연다.', 'Mở cửa lúc 9 giờ rưỡi sáng.', 'It opens at 9:30 a.m.'],
    ['2시간 6분 35초의 기록', 'thành tích 2 giờ 6 phút 35 giây', 'in 2 hours, 6 minutes and 35 seconds'],
    ['3시간 20분 동안 중단됐다.', 'bị gián đoạn 3 giờ 20 phút', 'halted for 3 hours and 20 minutes'],
    ['1시간 30분 만에', 'sau 1 giờ rưỡi', 'after an hour and a half'],
    ['밤 11시 50분께 접수됐다.', 'vào khoảng 23 giờ 50 phút', 'at around 11:50 p.m.'],
    ['2시간 반 뒤 도착한다.', 'đến nơi sau 2 tiếng rưỡi', 'arrives two and a half hours later'],
    ['1년 반 만에 복귀했다.', 'trở lại sau một năm rưỡi', 'returned after a year and a half'],
    ['1년 반 만에 복귀했다.', 'trở lại sau 18 tháng', 'returned after 18 months'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a wrong half hour, a wrong part of the day or a wrong race time is flagged', () => {
    expect(flagged('오후 3시 반부터', 'từ 4 giờ rưỡi chiều', 'from 3:30 p.m.')).toContain(
      'vi:values:오후 3시 반',
    );
    expect(flagged('오후 3시 반부터', 'từ 3 giờ rưỡi sáng', 'from 3:30 p.m.')).toContain(
      'vi:values:오후 3시 반',
    );
    expect(
      flagged(
        '2시간 6분 35초의 기록',
        'thành tích 2 giờ 6 phút 35 giây',
        'in 2 hours, 6 minutes and 53 seconds',
      ),
    ).toContain('en:values:35');
    expect(flagged('2시간 반 뒤 도착한다.', 'sau 2 tiếng rưỡi', 'three and a half hours later')).toContain(
      'en:values:2시간 반',
    );
    expect(flagged('1년 반 만에 복귀했다.', 'sau một năm rưỡi', 'after two and a half years')).toContain(
      'en:values:1년 반',
    );
  });
});
