import { describe, expect, it } from 'vitest';
import type { Project } from '../../contract';
import { isAppError } from '../errors';
import { row } from '../../../test/support/project';
import { testCores } from '../../../test/support/project-cores';

const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };
const { open, reopen } = testCores();
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(`r${i}`, `문장 ${i}`));

describe('database-backed ProjectStore', () => {
  it('keeps every committed change across a restart, rows in order, optional fields included', async () => {
    const { core, dir } = await open();
    const p = await core.store.create({ title: '오세훈 기사', segments: rows(3), source });
    await core.handlers.updateCell({ projectId: p.id, segmentId: 'r1', lang: 'vi', text: 'Câu một' });
    await core.store.update(p.id, (x) => {
      (x as Project & { futureField?: unknown }).futureField = { vi: { r1: 'Câu một' } };
      x.glossary = [{ ko: '서울', vi: 'Seoul', en: 'Seoul' }];
    });
    const { core: again } = await reopen(core, dir);
    const back = await again.store.get(p.id);
    expect(back.segments.map((s) => s.id)).toEqual(['r0', 'r1', 'r2']);
    expect(back.segments[1]!.targets.vi).toMatchObject({ text: 'Câu một', status: 'edited', rev: 1 });
    expect((back as Project & { futureField?: unknown }).futureField).toEqual({
      vi: { r1: 'Câu một' },
    });
    expect(back.glossary).toEqual([{ ko: '서울', vi: 'Seoul', en: 'Seoul' }]);
    expect(await again.store.last()).toBe(p.id);
  });

  it('writes only the changed cell of a large project', async () => {
    const { core } = await open();
    const p = await core.store.create({ title: 't', segments: rows(2000), source });
    const sqlite = core.database.sqlite!;
    const before = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
    await core.handlers.updateCell({ projectId: p.id, segmentId: 'r1500', lang: 'en', text: 'Sentence' });
    const after = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
    // one cell, one history group and one change row (the project's change time moves at most every 2 s)
    expect(after.n - before.n).toBe(3);
  });

  it('raises the revision on every change and refuses an edit based on an older one', async () => {
    const { core } = await open();
    const p = await core.store.create({ title: 't', segments: rows(2), source });
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    const a = await core.handlers.updateCell({ ...ref, text: 'A', baseRev: 0 });
    expect(a.targets.vi.rev).toBe(1);
    const b = await core.handlers.approveCell(ref);
    expect(b.targets.vi.rev).toBe(2);
    const stale = core.handlers.updateCell({ ...ref, text: 'B', baseRev: 1 });
    await expect(stale).rejects.toSatisfy((e) => isAppError(e, 'cell.conflict'));
    await expect(stale).rejects.toMatchObject({ params: { text: 'A' } });
    expect((await core.store.get(p.id)).segments[0]!.targets.vi.text).toBe('A');
  });

  it('an edit based on an older revision that wants the text the cell holds, decomposed there, is no conflict', async () => {
    const { core } = await open();
    const p = await core.store.create({ title: 't', segments: rows(2), source });
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await core.handlers.updateCell({ ...ref, text: 'x', baseRev: 0 });
    // As an older project or another desk client stored it: decomposed.
    await core.store.update(p.id, (x) => {
      x.segments[0]!.targets.vi = { ...x.segments[0]!.targets.vi, text: 'Việt Nam'.normalize('NFD'), rev: 2 };
    });
    const same = await core.handlers.updateCell({ ...ref, text: 'Việt Nam', baseRev: 1 });
    expect(same.targets.vi.text).toBe('Việt Nam'.normalize('NFD'));
  });

  it('announces committed rows with their revisions', async () => {
    const { core, events } = await open();
    await core.handlers.uiReady(); // the UI listens: events flow from here on
    const p = await core.store.create({ title: 't', segments: rows(2), source });
    await core.handlers.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'en', text: 'Hi' });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'segments-updated', projectId: p.id });
    expect(last.type === 'segments-updated' && last.segments[0]!.targets.en).toMatchObject({
      text: 'Hi',
      rev: 1,
    });
  });

  it('rejects a write that fails (disk full) with a clear error, then works again once space is back', async () => {
    const { core, dir } = await open();
    const p = await core.store.create({ title: 't', segments: rows(50), source });
    const sqlite = core.database.sqlite!;
    const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 0;
    sqlite.pragma(`max_page_count = ${pages}`); // the database file cannot grow: SQLite reports SQLITE_FULL
    const big = 'x'.repeat(20000);
    const ref = { projectId: p.id, segmentId: 'r3', lang: 'vi' as const };
    await expect(core.handlers.updateCell({ ...ref, text: big })).rejects.toSatisfy((e) =>
      isAppError(e, 'storage.diskFull'),
    );
    expect((await core.store.get(p.id)).segments[3]!.targets.vi.text).toBe('');
    sqlite.pragma('max_page_count = 1073741823');
    const ok = await core.handlers.updateCell({ ...ref, text: big });
    expect(ok.targets.vi.rev).toBe(1);
    const { core: again } = await reopen(core, dir);
    expect((await again.store.get(p.id)).segments[3]!.targets.vi.text).toBe(big);
  });

  it('rejects writes on a read-only database and recovers when it is writable again', async () => {
    const { core } = await open();
    const p = await core.store.create({ title: 't', segments: rows(2), source });
    core.database.sqlite!.pragma('query_only = ON');
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await expect(core.handlers.updateCell({ ...ref, text: 'A' })).rejects.toSatisfy((e) =>
      isAppError(e, 'storage.readOnly'),
    );
    core.database.sqlite!.pragma('query_only = OFF');
    expect((await core.handlers.updateCell({ ...ref, text: 'A' })).targets.vi.text).toBe('A');
  });

  it('moves projects to the trash and back, renames them, one entry per project', async () => {
    const { core } = await open();
    const a = await core.store.create({ title: 'A', segments: rows(2), source });
    const b = await core.store.create({ title: 'B', segments: rows(2), source });
    await core.handlers.approveCell({ projectId: a.id, segmentId: 'r0', lang: 'vi' }).catch(() => undefined);
    await core.handlers.deleteProject(a.id);
    expect((await core.handlers.listProjects()).map((p) => p.id)).toEqual([b.id]);
    expect((await core.handlers.listTrash()).map((p) => p.id)).toEqual([a.id]);
    await expect(core.handlers.openProject(a.id)).rejects.toSatisfy((e) => isAppError(e, 'project.notFound'));
    expect((await core.handlers.restoreProject(a.id)).id).toBe(a.id);
    const renamed = await core.handlers.renameProject({ projectId: a.id, name: '  Tin mới ' });
    expect(renamed.name).toBe('Tin mới');
    const list = await core.handlers.listProjects();
    expect(list.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(list.find((p) => p.id === a.id)!.progress).toEqual([
      { lang: 'vi', approved: 0, total: 2 },
      { lang: 'en', approved: 0, total: 2 },
    ]);
  });
});
