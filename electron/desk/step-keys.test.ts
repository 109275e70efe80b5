import { describe, expect, it } from 'vitest';
import type { ReplaceResult, UndoResult } from '../contract';
import type { DeskClient } from '../../test/support/desk';
import { twoEditorsWithProject } from '../../test/support/desk-project';

const ARTICLE = [
  '제목',
  ...['첫', '둘째', '셋째', '넷째', '다섯째', '여섯째', '일곱째', '여덟째'].map((n) => `${n} 문단`),
].join('\n\n');

// Undo, redo and replace-all sent again with their key after they committed (their answer lost), through the other
// process or at the same time as the first: answered as the sender's own, applied once — an undo never takes back
// a second step, a replace-all never replaces in what a colleague typed since. Checked in the database.
describe('desk: idempotency keys on undo, redo and replace-all', () => {
  const t = twoEditorsWithProject('step_keys', { text: ARTICLE, name: 'S' }, 'lan');

  /** The Vietnamese text of rows `i…` as the database holds it. */
  async function stored(...rows: number[]): Promise<string[]> {
    const out: string[] = [];
    for (const i of rows) out.push((await t.cell(t.row(i))).text);
    return out;
  }

  /** `who` writes `text` into row `i` (Vietnamese): one step of theirs (each row a step of its own). */
  async function types(who: DeskClient, i: number, text: string): Promise<void> {
    const r = await who.call('updateCell', {
      projectId: t.project.id,
      segmentId: t.row(i),
      lang: 'vi',
      text,
    });
    expect(r.error).toBeUndefined();
  }

  it('an undo sent again through the other process undoes no second step', async () => {
    await types(t.minhA, 1, 'một');
    await types(t.minhA, 2, 'hai');
    const key = 'minh-undo-000001';
    const first = await t.minhA.call<UndoResult>('undo', t.project.id, { key });
    expect(first.value?.cells).toEqual([{ segmentId: t.row(2), lang: 'vi' }]);
    const again = await t.minhB.call<UndoResult>('undo', t.project.id, { key });
    expect(again.error).toBeUndefined();
    expect(again.value).toMatchObject({ origin: 'typing', cells: [{ segmentId: t.row(2), lang: 'vi' }] });
    expect(again.value?.segments.map((s) => [s.id, s.targets.vi.text])).toEqual([[t.row(2), '']]);
    expect(await stored(1, 2)).toEqual(['một', '']);
    // Without its key the same call undoes the step before: the double effect the key prevents.
    expect((await t.minhB.call<UndoResult>('undo', t.project.id)).value?.cells).toEqual([
      { segmentId: t.row(1), lang: 'vi' },
    ]);
    expect(await stored(1, 2)).toEqual(['', '']);
  }, 30_000);

  it('the same undo arriving at both processes at once undoes one step', async () => {
    await types(t.minhA, 3, 'ba');
    await types(t.minhA, 4, 'bốn');
    const key = 'minh-undo-000002';
    const both = await Promise.all([
      t.minhA.call<UndoResult>('undo', t.project.id, { key }),
      t.minhB.call<UndoResult>('undo', t.project.id, { key }),
    ]);
    expect(both.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(both.map((r) => r.value?.cells)).toEqual([
      [{ segmentId: t.row(4), lang: 'vi' }],
      [{ segmentId: t.row(4), lang: 'vi' }],
    ]);
    expect(await stored(3, 4)).toEqual(['ba', '']);
  }, 30_000);

  it('an undo through the other process right after the step is no conflict (decided on the database)', async () => {
    // The other process's copy of the row may not have heard of the step yet: it must not judge on that copy.
    for (let i = 0; i < 5; i++) {
      await types(t.minhA, 3, `lần ${i}`);
      const undone = await t.minhB.call<UndoResult>('undo', t.project.id);
      expect(undone.error).toBeUndefined();
      expect(undone.value?.cells).toEqual([{ segmentId: t.row(3), lang: 'vi' }]);
      expect(await stored(3)).toEqual(['ba']);
    }
  }, 30_000);

  it('a redo sent again through the other process redoes no second step', async () => {
    await types(t.minhA, 7, 'bảy');
    await types(t.minhA, 8, 'tám');
    for (let i = 0; i < 2; i++) expect((await t.minhA.call('undo', t.project.id)).error).toBeUndefined();
    // Undone: 8, then 7; redo brings back 7 first.
    const key = 'minh-redo-000001';
    const first = await t.minhA.call<UndoResult>('redo', t.project.id, { key });
    expect(first.value?.cells).toEqual([{ segmentId: t.row(7), lang: 'vi' }]);
    const again = await t.minhB.call<UndoResult>('redo', t.project.id, { key });
    expect(again.error).toBeUndefined();
    expect(again.value).toMatchObject({ origin: 'typing', cells: [{ segmentId: t.row(7), lang: 'vi' }] });
    expect(again.value).toMatchObject({ canUndo: true, canRedo: true });
    expect(await stored(7, 8)).toEqual(['bảy', '']);
  }, 30_000);

  it('a replace-all sent again after a colleague’s edit does not replace in the colleague’s text', async () => {
    await types(t.lan, 5, 'Seoul và Hà Nội');
    const req = {
      projectId: t.project.id,
      lang: 'vi',
      find: 'Seoul',
      replace: 'Xơ-un',
      key: 'minh-replace-001',
    };
    const first = await t.minhA.call<ReplaceResult>('replaceAll', req);
    expect(first.value).toMatchObject({ replaced: 1, skippedApproved: 0 });
    await types(t.lan, 6, 'Seoul mới của Lan');
    const again = await t.minhB.call<ReplaceResult>('replaceAll', req);
    expect(again.error).toBeUndefined();
    expect(again.value).toMatchObject({ replaced: 1, skippedApproved: 0 });
    expect(again.value?.segments.map((s) => [s.id, s.targets.vi.text])).toEqual([
      [t.row(5), 'Xơ-un và Hà Nội'],
    ]);
    expect(await stored(5, 6)).toEqual(['Xơ-un và Hà Nội', 'Seoul mới của Lan']);
    // One recorded step: the keyed call sent twice is one replace-all in the history.
    const { rows } = await t.a.database.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM change_groups WHERE project_id = $1 AND origin = 'replace-all'",
      [t.project.id],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  }, 30_000);
});
