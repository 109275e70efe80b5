import { describe, expect, it, vi } from 'vitest';
import type { CellEdit, Project, Segment } from '../../../electron/contract';
import { SaveQueue, type SaveConflict } from '../editor/save-queue';
import { ReviewStore } from '../editor/store';

const row = (text: string, rev: number): Segment => ({
  id: 's1',
  kind: 'paragraph',
  source: '원문',
  translate: true,
  targets: { vi: { text, status: 'edited', rev }, en: { text: 'mt', status: 'machine' } },
});

/** A desk cell at revision `rev` holding `stored`; `updateCell` refuses an older baseRev as storage does. */
function desk() {
  const store = new ReviewStore();
  store.setProject({ id: 'p1', segments: [row('máy', 1)] } as unknown as Project);
  let stored = { text: 'máy', rev: 1 };
  const calls: CellEdit[] = [];
  const conflicts: SaveConflict[] = [];
  const failures: string[] = [];
  const queue = new SaveQueue(() => 'p1', {
    store,
    async updateCell(edit) {
      calls.push(edit);
      if (edit.baseRev !== undefined && stored.rev > edit.baseRev)
        throw Object.assign(new Error('conflict'), {
          api: { code: 'cell.conflict', params: { ...stored, status: 'edited' } },
        });
      stored = { text: edit.text, rev: stored.rev + 1 };
      return row(stored.text, stored.rev);
    },
    toError: (e) => (e as { api?: { code: string } }).api ?? { code: 'unknown' },
    onFailure: (e) => failures.push(e.code),
    onConflict: (c) => conflicts.push(c),
  });
  /** Another reviewer saves, and the live update reaches this page. */
  const theirEdit = (text: string) => {
    stored = { text, rev: stored.rev + 1 };
    store.applySegments('p1', [row(text, stored.rev)]);
  };
  /** Another reviewer comments on the cell (or a machine suggestion arrives): its revision moves, its text not. */
  const theirComment = () => {
    stored = { ...stored, rev: stored.rev + 1 };
    store.applySegments('p1', [row(stored.text, stored.rev)]);
  };
  return { store, queue, calls, conflicts, failures, theirEdit, theirComment, stored: () => stored };
}

describe('save conflicts on the desk', () => {
  it('sends the revision the typing started from, even after a live update moved the cell on', async () => {
    vi.useFakeTimers();
    const d = desk();
    d.queue.edit('s1', 'vi', 'của tôi');
    d.theirEdit('của họ'); // arrives while I am still typing
    expect(await d.queue.flush()).toBe(false);
    expect(d.calls[0]).toMatchObject({ baseRev: 1, text: 'của tôi' });
    expect(d.conflicts).toEqual([
      { segmentId: 's1', lang: 'vi', mine: 'của tôi', theirs: 'của họ', theirsRev: 2 },
    ]);
    expect(d.failures).toEqual([]); // a choice, not an error notice
    expect(d.store.draft('s1', 'vi')).toMatchObject({ text: 'của tôi', state: 'failed' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(d.calls).toHaveLength(1); // not retried behind the person's back
    expect(d.stored().text).toBe('của họ');
    vi.useRealTimers();
  });

  it('saves a hand merge over the revision now seen, and keeping theirs drops only the typing', async () => {
    const d = desk();
    d.queue.edit('s1', 'vi', 'của tôi');
    d.theirEdit('của họ');
    await d.queue.flush();
    expect(await d.queue.resolveConflict(d.conflicts[0]!, { text: 'của họ và của tôi' })).toBe(true);
    expect(d.calls[1]).toMatchObject({ baseRev: 2, text: 'của họ và của tôi' });
    expect(d.stored()).toEqual({ text: 'của họ và của tôi', rev: 3 });
    expect(d.store.draft('s1', 'vi')).toBeUndefined();

    d.queue.edit('s1', 'vi', 'lần hai');
    d.theirEdit('họ sửa lại');
    await d.queue.flush();
    await d.queue.resolveConflict(d.conflicts[1]!, { keep: 'theirs' });
    expect(d.store.draft('s1', 'vi')).toBeUndefined();
    expect(d.store.segment('s1')?.targets.vi.text).toBe('họ sửa lại');
    expect(d.calls).toHaveLength(3);
  });

  it('says a conflict waits for a choice, not that it is retried, and "not saved" once closed undecided', async () => {
    vi.useFakeTimers();
    const d = desk();
    d.queue.edit('s1', 'vi', 'của tôi');
    d.theirEdit('của họ');
    await d.queue.flush();
    expect(d.store.saveSummary()).toBe('conflict');
    // Another cell's failure being retried does not hide the question.
    d.store.setDraft('s2', 'en', { text: 'x', state: 'failed', error: { code: 'api.hostUnreachable' } });
    expect(d.store.saveSummary()).toBe('conflict');
    d.store.setDraft('s2', 'en', null);

    d.queue.conflictClosed(d.conflicts[0]!);
    expect(d.store.draft('s1', 'vi')).toMatchObject({ text: 'của tôi', state: 'failed', conflict: 'held' });
    expect(d.store.saveSummary()).toBe('held');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(d.calls).toHaveLength(1);

    // Typing again sends it again, against the revision the typing started from: the question comes back.
    d.queue.edit('s1', 'vi', 'của tôi, sửa');
    expect(d.store.saveSummary()).toBe('saving');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(d.conflicts).toHaveLength(2);
    expect(d.store.saveSummary()).toBe('conflict');
    await d.queue.resolveConflict(d.conflicts[1]!, { text: 'của tôi, sửa' });
    expect(d.store.saveSummary()).toBe('saved');
    vi.useRealTimers();
  });

  it('a change that leaves the text and status as the typing found them (a comment, a suggestion) is no conflict', async () => {
    const d = desk();
    d.queue.edit('s1', 'vi', 'của tôi');
    d.theirComment(); // arrives while I am typing: the cell's revision moves on, its text is still 'máy'
    expect(await d.queue.flush()).toBe(true);
    expect(d.conflicts).toEqual([]);
    expect(d.calls.map((c) => c.baseRev)).toEqual([1, 2]);
    expect(d.stored()).toEqual({ text: 'của tôi', rev: 3 });
    expect(d.store.draft('s1', 'vi')).toBeUndefined();
    // A text changed meanwhile is still asked about.
    d.queue.edit('s1', 'vi', 'lần hai');
    d.theirEdit('của họ');
    expect(await d.queue.flush()).toBe(false);
    expect(d.conflicts).toHaveLength(1);
  });
});
