// Approve row (Ctrl+Shift+Enter) on the host: both languages or neither, as one change and one undo step, read
// back from the database (a second core on the same data folder), not from the process that answered.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../services/errors';
import { row } from '../../test/support/project';
import { testCores } from '../../test/support/project-cores';

const cores = testCores();

const project = () =>
  cores.project(
    [row('r0', '서울시는 협약을 맺었다.'), row('r1', '부산시도 맺었다.')],
    [['r0', 'Seoul ký kết']], // Vietnamese: a step of its own (a typing burst is one cell's), as is the English below
  );

/** Both cells of row r0 as stored, read by a fresh core on the same data folder. */
async function stored(dir: string, projectId: string) {
  const r0 = (await cores.readBack(dir, projectId)).segments[0]!;
  return { vi: r0.targets.vi.status, en: r0.targets.en.status, approvedBy: r0.targets.vi.approvedBy };
}

describe('approve row', () => {
  it('approves both languages as one step: one undo takes both back, each history says its own approval', async () => {
    const { p, h, dir } = await project();
    await h.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'en', text: 'Seoul signed' });
    const s = await h.approveRow({ projectId: p.id, segmentId: 'r0', langs: ['vi', 'en'] });
    expect([s.targets.vi.status, s.targets.en.status]).toEqual(['approved', 'approved']);
    expect(await stored(dir, p.id)).toEqual({ vi: 'approved', en: 'approved', approvedBy: 'Lan' });
    for (const lang of ['vi', 'en'] as const) {
      const history = await h.cellHistory({ projectId: p.id, segmentId: 'r0', lang });
      expect(history.map((v) => [v.origin, v.by, v.status])).toEqual([
        ['approval', 'Lan', 'approved'],
        ['typing', 'Lan', 'edited'],
      ]);
    }
    const undone = await h.undo(p.id);
    expect(undone.origin).toBe('approval');
    expect(undone.cells.map((c) => c.lang).sort()).toEqual(['en', 'vi']);
    expect(await stored(dir, p.id)).toEqual({ vi: 'edited', en: 'edited', approvedBy: undefined });
    // The step before is the English typing alone: the approval was one step, not two.
    expect((await h.undo(p.id)).cells).toEqual([{ segmentId: 'r0', lang: 'en' }]);
  });

  it('approves neither when one language is empty, saying which', async () => {
    const { p, h, dir } = await project();
    const refusal = await h.approveRow({ projectId: p.id, segmentId: 'r0', langs: ['vi', 'en'] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refusal, 'project.nothingToApproveRow')).toBe(true);
    expect(isAppError(refusal) && refusal.params).toEqual({ lang: 'en' });
    expect(await stored(dir, p.id)).toEqual({ vi: 'edited', en: 'empty', approvedBy: undefined });
    const history = await h.cellHistory({ projectId: p.id, segmentId: 'r0', lang: 'vi' });
    expect(history.map((v) => v.origin)).toEqual(['typing']);
    // Nothing was recorded: the last step is still the typing.
    expect((await h.undo(p.id)).origin).toBe('typing');
  });

  it('leaves an approved language as it was (no second entry) and approves the open one', async () => {
    const { p, h, dir } = await project();
    await h.approveCell({ projectId: p.id, segmentId: 'r0', lang: 'vi' });
    await h.updateCell({ projectId: p.id, segmentId: 'r0', lang: 'en', text: 'Seoul signed' });
    await h.approveRow({ projectId: p.id, segmentId: 'r0', langs: ['vi', 'en'] });
    expect(await stored(dir, p.id)).toEqual({ vi: 'approved', en: 'approved', approvedBy: 'Lan' });
    const history = await h.cellHistory({ projectId: p.id, segmentId: 'r0', lang: 'vi' });
    expect(history.map((v) => v.origin)).toEqual(['approval', 'typing']);
  });
});
