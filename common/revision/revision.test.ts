import { describe, expect, it } from 'vitest';
import { clearRevision, markedTargets, revisionOf } from './index';

type Cell = { text: string; status: string; revision?: 'new' | 'changed' };
type Row = {
  id: string;
  source: string;
  targets: { vi: Cell; en: Cell };
  change?: string;
  previousSource?: string;
};
const row = (over: Partial<Row> = {}): Row => ({
  id: 's1',
  source: '새 문장',
  targets: { vi: { text: 'vi', status: 'edited' }, en: { text: 'en', status: 'edited' } },
  change: 'changed',
  previousSource: '옛 문장',
  ...over,
});

describe('revision marks per language', () => {
  it('reads a row stored before marks were per language as owed by both languages', () => {
    expect(revisionOf(row(), 'vi')).toBe('changed');
    expect(revisionOf(row(), 'en')).toBe('changed');
    expect(revisionOf(row({ change: 'unchanged' }), 'vi')).toBeUndefined();
    expect(markedTargets(row()).en).toMatchObject({ revision: 'changed' });
  });

  it("one language's approval settles its own mark only; the row flag goes with the last one", () => {
    const afterVi = clearRevision(row(), 'vi');
    expect(revisionOf(afterVi, 'vi')).toBeUndefined();
    expect(revisionOf(afterVi, 'en')).toBe('changed');
    expect(afterVi.change).toBe('changed');
    const afterBoth = clearRevision(afterVi, 'en');
    expect(afterBoth.change).toBeUndefined();
    expect(revisionOf(afterBoth, 'en')).toBeUndefined();
    expect(afterBoth.previousSource).toBe('옛 문장'); // the Korean diff stays available
    expect(clearRevision(afterBoth, 'vi')).toBe(afterBoth);
  });
});
