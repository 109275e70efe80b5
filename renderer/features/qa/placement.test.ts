import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../common/qa';
import { cellPart, rowPart } from './placement';

// 50만 is 500,000: the English 50,000 disagrees with the Korean and with the Vietnamese; the given name is written
// two ways (Se-hoon, Se-hun), and nothing says which is right.
const found = checkRow({
  id: 'r1',
  source: '오세훈 서울시장은 2025년까지 전기차 50만 대를 보급한다.',
  targets: {
    vi: 'Thị trưởng Seoul Oh Se-hoon sẽ phổ biến 500.000 xe điện đến năm 2025.',
    en: 'Seoul Mayor Oh Se-hun will deploy 50,000 electric vehicles by 2025.',
  },
});

describe('where a finding shows in the grid', () => {
  it('a cross-language value sits on the cell that disagrees with the Korean only', () => {
    const en = cellPart(found, 'en');
    expect(en.some((f) => f.check === 'crossValues')).toBe(true);
    expect(cellPart(found, 'vi')).toEqual([]);
  });

  it('a name written two ways sits once on the row, in neither cell', () => {
    const row = rowPart(found);
    expect(row.map((f) => f.code)).toContain('qa:nameDiffers');
    expect(row.every((f) => f.lang === 'both')).toBe(true);
    for (const lang of ['vi', 'en'] as const)
      expect(cellPart(found, lang).some((f) => f.check === 'crossNames')).toBe(false);
    // Each finding shows in exactly one place.
    expect(cellPart(found, 'vi').length + cellPart(found, 'en').length + row.length).toBe(found.length);
  });
});
