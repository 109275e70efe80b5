import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiError, CellEdit, Project, Segment, TargetLang } from '../../../electron/contract';
import { PageJournal, type KeyValueStorage } from './journal';
import { SaveQueue, type SaveConflict } from './save-queue';
import { ReviewStore } from './store';

/** Web Storage over a map (what `localStorage` keeps across reloads of the page). */
class MemoryStorage implements KeyValueStorage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const ROWS = ['s1', 's2'];
const LANGS: TargetLang[] = ['vi', 'en'];
type Cell = { text: string; rev: number };

/**
 * The host: cells with revisions, refusing an older base revision as storage does. Requests wait in `inbox` until
 * the test answers them: stored and answered, refused (not stored), or stored with the answer lost (the host
 * went away after the commit).
 */
class Host {
  cells = new Map<string, Cell>(
    ROWS.flatMap((id) => LANGS.map((l) => [`${l}:${id}`, { text: `mt ${l} ${id}`, rev: 1 }] as const)),
  );
  inbox: { edit: CellEdit; resolve(s: Segment): void; reject(e: unknown): void }[] = [];

  segment(id: string): Segment {
    const cell = (l: TargetLang) => ({ ...this.cells.get(`${l}:${id}`)!, status: 'edited' as const });
    return {
      id,
      kind: 'paragraph',
      source: '원문',
      translate: true,
      targets: { vi: cell('vi'), en: cell('en') },
    };
  }
  project(): Project {
    return { id: 'p1', segments: ROWS.map((id) => this.segment(id)) } as unknown as Project;
  }
  /** Store an edit; an `ApiError` when its base revision is stale. */
  store(edit: CellEdit): ApiError | null {
    const cell = this.cells.get(`${edit.lang}:${edit.segmentId}`)!;
    if (edit.baseRev !== undefined && edit.baseRev !== cell.rev)
      return { code: 'cell.conflict', params: { text: cell.text, rev: cell.rev } };
    cell.text = edit.text;
    cell.rev++;
    return null;
  }
  answer(index: number, how: 'ok' | 'refused' | 'lost'): void {
    if (this.inbox.length === 0) return;
    const [req] = this.inbox.splice(index % this.inbox.length, 1);
    if (how === 'refused') return req!.reject(apiError({ code: 'api.hostUnreachable' }));
    const error = this.store(req!.edit);
    if (error) return req!.reject(apiError(error));
    if (how === 'lost') return req!.reject(apiError({ code: 'api.hostUnreachable' }));
    req!.resolve(this.segment(req!.edit.segmentId));
  }
}

const apiError = (api: ApiError) => Object.assign(new Error(api.code), { api });

/** One page: its store, queue and timers, over the browser storage that outlives it. */
function openPage(host: Host, storage: KeyValueStorage, conflicts: SaveConflict[] = []) {
  const store = new ReviewStore();
  store.setProject(host.project());
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const journal = new PageJournal(storage);
  const queue = new SaveQueue(() => 'p1', {
    store,
    journal,
    updateCell: (edit) => new Promise((resolve, reject) => host.inbox.push({ edit, resolve, reject })),
    toError: (e) => (e as { api?: ApiError }).api ?? { code: 'unknown' },
    onFailure: () => undefined,
    onConflict: (c) => conflicts.push(c),
    setTimer: (fn) => {
      timers.set(nextTimer, fn);
      return nextTimer++;
    },
    clearTimer: (id) => timers.delete(id),
  });
  queue.restoreJournal();
  const tick = () => {
    const due = [...timers.values()];
    timers.clear();
    due.forEach((fn) => fn());
  };
  return { store, queue, journal, tick, conflicts };
}

const settle = () => new Promise<void>((r) => setTimeout(r, 0));

const op = fc.oneof(
  fc.record({
    t: fc.constant('type' as const),
    row: fc.constantFrom(...ROWS),
    lang: fc.constantFrom(...LANGS),
    text: fc.string({ maxLength: 6 }),
  }),
  fc.record({ t: fc.constant('tick' as const) }),
  fc.record({
    t: fc.constant('answer' as const),
    i: fc.nat(5),
    how: fc.constantFrom('ok', 'refused', 'lost'),
  }),
  fc.record({ t: fc.constant('reload' as const), stored: fc.array(fc.boolean(), { maxLength: 4 }) }),
);

