// Keyed undo, redo and replace-all in the app's own database (SQLite): sent again with their key, answered as
// done and applied once — read back by a second core on the same data folder, not from the one that answered.
import { describe, expect, it } from 'vitest';
import { row } from '../../test/support/project';
import { testCores } from '../../test/support/project-cores';

const cores = testCores();

const project = () =>
  cores.project(
    [row('r0', '서울', 'paragraph'), row('r1', '부산', 'paragraph'), row('r2', '대구', 'paragraph')],
    [
      ['r0', 'Seoul một'],
      ['r1', 'Seoul hai'],
    ],
  );

/** The Vietnamese texts as stored, read by a fresh core on the same data folder. */
async function stored(dir: string, projectId: string): Promise<string[]> {
  return (await cores.readBack(dir, projectId)).segments.map((s) => s.targets.vi.text);
}

describe('keyed steps', () => {
  it('an undo and a redo sent twice with their key each take one step, the second time answered as done', async () => {
    const { p, h, dir } = await project();
    const undone = await h.undo(p.id, { key: 'undo-key-0001' });
    const again = await h.undo(p.id, { key: 'undo-key-0001' });
    expect(again).toMatchObject({ origin: 'typing', cells: [{ segmentId: 'r1', lang: 'vi' }] });
    expect(again.segments.map((s) => s.targets.vi.text)).toEqual(
      undone.segments.map((s) => s.targets.vi.text),
    );
    expect(await stored(dir, p.id)).toEqual(['Seoul một', '', '']);
    await h.redo(p.id, { key: 'redo-key-0001' });
    expect((await h.redo(p.id, { key: 'redo-key-0001' })).cells).toEqual([{ segmentId: 'r1', lang: 'vi' }]);
    expect(await stored(dir, p.id)).toEqual(['Seoul một', 'Seoul hai', '']);
  });

  it('the same keyed undo sent twice at once undoes one step', async () => {
    const { p, h, dir } = await project();
    const both = await Promise.all([1, 2].map(() => h.undo(p.id, { key: 'undo-key-0002' })));
    expect(both.map((r) => r.cells)).toEqual([
      [{ segmentId: 'r1', lang: 'vi' }],
      [{ segmentId: 'r1', lang: 'vi' }],
    ]);
    expect(await stored(dir, p.id)).toEqual(['Seoul một', '', '']);
  });

  it('a replace-all sent again does not replace in text written since; one with nothing to replace stays so', async () => {
    const { p, h, dir } = await project();
    const req = {
      projectId: p.id,
      lang: 'vi' as const,
      find: 'Seoul',
      replace: 'Xơ-un',
      key: 'replace-key-01',
    };
    expect((await h.replaceAll(req)).replaced).toBe(2);
    await h.updateCell({ projectId: p.id, segmentId: 'r2', lang: 'vi', text: 'Seoul ba' });
    const again = await h.replaceAll(req);
    expect(again).toMatchObject({ replaced: 2, skippedApproved: 0 });
    expect(again.segments.map((s) => s.id)).toEqual(['r0', 'r1']);
    const none = { ...req, find: 'Hà Nội', key: 'replace-key-02' };
    expect((await h.replaceAll(none)).replaced).toBe(0);
    await h.updateCell({ projectId: p.id, segmentId: 'r2', lang: 'vi', text: 'Hà Nội' });
    expect(await h.replaceAll(none)).toEqual({ segments: [], replaced: 0, skippedApproved: 0 });
    expect(await stored(dir, p.id)).toEqual(['Xơ-un một', 'Xơ-un hai', 'Hà Nội']);
  });
});
