import { describe, expect, it, vi } from 'vitest';
import type { CellEdit, Project, Segment } from '../../../electron/contract';
import { SAVE_DELAY_MS, SaveQueue } from './save-queue';
import { ReviewStore } from './store';

function setup(updateCell: (edit: CellEdit) => Promise<Segment>) {
  const store = new ReviewStore();
  const segment: Segment = {
    id: 's1',
    kind: 'paragraph',
    source: '원문',
    translate: true,
    targets: { vi: { text: 'máy', status: 'machine', rev: 1 }, en: { text: 'mt', status: 'machine' } },
  };
  const project = { id: 'p1', segments: [segment] } as unknown as Project;
  store.setProject(project);
  const failures: string[] = [];
  const queue = new SaveQueue(() => 'p1', {
    store,
    updateCell,
    toError: (e) => ({ code: e instanceof Error ? e.message : 'unknown' }),
    onFailure: (e) => failures.push(e.code),
  });
  return { store, queue, failures, segment };
}

const saved = (edit: CellEdit, rev: number): Segment => ({
  id: edit.segmentId,
  kind: 'paragraph',
  source: '원문',
  translate: true,
  targets: { vi: { text: edit.text, status: 'edited', rev }, en: { text: 'mt', status: 'machine' } },
});

describe('SaveQueue', () => {
  it('batches typing into one save after the pause, with the base revision, and clears the draft', async () => {
    vi.useFakeTimers();
    const calls: CellEdit[] = [];
    const { store, queue } = setup(async (edit) => {
      calls.push(edit);
      return saved(edit, 2);
    });
    queue.edit('s1', 'vi', 'm', 10);
    queue.edit('s1', 'vi', 'mo', 10);
    queue.edit('s1', 'vi', 'mới', 10);
    expect(store.draft('s1', 'vi')?.state).toBe('dirty');
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(calls).toEqual([
      { projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'mới', elapsedMs: 30, baseRev: 1 },
    ]);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    expect(store.segment('s1')?.targets.vi.text).toBe('mới');
    vi.useRealTimers();
  });

  it('keeps the text after a failed save, reports once, and retries until it is stored', async () => {
    vi.useFakeTimers();
    let fail = true;
    const { store, queue, failures } = setup(async (edit) => {
      if (fail) throw new Error('api.hostUnreachable');
      return saved(edit, 2);
    });
    queue.edit('s1', 'vi', 'chưa lưu');
    expect(await queue.flush()).toBe(false);
    expect(store.draft('s1', 'vi')).toMatchObject({ text: 'chưa lưu', state: 'failed' });
    expect(failures).toEqual(['api.hostUnreachable']);
    await vi.advanceTimersByTimeAsync(1_001); // first retry, still failing: no second notice
    expect(failures).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(2_001);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    expect(store.segment('s1')?.targets.vi.text).toBe('chưa lưu');
    vi.useRealTimers();
  });

  it('typing during a save stays a draft and goes with the next save', async () => {
    let release!: () => void;
    const texts: string[] = [];
    const { store, queue } = setup(async (edit) => {
      texts.push(edit.text);
      if (texts.length === 1) await new Promise<void>((r) => (release = r));
      return saved(edit, texts.length + 1);
    });
    queue.edit('s1', 'vi', 'một');
    const first = queue.flush();
    await Promise.resolve();
    queue.edit('s1', 'vi', 'một hai');
    release();
    await first;
    expect(store.draft('s1', 'vi')?.text).toBe('một hai');
    await queue.flush();
    expect(texts).toEqual(['một', 'một hai']);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    queue.dispose();
  });

  it('Esc drops unsent typing', () => {
    const { store, queue } = setup(async (edit) => saved(edit, 2));
    queue.edit('s1', 'vi', 'gõ nhầm');
    expect(queue.revert('s1', 'vi')).toBe(true);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    expect(queue.revert('s1', 'vi')).toBe(false);
    queue.dispose();
  });
});
