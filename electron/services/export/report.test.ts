import { describe, expect, it } from 'vitest';
import { projectOf } from '../../../test/support/mt';
import { NO_HOUSE_STYLE, type HouseStyle } from '../../contract';
import { parseCsv } from '../csv-read';
import { reportCsv, reportHtml } from './report';

// The review report's memory column (the match that filled a cell, or the one offered) and its house style.

function project() {
  const p = projectOf([
    { kind: 'headline', source: '서울시 소식' },
    { kind: 'paragraph', source: '서울시는 1일 협약을 맺었다.' },
    { kind: 'paragraph', source: '새 문장.' },
  ]);
  const [a, b, c] = p.segments;
  a!.targets.vi = {
    text: 'Tin Seoul',
    status: 'edited',
    tm: { score: 101, text: 'Tin Seoul', at: '2026-01-01T00:00:00Z' },
  };
  b!.targets.en = {
    text: 'Seoul signed.',
    status: 'approved',
    tm: { score: 100, text: 'Seoul signed.', at: '2026-01-01T00:00:00Z' },
  };
  c!.targets.vi = { text: 'Câu mới.', status: 'machine', mt: 'Câu mới.' };
  return p;
}
const matches = new Map([['s3|vi', 87]]);
const style: HouseStyle = {
  vi: {
    ...NO_HOUSE_STYLE.vi,
    translationMemoryId: 'tm-vi',
    customInstructions: ['Viết "Gu" không có "quận"'],
  },
  en: {
    styleId: 'rule-en',
    customInstructions: ['AP style', 'Korean names family name first'],
    translationMemoryId: '',
  },
};

describe('review report: memory matches and house style', () => {
  it('CSV: each row line carries the match that filled or was offered for its cell', () => {
    const [header, ...lines] = parseCsv(reportCsv(project(), { matches }).replace(/^\uFEFF/, ''));
    const col = header!.indexOf('memory_match');
    const byCell = Object.fromEntries(
      lines.filter((l) => l[0] === 'row').map((l) => [`${l[1]}|${l[2]}`, l[col]]),
    );
    expect(byCell).toEqual({
      '1|vi': '101',
      '1|en': '',
      '2|vi': '',
      '2|en': '100',
      '3|vi': '87',
      '3|en': '',
    });
    expect(lines.every((l) => l.length === header!.length)).toBe(true);
  });

  it('CSV: a style line per language with a house style, naming what DeepL does not take', () => {
    const [header, ...lines] = parseCsv(reportCsv(project(), { houseStyle: style }).replace(/^\uFEFF/, ''));
    const styleLines = lines.filter((l) => l[0] === 'style');
    expect(styleLines.map((l) => l[2])).toEqual(['vi', 'en']);
    const comment = header!.indexOf('comment');
    expect(styleLines[0]![comment]).toBe(
      'custom_instructions: Viết "Gu" không có "quận"; translation_memory_id: tm-vi; not sent (DeepL does not support it for this target): customInstructions',
    );
    expect(styleLines[1]![comment]).toContain(
      'style_id: rule-en; custom_instructions: AP style | Korean names',
    );
    expect(parseCsv(reportCsv(project(), { houseStyle: NO_HOUSE_STYLE })).some((l) => l[0] === 'style')).toBe(
      false,
    );
  });

  it('HTML: the memory column in the interface language, and the house style section', () => {
    const page = reportHtml(project(), new Date('2026-01-02T00:00:00Z'), 'vi', {
      matches,
      houseStyle: style,
    });
    expect(page).toContain('<td>Bộ nhớ 101%</td>');
    expect(page).toContain('<td>Bộ nhớ 87%</td>');
    expect(page).toContain('Phong cách riêng gửi cho DeepL');
    expect(page).toContain(
      '<th scope="row">en</th><td>rule-en</td><td>AP style · Korean names family name first</td>',
    );
    expect(page).toContain('không gửi: DeepL không hỗ trợ cho ngôn ngữ này');
    const none = reportHtml(project(), new Date(), 'en', { houseStyle: NO_HOUSE_STYLE });
    expect(none).toContain('No house style is set');
    expect(reportHtml(project(), new Date(), 'en')).not.toContain('House style');
  });
});
