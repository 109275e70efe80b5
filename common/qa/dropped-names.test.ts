import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import { flagged } from './flagged';
import { romanize } from '../text/hangul-roman';

const dropped = (ko: string, vi: string, en: string) =>
  checkRow({ id: 'r', source: ko, targets: { vi, en } })
    .filter((f) => f.code === 'qa:nameDropped')
    .map((f) => `${f.lang}:${String(f.params.name)}`);

describe('a short place phrase dropped from one translation', () => {
  const ko = '방탄소년단은 다음 달 10일 부산 아시아드주경기장에서 무료 콘서트를 연다.';
  const en = 'BTS will hold a free concert at Busan Asiad Main Stadium on the 10th of next month.';

  it('is a warning on the translation that lacks the romanized name the other gives', () => {
    expect(dropped(ko, 'BTS sẽ tổ chức buổi hòa nhạc miễn phí vào ngày 10 tháng sau.', en)).toEqual([
      'vi:Busan, Asiad',
    ]);
    expect(
      dropped(
        '한덕수 국무총리는 이날 정부서울청사에서 열린 국무회의를 주재했다.',
        'Thủ tướng Han Duck-soo đã chủ trì cuộc họp Nội các cùng ngày tại Khu phức hợp Chính phủ Seoul.',
        'Prime Minister Han Duck-soo presided over a Cabinet meeting.',
      ),
    ).toEqual(['en:Seoul']);
    // One phrase, one finding, each name once (경기 and 경기도청 are both Gyeonggi).
    expect(
      dropped(
        '윤 대통령은 이날 경기 수원시 경기도청에서 열린 타운홀 미팅에 참석했다.',
        'Tổng thống Yoon đã tham dự cuộc họp mặt người dân tổ chức tại trụ sở tỉnh Gyeonggi ở thành phố Suwon cùng ngày.',
        'President Yoon attended a town hall meeting.',
      ),
    ).toEqual(['en:Gyeonggi, Suwon']);
  });

  it.each([
    [
      ko,
      'BTS sẽ tổ chức buổi hòa nhạc miễn phí tại Sân vận động chính Asiad Busan vào ngày 10 tháng sau.',
      en,
    ],
    // Rendered in the translation's own words, at a usual length: no finding.
    [
      '회의는 아시아 10개국 정상이 참석한 가운데 열렸다.',
      'Hội nghị diễn ra với sự tham dự của lãnh đạo 10 nước châu Á.',
      'The meeting was held with leaders of 10 Asian countries attending.',
    ],
    [
      '대표단은 다낭과 하노이를 방문했다.',
      'Phái đoàn đã thăm Đà Nẵng và Hà Nội.',
      'The delegation visited Danang and Hanoi.',
    ],
  ])('%s: nothing flagged', (k, vi, e) => {
    expect(flagged(k, vi, e)).toEqual([]);
  });
});

describe('romanize (Revised Romanization, for matching names)', () => {
  it.each([
    ['부산', 'busan'],
    ['서울', 'seoul'],
    ['경주시', 'gyeongjusi'],
    ['용산', 'yongsan'],
    ['울릉도', 'ulleungdo'],
    ['한국어', 'hangugeo'],
  ])('%s is %s', (hangul, latin) => {
    expect(romanize(hangul).text).toBe(latin);
  });
});
