import { describe, expect, it } from 'vitest';
import type { Segment } from '../../contract';
import { checkSegment, numbersInKorean, numbersInTarget } from './index';

const seg = (source: string, vi: string, en: string): Segment => ({
  id: 'p1',
  kind: 'paragraph',
  source,
  translate: true,
  targets: { vi: { text: vi, status: 'machine' }, en: { text: en, status: 'machine' } },
});

describe('numbers', () => {
  it('understands Korean 만 units and target thousands separators', () => {
    expect(numbersInKorean('2025년까지 전기차 50만대')).toEqual([['2025'], ['50', '500000', '500', '0.5']]);
    expect(numbersInTarget('500.000 xe điện vào năm 2025', 'vi')).toEqual(['500000', '2025']);
    expect(numbersInTarget('500,000 EVs by 2025', 'en')).toEqual(['500000', '2025']);
  });
});

describe('checkSegment', () => {
  const source =
    '서울도 2025년 전기차 50만대 시대에 대비해서 도보 5분 거리 내에서 충전할 수 있는 인프라를 구축한다';

  it('passes a faithful pair of translations', () => {
    const issues = checkSegment(
      seg(
        source,
        'Seoul chuẩn bị cho kỷ nguyên 500.000 xe điện vào năm 2025, xây hạ tầng sạc trong vòng 5 phút đi bộ.',
        'Seoul is preparing for 500,000 EVs by 2025, building chargers within a 5-minute walk.',
      ),
    );
    expect(issues).toEqual([]);
  });

  it('flags a number missing from one target and the disagreement between the targets', () => {
    const issues = checkSegment(
      seg(
        source,
        'Seoul chuẩn bị cho kỷ nguyên 500.000 xe điện vào năm 2026, xây hạ tầng sạc trong vòng 5 phút đi bộ.',
        'Seoul is preparing for 500,000 EVs by 2025, building chargers within a 5-minute walk.',
      ),
    );
    expect(issues.map((i) => `${i.lang}:${i.code}`)).toEqual([
      'vi:qa:numberMissing',
      'both:qa:numbersDiffer',
    ]);
    expect(issues[0]!.params).toEqual({ numbers: '2025' });
  });

  it('flags e-mails not kept verbatim, glossary terms not used and Hangul left behind', () => {
    const s = seg(
      '문의는 photo@newsis.com 으로. 서울창업허브 개소',
      'Liên hệ photo@newsis.vn. 서울창업허브',
      'Contact photo@newsis.com. Seoul Startup Hub opened',
    );
    const issues = checkSegment(s, [
      { ko: '서울창업허브', vi: 'Seoul Startup Hub', en: 'Seoul Startup Hub' },
    ]);
    const codes = issues.filter((i) => i.lang === 'vi').map((i) => i.code);
    expect(codes).toEqual(['qa:tokenChanged', 'qa:glossaryMissing', 'qa:hangulLeft']);
    expect(issues.filter((i) => i.lang === 'en')).toEqual([]);
  });

  it('flags a target far shorter than the other (a dropped sentence)', () => {
    const issues = checkSegment(
      seg(
        source,
        'Seoul chuẩn bị.',
        'Seoul is preparing for 500,000 EVs by 2025, building chargers within a 5-minute walk.',
      ),
    );
    expect(issues.map((i) => i.code)).toContain('qa:lengthMismatch');
  });
});
