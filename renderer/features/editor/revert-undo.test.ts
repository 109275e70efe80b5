// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../electron/contract';
import { changedCells } from './revert-undo';

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
