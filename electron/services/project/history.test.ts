import { describe, expect, it } from 'vitest';
import { runAsActor } from '../../core/actor';
import type { Core } from '../../handlers';
import { isAppError } from '../errors';
import { row } from '../../../test/support/project';
import { testCores } from '../../../test/support/project-cores';

const cores = testCores();
const project = (n = 3) =>
  cores.project(Array.from({ length: n }, (_, i) => row(`r${i}`, `서울시는 ${i}일 발표했다.`)));
const text = async (core: Core, id: string, seg: string, lang: 'vi' | 'en' = 'vi') =>
  (await core.store.get(id)).segments.find((s) => s.id === seg)!.targets[lang];

describe('history, undo and redo', () => {
  it('records who, when, what for every change of a cell, newest first', async () => {
    const { core, p, h } = await project();
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Seoul công bố' });
    await h.approveCell(ref);
    await h.setComment({ ...ref, comment: 'ok' });
    const history = await h.cellHistory(ref);
    expect(history.map((v) => v.origin)).toEqual(['comment', 'approval', 'typing']);
    expect(history[1]).toMatchObject({
      text: 'Seoul công bố',
      status: 'approved',
      previousStatus: 'edited',
      by: 'Lan',
    });
    expect(history[2]).toMatchObject({ previousText: '', previousStatus: 'empty' });
    expect((await text(core, p.id, 'r0')).commentBy).toBe('Lan');
  });

  it('undoes a typing burst as one step, then an approval, and redoes them', async () => {
    const { core, p, h, clock } = await project();
    const ref = { projectId: p.id, segmentId: 'r1', lang: 'en' as const };
    for (const t of ['S', 'Se', 'Seoul']) {
      clock.t += 300;
      await h.updateCell({ ...ref, text: t });
    }
    await h.approveCell(ref);
    let r = await h.undo(p.id);
    expect(r.origin).toBe('approval');
    expect(await text(core, p.id, 'r1', 'en')).toMatchObject({ text: 'Seoul', status: 'edited' });
    r = await h.undo(p.id);
    expect(r).toMatchObject({ origin: 'typing', canUndo: false, canRedo: true });
    expect((await text(core, p.id, 'r1', 'en')).text).toBe('');
    r = await h.redo(p.id);
    expect((await text(core, p.id, 'r1', 'en')).text).toBe('Seoul');
    expect(r.segments[0]!.targets.en.rev).toBeGreaterThan(3);
    // a new change drops what could be redone
    await h.updateCell({ projectId: p.id, segmentId: 'r2', lang: 'vi', text: 'x' });
    expect((await h.redo(p.id)).origin).toBeNull();
  });

  it('typing in the other language of the same row is a step of its own: one undo takes back only that', async () => {
    const { core, p, h, clock } = await project();
    const vi = { projectId: p.id, segmentId: 'r1', lang: 'vi' as const };
    const en = { ...vi, lang: 'en' as const };
    clock.t += 300;
    await h.updateCell({ ...vi, text: 'Seoul hợp tác' });
    clock.t += 300; // well within one burst's pause
    await h.updateCell({ ...en, text: 'Seoul cooperates' });
    const r = await h.undo(p.id);
    expect(r).toMatchObject({ origin: 'typing', canUndo: true });
    expect((await text(core, p.id, 'r1', 'en')).text).toBe('');
    expect((await text(core, p.id, 'r1', 'vi')).text).toBe('Seoul hợp tác');
    await h.undo(p.id);
    expect((await text(core, p.id, 'r1', 'vi')).text).toBe('');
  });

  it('undoes taking a machine suggestion over approved text, bringing the approval back', async () => {
    const { core, p, h } = await project();
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Bản của tôi' });
    await h.approveCell(ref);
    await core.store.update(
      p.id,
      (x) => {
        const s = x.segments[0]!;
        x.segments[0] = { ...s, targets: { ...s.targets, vi: { ...s.targets.vi, suggestion: 'Bản máy' } } };
      },
      { origin: 'machine' },
    );
    expect((await h.acceptSuggestion(ref)).targets.vi).toMatchObject({ text: 'Bản máy', status: 'machine' });
    expect((await h.undo(p.id)).origin).toBe('suggestion');
    expect(await text(core, p.id, 'r0')).toMatchObject({ text: 'Bản của tôi', status: 'approved' });
  });

  it('keeps undo per person', async () => {
    const { core, p, h } = await project();
    const kim = { id: 'kim', name: 'Kim', desk: '' };
    await h.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'vi', text: 'mine' });
    await runAsActor(kim, () =>
      h.updateCell({ projectId: p.id, segmentId: 'r1', lang: 'vi', text: 'theirs' }),
    );
    await h.undo(p.id);
    expect((await text(core, p.id, 'r0')).text).toBe('');
    expect((await text(core, p.id, 'r1')).text).toBe('theirs');
    expect((await h.cellHistory({ projectId: p.id, segmentId: 'r1', lang: 'vi' }))[0]!.by).toBe('Kim');
  });

  it('refuses to undo over a later change by someone else', async () => {
    const { p, h } = await project();
    await h.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'vi', text: 'mine' });
    await runAsActor({ id: 'kim', name: 'Kim', desk: '' }, () =>
      h.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'vi', text: 'theirs' }),
    );
    await expect(h.undo(p.id)).rejects.toSatisfy((e) => isAppError(e, 'history.conflict'));
  });

  it('replaces in one language as one undoable step, leaving approved cells alone', async () => {
    const { core, p, h } = await project();
    for (const seg of ['r0', 'r1', 'r2'])
      await h.updateCell({ projectId: p.id, segmentId: seg, lang: 'vi', text: 'Thành phố Seoul, seoul' });
    await h.approveCell({ projectId: p.id, segmentId: 'r2', lang: 'vi' });
    const r = await h.replaceAll({
      projectId: p.id,
      lang: 'vi',
      find: 'Seoul',
      replace: 'Xơ-un',
      wholeWord: true,
    });
    expect(r).toMatchObject({ replaced: 4, skippedApproved: 1 });
    expect((await text(core, p.id, 'r0')).text).toBe('Thành phố Xơ-un, Xơ-un');
    expect((await text(core, p.id, 'r2')).text).toBe('Thành phố Seoul, seoul');
    expect((await h.undo(p.id)).origin).toBe('replace-all');
    expect((await text(core, p.id, 'r0')).text).toBe('Thành phố Seoul, seoul');
    expect((await text(core, p.id, 'r1')).text).toBe('Thành phố Seoul, seoul');
  });

  it('restores an earlier version as an undoable change', async () => {
    const { core, p, h } = await project();
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'first' });
    await h.approveCell(ref);
    await h.updateCell({ ...ref, text: 'second' });
    const first = (await h.cellHistory(ref)).find((v) => v.origin === 'approval')!;
    const restored = await h.restoreCellVersion({ ...ref, versionId: first.id });
    expect(restored.targets.vi).toMatchObject({ text: 'first', status: 'approved' });
    expect((await h.undo(p.id)).origin).toBe('restore');
    expect((await text(core, p.id, 'r0')).text).toBe('second');
  });

  it('undoes a revision merge as one step, bringing back the previous rows', async () => {
    const { core, h } = await project(0);
    const v1 =
      '서울시 스마트 모빌리티 협력\n\n서울시는 4일 베트남과 협력한다고 밝혔다.\n\n이 사업은 올해 시작된다.\n';
    const v2 =
      '서울시 스마트 모빌리티 협력\n\n서울시는 5일 베트남과 협력한다고 밝혔다.\n\n새 문단이 추가되었다.\n';
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    const { project: p } = await h.importArticle({ fileName: 'a.txt', dataBase64: b64(v1) });
    const before = (await core.store.get(p.id)).segments.map((s) => s.source);
    await h.updateCell({ projectId: p.id, segmentId: p.segments[2]!.id, lang: 'vi', text: 'Dự án bắt đầu' });
    const merged = await h.importArticle({ fileName: 'a.txt', dataBase64: b64(v2), intoProjectId: p.id });
    expect(merged.reimport!.removed + merged.reimport!.changed).toBeGreaterThan(0);
    expect((await core.store.get(p.id)).segments.map((s) => s.source)).not.toEqual(before);
    expect((await h.undo(p.id)).origin).toBe('revision-merge');
    const back = await core.store.get(p.id);
    expect(back.segments.map((s) => s.source)).toEqual(before);
    expect(back.segments[2]!.targets.vi.text).toBe('Dự án bắt đầu');
    expect(back.removed ?? []).toEqual([]);
  });
});
