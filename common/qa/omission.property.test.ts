import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import type { QaLang } from './types';

/**
 * Sentence alignment (issue #20): a sentence one translation spells out, or one whose value is wrong, is not a
 * dropped sentence, in that translation or in the other; a sentence really dropped still is.
 */

type Triple = [ko: string, vi: string, en: string];
const SENTENCES: Triple[] = [
  [
    '축제는 다음 달 3일 개막한다.',
    'Lễ hội sẽ khai mạc vào ngày 3 tháng tới.',
    'The festival opens on the 3rd of next month.',
  ],
  ['입장은 무료다.', 'Vào cửa miễn phí.', 'Admission is free.'],
  [
    '기상청은 주말 동안 전국에 비가 내린다고 밝혔다.',
    'Cơ quan khí tượng cho biết mưa sẽ rơi trên cả nước vào cuối tuần.',
    'The weather agency said rain would fall nationwide over the weekend.',
  ],
  ['휴대전화는 반입이 금지된다.', 'Cấm mang điện thoại di động.', 'Mobile phones are banned.'],
  [
    '시장은 매주 금요일 시민들과 대화한다.',
    'Thị trưởng trò chuyện với người dân vào thứ Sáu hằng tuần.',
    'The mayor meets residents every Friday.',
  ],
  [
    '정부는 내년 예산안을 국회에 제출했다.',
    'Chính phủ đã trình dự thảo ngân sách năm tới lên Quốc hội.',
    'The government submitted next year’s budget bill to the National Assembly.',
  ],
  [
    '경찰은 이번 사고의 정확한 원인을 조사하고 있다.',
    'Cảnh sát đang điều tra nguyên nhân chính xác của vụ tai nạn.',
    'Police are investigating the exact cause of the accident.',
  ],
];
// What a translator may add to make a terse sentence read well: it lengthens the sentence, it adds no sentence.
const SPELL_OUT: Record<QaLang, string> = {
  vi: ' trong suốt thời gian diễn ra sự kiện, theo thông báo của ban tổ chức',
  en: ' throughout the event, according to a notice from the organizers',
};

const pair = fc
  .tuple(fc.integer({ min: 0, max: SENTENCES.length - 1 }), fc.integer({ min: 0, max: SENTENCES.length - 1 }))
  .filter(([a, b]) => a !== b);
const join = (rows: Triple[], i: 0 | 1 | 2) => rows.map((r) => r[i]).join(' ');
const spellOut = (t: Triple, lang: QaLang): Triple => {
  const at = lang === 'vi' ? 1 : 2;
  const out: Triple = [...t];
  out[at] = `${t[at].replace(/\.$/u, '')}${SPELL_OUT[lang]}.`;
  return out;
};
const omissionErrors = (ko: string, vi: string, en: string) =>
  checkRow({ id: 'o', source: ko, targets: { vi, en } }).filter(
    (f) => f.check === 'omission' && f.severity === 'error',
  );

describe('sentence alignment', () => {
  it('a sentence spelled out in one translation is no omission in either', () => {
    fc.assert(
      fc.property(
        pair,
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom<QaLang>('vi', 'en'),
        ([a, b], k, lang) => {
          const rows = [SENTENCES[a]!, SENTENCES[b]!];
          rows[k] = spellOut(rows[k]!, lang);
          expect(omissionErrors(join(rows, 0), join(rows, 1), join(rows, 2))).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a wrong weekday in one sentence is no omission in either translation', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const rows = [SENTENCES[a]!, SENTENCES[b]!];
        const vi = join(rows, 1).replace('thứ Sáu', 'thứ Năm');
        expect(omissionErrors(join(rows, 0), vi, join(rows, 2))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a long sentence dropped by one translation is reported on that translation', () => {
    const long = [2, 4, 5, 6];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(long, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<QaLang>('vi', 'en'),
        (picked, drop, lang) => {
          const rows = picked.map((i) => SENTENCES[i]!);
          const cut = rows.filter((_, i) => i !== drop);
          const vi = join(lang === 'vi' ? cut : rows, 1);
          const en = join(lang === 'en' ? cut : rows, 2);
          const found = checkRow({ id: 'o', source: join(rows, 0), targets: { vi, en } });
          expect(found.some((f) => f.check === 'omission' && f.lang === lang && f.severity !== 'note')).toBe(
            true,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
