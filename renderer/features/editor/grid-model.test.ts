import { describe, expect, it } from 'vitest';
import type { CellStatus, Segment } from '../../../electron/contract';
import { highlightParts, moveTarget, nextOpenCell, nextOpenRow, visibleRows } from './grid-model';
import { commandOf } from './keymap';
import { editRate, wordDiff } from './word-diff';

const seg = (id: string, vi: CellStatus, en: CellStatus, extra: Partial<Segment> = {}): Segment => ({
  id,
  kind: 'paragraph',
  source: `서울 ${id}`,
  translate: true,
  targets: { vi: { text: `Seoul ${id}`, status: vi }, en: { text: `Hanoi ${id}`, status: en } },
  ...extra,
});

const rows = [
  seg('a', 'approved', 'approved'),
  seg('b', 'edited', 'machine'),
  seg('c', 'machine', 'machine', { change: 'changed', previousSource: '옛 원문' }),
  seg('d', 'approved', 'machine'),
  seg('e', 'machine', 'machine', { kind: 'caption', linkedTo: 'a' }),
];
const q = (filter: Parameters<typeof visibleRows>[1]['filter'], search = '', qa: string[] = []) =>
  visibleRows(rows, { filter, search, qaRows: new Set(qa) });

describe('filters and search', () => {
  it('filters by status, revision, QA finding and differing languages', () => {
    expect(q('all')).toEqual([0, 1, 2, 3, 4]);
    expect(q('needsReview')).toEqual([1, 2, 3]);
    expect(q('edited')).toEqual([1]);
    expect(q('approved')).toEqual([0]);
    expect(q('changed')).toEqual([2]);
    expect(q('qa', '', ['d'])).toEqual([3]);
    expect(q('differ')).toEqual([1, 3]);
  });

  it('"has a check finding" keeps the row being edited, and only under that filter', () => {
    const query = { search: '', qaRows: new Set(['d']), editing: 'b' };
    expect(visibleRows(rows, { ...query, filter: 'qa' })).toEqual([1, 3]);
    expect(visibleRows(rows, { ...query, filter: 'approved' })).toEqual([0]);
    expect(visibleRows(rows, { ...query, filter: 'qa', editing: null })).toEqual([3]);
  });

  it('"memory match" shows rows with a cell still holding the text the memory filled it with', () => {
    const tm = (text: string) => ({ score: 101, text, at: '2026-12-01T00:00:00.000Z' });
    const memoryRows = [
      seg('m1', 'edited', 'machine'),
      seg('m2', 'approved', 'machine'),
      seg('m3', 'edited', 'machine'),
    ];
    memoryRows[0]!.targets.vi.tm = tm('Seoul m1');
    memoryRows[1]!.targets.vi.tm = tm('Seoul m2');
    // Typed over: the memory's text is gone, so is the match.
    memoryRows[2]!.targets.vi.tm = tm('Seoul, earlier');
    expect(visibleRows(memoryRows, { filter: 'memory', search: '', qaRows: new Set() })).toEqual([0, 1]);
    expect(q('memory')).toEqual([]);
  });

  it('searches the three columns case-insensitively', () => {
    expect(q('all', 'HANOI c')).toEqual([2]);
    expect(q('all', '서울 d')).toEqual([3]);
    expect(q('needsReview', 'seoul a')).toEqual([]);
  });

  it('finds stored (composed) text from a search pasted decomposed: Vietnamese marks, Hangul jamo', () => {
    const texts = [seg('v', 'edited', 'machine'), seg('k', 'edited', 'machine')];
    texts[0]!.targets.vi.text = 'Hợp tác với Việt Nam';
    texts[1]!.source = '한강 다리';
    const find = (search: string) => visibleRows(texts, { filter: 'all', search, qaRows: new Set() });
    expect(find('VIỆT'.normalize('NFD'))).toEqual([0]);
    expect(find('\u1112\u1161\u11ab\u1100\u1161\u11bc')).toEqual([1]);
  });

  it('marks every hit', () => {
    expect(highlightParts('Seoul and seoul', 'seoul')).toEqual([
      { text: 'Seoul', hit: true },
      { text: ' and ', hit: false },
      { text: 'seoul', hit: true },
    ]);
  });

  it('finds the next open cell of a language, wrapping, skipping captions and approved cells', () => {
    const all = q('all');
    expect(nextOpenCell(rows, all, 1, 'vi', 'b')).toBe(2);
    expect(nextOpenCell(rows, all, 2, 'vi', 'c')).toBe(1);
    expect(nextOpenCell(rows, all, 3, 'en', 'd')).toBe(1);
  });
});

