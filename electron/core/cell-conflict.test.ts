// A save on an older revision is refused with what the cell holds now: its text, revision and status, so the page
// can tell a change of the text (a colleague's: asked about) from a change of something else (a comment, a machine
// suggestion: the typing is saved again over it, see renderer/features/editor/save-failure.ts).
import { describe, expect, it } from 'vitest';
import { isAppError } from '../services/errors';
import { row } from '../../test/support/project';
import { testCores } from '../../test/support/project-cores';

const cores = testCores();

describe('a save on an older revision', () => {
  it('is refused naming the text, revision and status stored now', async () => {
    const { p, h } = await cores.project([row('r0', '서울시')]);
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    const saved = await h.updateCell({ ...ref, text: 'Seoul', baseRev: 0 });
    const rev = saved.targets.vi.rev!;
    const commented = await h.setComment({ ...ref, comment: 'Kiểm tra tên riêng' });
    const refusal = await h.updateCell({ ...ref, text: 'Seoul ký', baseRev: rev }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refusal, 'cell.conflict')).toBe(true);
    expect(isAppError(refusal) && refusal.params).toEqual({
      text: 'Seoul',
      rev: commented.targets.vi.rev,
      status: 'edited',
    });
  });
});
