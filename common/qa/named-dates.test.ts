import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('events named after their date (3·1절, 6·25 전쟁)', () => {
  it.each([
    [
      '3·1절 기념식이 열렸다.',
      'Lễ kỷ niệm Ngày Phong trào Độc lập 1/3 đã diễn ra.',
      'A March 1 ceremony was held.',
    ],
    ['6·25 전쟁 참전용사 60명', '60 cựu binh Chiến tranh Triều Tiên', '60 Korean War veterans'],
    [
      '5·18 민주화운동 기념식',
      'lễ kỷ niệm Phong trào Dân chủ hóa Gwangju',
      'the Gwangju Democratic Uprising ceremony',
    ],
    [
      '9·19 군사합의 효력 정지',
      'đình chỉ thỏa thuận quân sự ngày 19/9',
      'suspension of the Sept. 19 military pact',
    ],
  ])('%s: the date may be said or left in the name', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('1·2차 stays a pair of numbers (the first and second rounds)', () => {
    expect(
      flagged('1·2차 협상이 모두 결렬됐다.', 'Các cuộc đàm phán đều đổ vỡ.', 'The talks collapsed.'),
    ).not.toEqual([]);
  });

  it('a count beside the event is still checked', () => {
    expect(flagged('6·25 전쟁 참전용사 60명', '70 cựu binh', '60 Korean War veterans')).toContain(
      'vi:values:60',
    );
  });
});
