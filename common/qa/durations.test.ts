import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('a span of years and months (1년 6개월)', () => {
  it.each([
    ['1년 6개월 만에 하락했다.', 'giảm lần đầu sau 18 tháng', 'fell for the first time in 18 months'],
    ['징역 1년 6개월을 선고했다.', 'tuyên phạt 1 năm 6 tháng tù', 'sentenced to one year and six months'],
    ['징역 1년 6개월을 선고했다.', 'tuyên phạt một năm rưỡi tù', 'sentenced to a year and a half in prison'],
    ['징역 2년 6개월을 선고했다.', 'tuyên phạt 2 năm 6 tháng tù', 'sentenced to 30 months in prison'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it.each([
    ['1년 6개월 만에 하락했다.', 'giảm lần đầu sau 18 tháng', 'fell for the first time in 16 months', 'en'],
    ['징역 2년 6개월을 선고했다.', 'tuyên phạt 2 năm 8 tháng tù', 'sentenced to 30 months in prison', 'vi'],
  ])('%s / "%s" / "%s": the wrong span is flagged in %s', (ko, vi, en, lang) => {
    expect(flagged(ko, vi, en).some((f) => f.startsWith(`${lang}:values:`))).toBe(true);
  });
});

describe('hours and minutes, and a race time with hundredths', () => {
  it.each([
    [
      '공연은 1시간 30분 동안 이어졌다.',
      'Buổi biểu diễn kéo dài 90 phút.',
      'The show lasted an hour and a half.',
    ],
    [
      '공연은 1시간 30분 동안 이어졌다.',
      'Buổi biểu diễn kéo dài 1 giờ 30 phút.',
      'The show lasted 90 minutes.',
    ],
    ['공연은 2시간 15분 동안 이어졌다.', 'kéo dài 2 tiếng 15 phút', 'lasted two hours and 15 minutes'],
    [
      '100m 결승에서 10초07을 기록했다.',
      'về đích chung kết 100 m với thành tích 10 giây 07',
      'finished the 100-meter final in 10.07 seconds',
    ],
    ['1분44초75의 기록', 'thành tích 1 phút 44 giây 75', 'a time of 1:44.75'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a wrong total or a wrong race time is flagged', () => {
    expect(flagged('1시간 30분 동안', 'trong 90 phút', 'for 80 minutes')).toContain('en:values:1시간 30분');
    expect(flagged('10초07을 기록했다.', 'thành tích 10 giây 07', 'in 10.17 seconds')).toContain(
      'en:values:10초07',
    );
  });
});

describe('a multiple of growth given as a percent rise (1.5배 늘어 = up 50 percent)', () => {
  it.each([
    [
      '1주일 전보다 1.5배 늘어난 3만2천명',
      '32.000 ca, gấp 1,5 lần so với một tuần trước',
      '32,000, up 50 percent on the week',
    ],
    ['수출이 3배로 증가했다.', 'xuất khẩu tăng 200%', 'exports tripled'],
  ])('%s: nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a wrong percent is flagged, and a multiple without growth is not read as a percent', () => {
    expect(flagged('1.5배 늘어난 3만2천명', '32.000 ca, gấp 1,5 lần', '32,000, up 15 percent')).toContain(
      'en:values:1.5배',
    );
    expect(
      flagged('면적은 서울의 1.5배다.', 'diện tích gấp 1,5 lần Seoul', 'an area 50 percent of Seoul'),
    ).toContain('en:values:1.5배');
  });
});