describe('keyboard map', () => {
  const k = (
    key: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('maps the documented keys', () => {
    expect(commandOf(k('Enter', { ctrlKey: true }), true)).toBe('approve');
    expect(commandOf(k('Enter', { metaKey: true }), true)).toBe('approve');
    expect(commandOf(k('Enter', { ctrlKey: true, shiftKey: true }), true)).toBe('approveRow');
    expect(commandOf(k('ArrowDown', { altKey: true }), true)).toBe('nextRow');
    expect(commandOf(k('Tab'), true)).toBe('nextCell');
    expect(commandOf(k('Tab', { shiftKey: true }), true)).toBe('prevCell');
    expect(commandOf(k('Tab'), false)).toBeNull();
    expect(commandOf(k('Z', { ctrlKey: true, shiftKey: true }), true)).toBe('redo');
    expect(commandOf(k('f', { ctrlKey: true }), true)).toBe('search');
    expect(commandOf(k('?'), true)).toBeNull(); // typed into the text
    expect(commandOf(k('?'), false)).toBe('shortcuts');
    expect(commandOf(k('a'), true)).toBeNull();
  });
});

describe('against the machine text', () => {
  it('diffs words and measures the edit rate per word of the longer text', () => {
    const parts = wordDiff('the city signed a deal', 'the city signed an agreement', 'en');
    expect(parts.filter((p) => p.kind === 'del').map((p) => p.text.trim())).toEqual(['a deal']);
    expect(parts.filter((p) => p.kind === 'ins').map((p) => p.text.trim())).toEqual(['an agreement']);
    expect(editRate('the city signed a deal', 'the city signed an agreement', 'en')).toBeCloseTo(2 / 5);
    expect(editRate('giống hệt', 'giống hệt', 'vi')).toBe(0);
    // A machine sentence cut down to one word is rewritten (100 %), not 900 %; one word added to three is a quarter.
    expect(editRate('Seoul signed a deal with Hanoi on smart mobility', 'Seoul', 'en')).toBe(8 / 9);
    expect(editRate('the city signed', 'the city signed it', 'en')).toBe(1 / 4);
    expect(editRate('một hai ba', 'bốn', 'vi')).toBe(1);
  });
});

describe('moving between cells', () => {
  // Row e is a caption (not reviewable): moves and the next open row skip it.
  const all = [0, 1, 2, 3, 4];
  const at = (index: number, lang: 'vi' | 'en') => ({ index, segmentId: rows[index]!.id, lang });

  it('Tab walks Vietnamese then English across rows; Alt+arrows keep the language; the ends stay put', () => {
    expect(moveTarget(rows, all, at(1, 'vi'), 'nextCell')).toEqual({ segmentId: 'b', lang: 'en' });
    expect(moveTarget(rows, all, at(1, 'en'), 'nextCell')).toEqual({ segmentId: 'c', lang: 'vi' });
    expect(moveTarget(rows, all, at(1, 'vi'), 'prevCell')).toEqual({ segmentId: 'a', lang: 'en' });
    expect(moveTarget(rows, all, at(1, 'en'), 'prevCell')).toEqual({ segmentId: 'b', lang: 'vi' });
    expect(moveTarget(rows, all, at(2, 'en'), 'prevRow')).toEqual({ segmentId: 'b', lang: 'en' });
    expect(moveTarget(rows, all, at(3, 'en'), 'nextRow')).toBeNull();
    expect(moveTarget(rows, [1, 3], at(1, 'vi'), 'nextRow')).toEqual({ segmentId: 'd', lang: 'vi' });
    expect(moveTarget(rows, all, at(1, 'vi'), 'approve')).toBeNull();
  });

  it('the next open row after a row approval is the next visible reviewable row with a language open', () => {
    expect(nextOpenRow(rows, all, 0)).toBe(1);
    expect(nextOpenRow(rows, [0, 3], 0)).toBe(3);
    expect(nextOpenRow(rows, all, 3)).toBeUndefined();
  });
});
