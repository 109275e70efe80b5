import { describe, expect, it, vi } from 'vitest';
import type { CellEdit, Project, Segment } from '../../../electron/contract';
import { SAVE_DELAY_MS, SaveQueue } from './save-queue';
import { PAGE_SENDER } from './save-types';
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
      {
        projectId: 'p1',
        segmentId: 's1',
        lang: 'vi',
        text: 'mới',
        elapsedMs: 30,
        baseRev: 1,
        key: expect.stringMatching(/^[0-9a-f]{32}$/),
        // This page as the sender: the host groups typing into one undo step per tab, not per person.
        sender: PAGE_SENDER,
      },
    ]);
    expect(PAGE_SENDER).toMatch(/^[0-9a-f]{32}$/);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    expect(store.segment('s1')?.targets.vi.text).toBe('mới');
    vi.useRealTimers();
  });

  it('keeps the text after a failed save, reports once, and retries until it is stored', async () => {
    vi.useFakeTimers();
    let fail = true;
    const keys: Array<string | undefined> = [];
    const { store, queue, failures } = setup(async (edit) => {
      keys.push(edit.key);
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
    // Every retry is the same save (one key: a lost answer comes back as done); the next save has its own.
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
    queue.edit('s1', 'vi', 'tiếp');
    await queue.flush();
    expect(keys.at(-1)).not.toBe(keys[0]);
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

  it('sends typing kept from an earlier session against the revision it was typed on', async () => {
    vi.useFakeTimers();
    const calls: CellEdit[] = [];
    const { store, queue } = setup(async (edit) => {
      calls.push(edit);
      return saved(edit, 5);
    });
    // The cell moved on to revision 4 on the desk meanwhile; the kept typing started from revision 1.
    store.applySegments('p1', [saved({ projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'của họ' }, 4)]);
    queue.restore({ segmentId: 's1', lang: 'vi', text: 'của tôi', baseRev: 1 });
    expect(store.draft('s1', 'vi')).toMatchObject({ text: 'của tôi', state: 'dirty' });
    queue.restore({ segmentId: 'gone', lang: 'vi', text: 'x', baseRev: 1 }); // its row no longer exists
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(calls).toEqual([
      {
        projectId: 'p1',
        segmentId: 's1',
        lang: 'vi',
        text: 'của tôi',
        elapsedMs: 0,
        baseRev: 1,
        key: expect.any(String),
        sender: PAGE_SENDER,
      },
    ]);
    // Typing of this session is never replaced by an older kept copy.
    queue.edit('s1', 'vi', 'mới hơn');
    queue.restore({ segmentId: 's1', lang: 'vi', text: 'cũ', baseRev: 1 });
    expect(store.draft('s1', 'vi')?.text).toBe('mới hơn');
    vi.useRealTimers();
  });

  it('retries at once when told the other side is back, and reports dropped typing', async () => {
    vi.useFakeTimers();
    let fail = true;
    const calls: string[] = [];
    const dropped: string[] = [];
    const store = new ReviewStore();
    const { segment } = setup(async (e) => saved(e, 2));
    store.setProject({ id: 'p1', segments: [segment] } as unknown as Project);
    const queue = new SaveQueue(() => 'p1', {
      store,
      updateCell: async (edit) => {
        calls.push(edit.text);
        if (fail) throw new Error('deskClient.unreachable');
        return saved(edit, 2);
      },
      toError: (e) => ({ code: e instanceof Error ? e.message : 'unknown' }),
      onFailure: () => undefined,
      onDropped: (segmentId, lang) => dropped.push(`${segmentId}/${lang}`),
    });
    queue.edit('s1', 'vi', 'gõ khi mất mạng');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(store.draft('s1', 'vi')?.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(1_001); // the first retry
    await vi.advanceTimersByTimeAsync(2_001); // the second; the next would wait 4 s
    expect(calls).toHaveLength(3);
    fail = false;
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(4);
    expect(store.draft('s1', 'vi')).toBeUndefined();
    // Esc drops typing: whoever kept a copy is told.
    queue.edit('s1', 'en', 'dropped');
    expect(queue.revert('s1', 'en')).toBe(true);
    expect(dropped).toEqual(['s1/en']);
    vi.useRealTimers();
  });

  it.each(['desk.languageLocked', 'text.controlCharacter'])(
    'does not retry a save refused for good (%s), and keeps the text',
    async (code) => {
      vi.useFakeTimers();
      const calls: string[] = [];
      const { store, queue, failures } = setup(async (edit) => {
        calls.push(edit.text);
        throw new Error(code);
      });
      queue.edit('s1', 'vi', 'sau khi ký duyệt');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toEqual(['sau khi ký duyệt']); // asked once, not again and again
      expect(failures).toEqual([code]);
      expect(store.draft('s1', 'vi')).toMatchObject({
        text: 'sau khi ký duyệt',
        state: 'failed',
        refused: true,
      });
      expect(store.saveSummary()).toBe('refused');
      // Typing again is a new attempt.
      queue.edit('s1', 'vi', 'sau khi ký duyệt!');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
      expect(calls).toHaveLength(2);
      vi.useRealTimers();
    },
  );
});