describe('page journal', () => {
  it('keeps, restores and forgets entries per project and cell', () => {
    const storage = new MemoryStorage();
    const journal = new PageJournal(storage);
    journal.record({ projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'một', baseRev: 3 });
    journal.record({ projectId: 'p2', segmentId: 's1', lang: 'vi', text: 'khác' });
    storage.setItem('unrelated', 'x');
    storage.setItem('bilingual-review.unsaved.v2:broken', '{');
    expect(new PageJournal(storage).entries('p1')).toEqual([
      { projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'một', baseRev: 3 },
    ]);
    journal.forget('p1', 's1', 'vi', 'older text'); // newer typing stays
    expect(journal.get('p1', 's1', 'vi')?.text).toBe('một');
    journal.forget('p1', 's1', 'vi', 'một');
    expect(journal.entries('p1')).toEqual([]);
    expect(journal.entries('p2')).toHaveLength(1);
  });

  it("keeps each signed-in person's typing apart: another account on the same browser never gets it", () => {
    const storage = new MemoryStorage();
    let who = 'lan';
    const journal = new PageJournal(storage, () => who);
    journal.record({ projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'của Lan', baseRev: 2 });
    who = 'minh';
    expect(journal.entries('p1')).toEqual([]);
    expect(journal.get('p1', 's1', 'vi')).toBeNull();
    journal.forget('p1', 's1', 'vi'); // Minh dropping his own typing leaves Lan's
    who = 'lan';
    expect(journal.entries('p1')).toEqual([
      { projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'của Lan', baseRev: 2 },
    ]);
  });

  it('says when the browser refuses to keep a copy', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const journal = new PageJournal(full);
    journal.record({ projectId: 'p1', segmentId: 's1', lang: 'vi', text: 'x' });
    expect(journal.working).toBe(false);
  });

  it('typing survives a reload whose save never arrived, and goes with its base revision', async () => {
    const host = new Host();
    const storage = new MemoryStorage();
    const first = openPage(host, storage);
    first.queue.edit('s1', 'vi', 'gõ trước khi khởi động lại');
    first.tick();
    await settle();
    host.answer(0, 'refused'); // the host went away
    await settle();
    const second = openPage(host, storage); // reload and sign in again
    expect(second.store.draft('s1', 'vi')?.text).toBe('gõ trước khi khởi động lại');
    second.tick();
    await settle();
    expect(host.inbox[0]?.edit).toMatchObject({ text: 'gõ trước khi khởi động lại', baseRev: 1 });
    host.answer(0, 'ok');
    await settle();
    expect(host.cells.get('vi:s1')?.text).toBe('gõ trước khi khởi động lại');
    expect(second.journal.entries('p1')).toEqual([]);
  });

  it('any interleaving of typing, answers, lost answers and reloads never loses unacknowledged typing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const host = new Host();
        const storage = new MemoryStorage();
        // Only this person writes: any conflict would be the page mistaking its own stored text for another's.
        const conflicts: SaveConflict[] = [];
        let page = openPage(host, storage, conflicts);
        const typed = new Map<string, string>();
        const check = () => {
          for (const [key, text] of typed) {
            const [lang, row] = key.split(':') as [TargetLang, string];
            const kept = page.journal.get('p1', row, lang)?.text;
            // Every cell's last typing is stored by the host, or kept by the page until it is.
            expect(host.cells.get(key)!.text === text || kept === text, `${key}: ${text}`).toBe(true);
          }
        };
        for (const o of ops) {
          if (o.t === 'type') {
            page.queue.edit(o.row, o.lang, o.text);
            typed.set(`${o.lang}:${o.row}`, o.text);
          } else if (o.t === 'tick') page.tick();
          else if (o.t === 'answer') host.answer(o.i, o.how);
          else {
            // The page goes; requests on the way are stored or not, and their answers never arrive.
            page.queue.dispose();
            for (const [i, req] of host.inbox.entries()) if (o.stored[i]) host.store(req.edit);
            host.inbox = [];
            page = openPage(host, storage, conflicts);
          }
          await settle();
          check();
        }
        // Afterwards, with the host answering: everything typed is stored and the journal is empty.
        for (
          let round = 0;
          round < 20 && (host.inbox.length > 0 || page.store.allDrafts().size > 0);
          round++
        ) {
          page.tick();
          await settle();
          while (host.inbox.length > 0) host.answer(0, 'ok');
          await settle();
        }
        for (const [key, text] of typed) expect(host.cells.get(key)!.text, key).toBe(text);
        expect(page.journal.entries('p1')).toEqual([]);
        expect(conflicts).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
