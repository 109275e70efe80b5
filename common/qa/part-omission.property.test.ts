import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang } from './types';

/**
 * One Korean sentence that both translations split in two: complete, it passes (a split is not an addition); with
 * the second half dropped from one translation, that one gets a warning that part of the Korean is missing.
 */
const SPLITS = [
  {
    ko: '대통령은 이날 국무회의에서 민생 법안의 조속한 처리를 당부하면서 여야 지도부와의 회동을 제안했다.',
    vi: [
      'Tại cuộc họp Nội các, Tổng thống kêu gọi nhanh chóng thông qua các dự luật dân sinh.',
      'Ông cũng đề xuất một cuộc gặp với lãnh đạo đảng cầm quyền và phe đối lập.',
    ],
    en: [
      'At a Cabinet meeting, the president called for swift passage of livelihood bills.',
      'He also proposed a meeting with the leaders of the ruling and opposition parties.',
    ],
  },
  {
    ko: '질병관리청은 독감 유행주의보를 발령하면서 고령층과 어린이는 서둘러 예방접종을 받아야 한다고 당부했다.',
    vi: [
      'Cơ quan Kiểm soát và Phòng ngừa Dịch bệnh Hàn Quốc đã ban hành cảnh báo dịch cúm.',
      'Cơ quan này kêu gọi người cao tuổi và trẻ em nhanh chóng đi tiêm phòng.',
    ],
    en: [
      'The Korea Disease Control and Prevention Agency issued a flu epidemic advisory.',
      'It urged older people and children to get vaccinated quickly.',
    ],
  },
  {
    ko: '부산국제영화제는 베트남 감독의 신작을 개막작으로 선정하고 아시아 신인 감독을 위한 지원 프로그램을 새로 마련했다.',
    vi: [
      'Liên hoan phim quốc tế Busan đã chọn tác phẩm mới của một đạo diễn Việt Nam làm phim khai mạc.',
      'Liên hoan cũng lập một chương trình hỗ trợ mới dành cho các đạo diễn trẻ châu Á.',
    ],
    en: [
      'The Busan International Film Festival chose a new film by a Vietnamese director as its opening film.',
      'It also set up a new support program for emerging Asian directors.',
    ],
  },
];

const check = (s: (typeof SPLITS)[number], dropIn?: QaLang) =>
  checkRow({
    id: 'p',
    source: s.ko,
    targets: {
      vi: (dropIn === 'vi' ? s.vi.slice(0, 1) : s.vi).join(' '),
      en: (dropIn === 'en' ? s.en.slice(0, 1) : s.en).join(' '),
    },
  });

describe('part of a split sentence dropped in one translation', () => {
  it('a sentence split in two in both translations passes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPLITS), (s) => {
        expect(check(s).filter((f) => f.check === 'omission' || f.check === 'truncated')).toEqual([]);
      }),
    );
  });
  it('the second half dropped in one is a warning there, and only there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPLITS), fc.constantFrom<QaLang>('vi', 'en'), (s, lang) => {
        const found = check(s, lang).filter((f) => f.check === 'omission');
        expect(found.map((f) => [f.lang, f.code, f.severity])).toEqual([[lang, 'qa:partMissing', 'warning']]);
      }),
    );
  });
});
