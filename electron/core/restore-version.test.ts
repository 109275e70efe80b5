// Restore (the history dialog's, and Esc's revert when the version is in the history) puts back a version's text
// and status with what came with them (approval, machine text, memory match); it leaves what was added to the cell
// since alone: a comment (a colleague's too), a machine suggestion, the time spent, the revision mark.
import { describe, expect, it } from 'vitest';
import { encodeProjectFile } from '../services/project/projectfile';
import { row } from '../../test/support/project';
import { testCores } from '../../test/support/project-cores';

const cores = testCores();

describe('restoring a version of a cell', () => {
  it('puts back the text and status, keeping the comment and the time spent added since', async () => {
    const { p, h } = await cores.project([row('r0', '서울시')]);
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Seoul', elapsedMs: 4000 });
    await h.approveCell(ref);
    await h.updateCell({ ...ref, text: 'Thành phố Seoul', elapsedMs: 6000 });
    await h.setComment({ ...ref, comment: 'Tên riêng: kiểm tra' });
    const approved = (await h.cellHistory(ref)).find((v) => v.origin === 'approval')!;
    const restored = (await h.restoreCellVersion({ ...ref, versionId: approved.id })).targets.vi;
    expect(restored).toMatchObject({
      text: 'Seoul',
      status: 'approved',
      approvedBy: 'Lan',
      comment: 'Tên riêng: kiểm tra',
      commentBy: 'Lan',
      editMs: 10_000,
    });
    // Itself one undo step: Ctrl+Z brings the text back, the comment stays.
    expect((await h.undo(p.id)).origin).toBe('restore');
    const back = (await h.openProject(p.id)).segments[0]!.targets.vi;
    expect(back).toMatchObject({ text: 'Thành phố Seoul', comment: 'Tên riêng: kiểm tra' });
  });

  it('puts back a cell as it was before its first recorded change (a project file approved elsewhere)', async () => {
    const { h, p } = await cores.project([row('r0', '서울시')]);
    const seg = p.segments[0]!;
    const approved = {
      text: 'Seoul',
      status: 'approved',
      approvedBy: 'Minh',
      approvedAt: '2026-11-01T00:00:00.000Z',
    };
    const file = { ...p, segments: [{ ...seg, targets: { ...seg.targets, vi: approved } }] };
    const data = encodeProjectFile(file as typeof p, '2026-11-25T10:00:00.000Z');
    const opened = await h.importProjectFile({
      fileName: 'a.review.json',
      dataBase64: Buffer.from(data).toString('base64'),
    });
    const ref = { projectId: opened.id, segmentId: 'r0', lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Seoul ký' });
    const [typed] = await h.cellHistory(ref);
    expect(typed).toMatchObject({ previousText: 'Seoul', previousStatus: 'approved' });
    const back = (await h.restoreCellVersion({ ...ref, versionId: `b${typed!.id}` })).targets.vi;
    expect(back).toMatchObject(approved);
  });
});
