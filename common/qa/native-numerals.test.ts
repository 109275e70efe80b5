import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

const TENS = ['', '열', '스물', '서른', '마흔', '쉰', '예순', '일흔', '여든', '아흔'] as const;
const UNITS = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉'] as const;
const native = (n: number) => {
  const t = Math.floor(n / 10);
  const u = n % 10;
  return t === 2 && u === 0 ? '스무' : `${TENS[t]}${UNITS[u]}`;
};

describe('native numerals past ten (열두 명, 스무 살, 마흔세 명, 예순 번째, 아흔을 앞둔)', () => {
  it('a native count from 11 to 99 matches its digits and is flagged when a translation changes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 1, max: 9 }), (n, d) => {
        const ko = `주민 ${native(n)} 명이 대피했다.`;
        expect(flagged(ko, `${n} người dân đã sơ tán.`, `${n} residents were evacuated.`)).toEqual([]);
        expect(flagged(ko, `${n} người dân đã sơ tán.`, `${n + d} residents were evacuated.`)).toContain(
          `en:values:${native(n)}`,
        );
      }),
    );
  });

  it.each([
    ['스무 살에 데뷔했다.', 'ra mắt năm 20 tuổi', 'debuted at 20'],
    [
      '아흔을 앞둔 배우는 예순 번째 작품에 나선다.',
      'sắp bước sang tuổi 90, tác phẩm thứ 60',
      'about to turn 90, his 60th work',
    ],
    ['스무 해 만에 재개됐다.', 'được nối lại sau 20 năm', 'resumed after 20 years'],
    ['서른에 창업했다.', 'khởi nghiệp ở tuổi 30', 'started a business at 30'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('an age said in native numerals is flagged when changed; 쉰 alone (rested) is no number', () => {
    expect(flagged('일흔 살까지 뛰고 싶다.', 'đến năm 70 tuổi', 'until he is 80')).toContain(
      'en:values:일흔',
    );
    expect(flagged('스무 해 만에 재개됐다.', 'sau 20 năm', 'after 20 months')).toContain('en:values:스무');
    expect(
      flagged('일주일을 쉰 뒤 복귀했다.', 'trở lại sau một tuần nghỉ', 'returned after a week off'),
    ).toEqual([]);
  });
});

describe('native counts of hours (세 시간, 한 시간 반)', () => {
  it.each([
    ['한 시간 반 동안 회담했다.', 'hội đàm trong một tiếng rưỡi', 'talks for an hour and a half'],
    ['두 시간 반 동안 회담했다.', 'hội đàm trong 2 tiếng rưỡi', 'talks for 150 minutes'],
    ['세 시간 넘게 고립됐다.', 'mắc kẹt hơn ba tiếng', 'stranded for more than three hours'],
    ['올해 일흔인 그는', 'năm nay đã 70 tuổi', 'now 70'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('another count of hours, or another age, is flagged', () => {
    expect(
      flagged('한 시간 반 동안 회담했다.', 'trong một tiếng rưỡi', 'for two and a half hours'),
    ).toContain('en:values:한 시간 반');
    expect(flagged('세 시간 넘게 고립됐다.', 'mắc kẹt hơn năm tiếng', 'for more than three hours')).toContain(
      'vi:values:세 시간',
    );
    expect(flagged('올해 일흔인 그는', 'năm nay đã 70 tuổi', 'now 75')).toContain('en:values:일흔');
  });
});

describe('vague native counts (한두, 두세, 서너, 너덧)', () => {
  it.each([
    ['한두 차례 더 협상한다.', 'đàm phán thêm một hai lần', 'one or two more rounds of talks'],
    ['한두 달 늦춰질 수 있다.', 'bị lùi lại một hai tháng', 'delayed by a month or two'],
    ['서너 시간 비가 내리겠다.', 'mưa trong ba bốn tiếng', 'rain for three or four hours'],
    ['너덧 시간만 잤다.', 'chỉ ngủ bốn năm tiếng', 'slept only four or five hours'],
    ['구급차 두세 대가 대기했다.', 'hai ba xe cứu thương', 'two or three ambulances'],
    ['두세 달 안에 개각한다.', 'trong vòng hai ba tháng tới', 'within two to three months'],
    ['서너 발을 더 쏠 수 있다.', 'phóng thêm vài quả tên lửa', 'fire a few more missiles'],
    ['잠시 두세요.', 'Hãy để đó.', 'Leave it.'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('another vague count in a translation is flagged', () => {
    expect(
      flagged('서너 시간 비가 내리겠다.', 'mưa trong ba bốn tiếng', 'rain for two or three hours'),
    ).toContain('en:values:서너');
    expect(
      flagged('한두 달 늦춰질 수 있다.', 'bị lùi lại hai ba tháng', 'delayed by a month or two'),
    ).toContain('vi:values:한두');
    expect(
      flagged('서너 곳이 입찰한다.', 'bốn năm công ty đấu thầu', 'three or four companies bid'),
    ).toContain('vi:values:서너');
    expect(flagged('서너 발을 더 쏠 수 있다.', 'thêm ba bốn quả', 'four or five more missiles')).toContain(
      'en:values:서너',
    );
  });
});
