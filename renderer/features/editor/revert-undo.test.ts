// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CellVersion, Segment } from '../../../electron/contract';
import { changedCells, versionOf } from './revert-undo';

const row = (id: string, vi: string, en: string, status: 'edited' | 'approved' = 'edited'): Segment => ({
  id,
  kind: 'paragraph',
  source: '원문',
  translate: true,
  targets: { vi: { text: vi, status }, en: { text: en, status: 'edited' } },
});

describe('what an undo changed', () => {
  it('names exactly the cells whose text or status moved, against the rows before the step', () => {
    const before = [row('a', 'một', 'one'), row('b', 'hai', 'two')];
    expect(changedCells(before, [row('b', 'hai', 'TWO')])).toEqual([{ segmentId: 'b', lang: 'en' }]);
    expect(changedCells(before, [row('a', 'một', 'one', 'approved')])).toEqual([
      { segmentId: 'a', lang: 'vi' },
    ]);
    expect(changedCells(before, [row('a', 'một', 'one')])).toEqual([]);
    // A row the step brought back (it was not there before) counts in both languages.
    expect(changedCells(before, [row('c', 'ba', 'three')])).toHaveLength(2);
  });
});

describe('what Esc puts back', () => {
  const v = (
    id: string,
    text: string,
    status: 'edited' | 'approved',
    prev: string,
    prevStatus: 'approved' | 'empty',
  ) => ({ id, text, status, previousText: prev, previousStatus: prevStatus }) as CellVersion;

  it('a version of the history, else the cell as it was before a change (its approval kept), else none', () => {
    const versions = [v('7', 'Seoul ký', 'edited', 'Seoul', 'approved')];
    expect(versionOf(versions, { text: 'Seoul ký', status: 'edited' })).toBe('7');
    // A cell opened approved from a project file has no version of its own: the one before the typing.
    expect(versionOf(versions, { text: 'Seoul', status: 'approved' })).toBe('b7');
    expect(versionOf(versions, { text: 'Busan', status: 'edited' })).toBeUndefined();
  });
});
