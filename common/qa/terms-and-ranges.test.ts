import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('basis points', () => {
  const ko = '기준금리를 0.25%포인트 내린 3.25%로 결정했다.';
  it('0.25%포인트 = 25 basis points = 25 điểm cơ bản; 50 basis points is flagged', () => {
    expect(
      flagged(
        ko,
        'hạ lãi suất 25 điểm cơ bản xuống 3,25%',
        'cut the rate by 25 basis points to 3.25 percent',
      ),
    ).toEqual([]);
    expect(
      flagged(ko, 'hạ lãi suất 0,25 điểm phần trăm xuống 3,25%', 'cut the rate by 50 bps to 3.25 percent'),
    ).toContain('en:values:0.25%포인트');
  });
});

describe('terms and age groups written with digits', () => {
  it.each([
    ['2차전지 산업을 육성한다.', 'phát triển ngành pin sạc', 'foster the rechargeable battery industry'],
    [
      '2030세대의 정치 무관심이 커지고 있다.',
      'sự thờ ơ của thế hệ 20-30 tuổi',
      'apathy among people in their 20s and 30s',
    ],
  ])('%s: nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('an age group said wrong is flagged', () => {
    expect(flagged('2030세대의 무관심', 'thế hệ 20-30 tuổi', 'people in their 20s and 40s')).toContain(
      'en:values:30',
    );
  });
});

describe('a range of days in Vietnamese (ngày 10-11)', () => {
  it('10∼11일 = ngày 10-11 = the 10th and 11th; 11월 10일 = ngày 10-11 too', () => {
    expect(
      flagged('오는 10∼11일 비가 내리겠다.', 'mưa vào ngày 10-11.', 'rain on the 10th and 11th.'),
    ).toEqual([]);
    expect(flagged('11월 10일 비가 내리겠다.', 'mưa vào ngày 10-11.', 'rain on Nov. 10.')).toEqual([]);
  });
  it('a wrong day is flagged', () => {
    expect(
      flagged('오는 10∼11일 비가 내리겠다.', 'mưa vào ngày 12-13.', 'rain on the 10th and 11th.'),
    ).toContain('vi:values:10');
  });
});

describe('rounds, emergency numbers and court instances said without the number', () => {
  it.each([
    [
      '8강에서 중국을 3-0으로 눌렀다.',
      'thắng Trung Quốc 3-0 ở tứ kết',
      'downed China 3-0 in the quarterfinals',
    ],
    [
      '세계선수권 4강에 진출했다.',
      'đã vào bán kết giải vô địch thế giới',
      'reached the semifinals of the world championships',
    ],
    [
      '112 신고를 받고 출동한 119 구급대가 그를 옮겼다.',
      'Nhận tin báo của cảnh sát, lực lượng cấp cứu đã đưa anh vào bệnh viện.',
      'Paramedics sent after a police report took him to hospital.',
    ],
    [
      '2심에서 1심의 징역 5년을 깼다.',
      'tòa phúc thẩm hủy bản án 5 năm tù',
      'the appeals court overturned a five-year sentence',
    ],
  ])('%s: nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it('a round said as another round is flagged', () => {
    expect(flagged('4강에 진출했다.', 'đã vào tứ kết giải vô địch', 'reached the semifinals')).toContain(
      'vi:values:4',
    );
  });
});

describe('counts in a Latin prefix', () => {
  it('3국 정상회의 = a trilateral summit; a quadrilateral one is flagged', () => {
    const ko = '한·미·일 3국 정상회의를 제안했다.';
    const vi = 'đề xuất hội nghị thượng đỉnh ba bên Hàn - Mỹ - Nhật';
    expect(flagged(ko, vi, 'proposed a trilateral summit of South Korea, the U.S. and Japan')).toEqual([]);
    expect(flagged(ko, vi, 'proposed a four-way summit of South Korea, the U.S. and Japan')).toContain(
      'en:values:3',
    );
  });
});

describe('first place said as a verb', () => {
  it('핫100 1위 = topped the Hot 100; a second place is still flagged', () => {
    const ko = "BTS의 '다이너마이트'는 빌보드 핫100 1위에 3주간 올랐다.";
    const vi = 'Ca khúc "Dynamite" của BTS đã đứng đầu Billboard Hot 100 trong 3 tuần.';
    expect(flagged(ko, vi, 'BTS\' "Dynamite" topped the Billboard Hot 100 for three weeks.')).toEqual([]);
    expect(
      flagged(ko, vi, 'BTS\' "Dynamite" was second on the Billboard Hot 100 for three weeks.'),
    ).toContain('en:values:1위');
  });
});
