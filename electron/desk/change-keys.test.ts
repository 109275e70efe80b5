import { describe, expect, it } from 'vitest';
import type { CellVersion, Segment } from '../contract';
import { twoEditorsWithProject } from '../../test/support/desk-project';

const ARTICLE = [
  '제목',
  '첫 문단입니다.',
  '둘째 문단입니다.',
  '셋째 문단입니다.',
  '넷째 문단입니다.',
  '다섯째 문단입니다.',
].join('\n\n');

type Reply = { value?: Segment; error?: { code: string } };

// Changes other than typing (approve, approve row, unapprove, comment, "Keep original") sent again with their key
// after they committed — their answer was lost — through the other process, after a colleague changed the row on
// top of them: answered as done with the row as it is now, never applied a second time over the colleague's change.
describe('desk: idempotency keys on approvals, comments and "Keep original"', () => {
  const t = twoEditorsWithProject('change_keys', { text: ARTICLE, name: 'C' }, 'minhA');

  /** Lan writes `text` into the cell over whatever it holds now. */
  async function lanTypes(segmentId: string, text: string, lang = 'vi'): Promise<void> {
    const r = (await t.lan.call('updateCell', { projectId: t.project.id, segmentId, lang, text })) as Reply;
    expect(r.error).toBeUndefined();
  }

  it('an approval sent again after a colleague’s edit does not approve the colleague’s text', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(1), lang: 'vi' };
    await lanTypes(ref.segmentId, 'bản của Minh');
    const key = 'minh-approve-0001';
    expect(((await t.minhA.call('approveCell', { ...ref, key })) as Reply).value?.targets.vi.status).toBe(
      'approved',
    );
    await lanTypes(ref.segmentId, 'Lan sửa sau khi duyệt');
    const retried = (await t.minhB.call('approveCell', { ...ref, key })) as Reply;
    expect(retried.error).toBeUndefined();
    expect(retried.value?.targets.vi).toMatchObject({ text: 'Lan sửa sau khi duyệt', status: 'edited' });
    expect(await t.cell(ref.segmentId)).toMatchObject({ text: 'Lan sửa sau khi duyệt', status: 'edited' });
    // Without its key the same call approves what Minh never saw: the double effect the key prevents.
    const blind = (await t.minhB.call('approveCell', ref)) as Reply;
    expect(blind.value?.targets.vi.status).toBe('approved');
  }, 30_000);

  it('an unapproval and a comment sent again do not undo a colleague’s later change', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(2), lang: 'vi' };
    await lanTypes(ref.segmentId, 'câu hai');
    await t.minhA.call('approveCell', ref);
    const key = 'minh-unapprove-01';
    expect(((await t.minhA.call('unapproveCell', { ...ref, key })) as Reply).value?.targets.vi.status).toBe(
      'edited',
    );
    await t.lan.call('approveCell', ref);
    const again = (await t.minhB.call('unapproveCell', { ...ref, key })) as Reply;
    expect(again.error).toBeUndefined();
    expect(again.value?.targets.vi.status).toBe('approved');
    expect((await t.cell(ref.segmentId)).status).toBe('approved');

    const note = 'minh-comment-0001';
    await t.minhA.call('setComment', { ...ref, comment: 'kiểm tra tên riêng', key: note });
    await t.lan.call('setComment', { ...ref, comment: 'đã kiểm tra' });
    const repeated = (await t.minhB.call('setComment', {
      ...ref,
      comment: 'kiểm tra tên riêng',
      key: note,
    })) as Reply;
    expect(repeated.value?.targets.vi.comment).toBe('đã kiểm tra');
    expect(JSON.parse((await t.cell(ref.segmentId)).data).comment).toBe('đã kiểm tra');
  }, 30_000);

  it('an approve-row sent again after a colleague’s edit approves nothing more', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(3) };
    await lanTypes(ref.segmentId, 'hàng ba');
    await lanTypes(ref.segmentId, 'row three', 'en');
    const key = 'minh-approve-row-1';
    const first = (await t.minhA.call('approveRow', { ...ref, langs: ['vi', 'en'], key })) as Reply;
    expect(first.value?.targets.en.status).toBe('approved');
    await lanTypes(ref.segmentId, 'row three, revised', 'en');
    const again = (await t.minhB.call('approveRow', { ...ref, langs: ['en', 'vi'], key })) as Reply;
    expect(again.error).toBeUndefined();
    expect(again.value?.targets.en).toMatchObject({ text: 'row three, revised', status: 'edited' });
    expect(await t.cell(ref.segmentId, 'en')).toMatchObject({ text: 'row three, revised', status: 'edited' });
    // The same key for one language of the row is another change (its own scope): applied.
    const one = (await t.minhB.call('approveRow', { ...ref, langs: ['en'], key })) as Reply;
    expect(one.value?.targets.en.status).toBe('approved');
  }, 30_000);

  it('a restore of an earlier version sent again does not undo a colleague’s later edit', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(5), lang: 'vi' };
    await lanTypes(ref.segmentId, 'bản đầu');
    await lanTypes(ref.segmentId, 'bản hai');
    const versions = (await t.minhA.call<CellVersion[]>('cellHistory', ref)).value!;
    const first = versions.find((v) => v.text === 'bản đầu')!;
    const key = 'minh-restore-0001';
    const restored = (await t.minhA.call('restoreCellVersion', {
      ...ref,
      versionId: first.id,
      key,
    })) as Reply;
    expect(restored.value?.targets.vi.text).toBe('bản đầu');
    await lanTypes(ref.segmentId, 'bản ba của Lan');
    const again = (await t.minhB.call('restoreCellVersion', { ...ref, versionId: first.id, key })) as Reply;
    expect(again.error).toBeUndefined();
    expect(again.value?.targets.vi.text).toBe('bản ba của Lan');
    expect((await t.cell(ref.segmentId)).text).toBe('bản ba của Lan');
  }, 30_000);

  it('"Keep original" sent again does not flip back a colleague’s "Translate this row"', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(4) };
    const key = 'minh-keep-orig-01';
    const kept = (await t.minhA.call('setTranslatable', { ...ref, translate: false, key })) as Reply;
    expect(kept.value?.translate).toBe(false);
    await t.lan.call('setTranslatable', { ...ref, translate: true });
    const again = (await t.minhB.call('setTranslatable', { ...ref, translate: false, key })) as Reply;
    expect(again.error).toBeUndefined();
    expect(again.value?.translate).toBe(true);
    const { rows } = await t.a.database.pool.query<{ translate: number }>(
      'SELECT translate FROM segments WHERE project_id = $1 AND id = $2',
      [t.project.id, ref.segmentId],
    );
    expect(rows).toEqual([{ translate: 1 }]);
    const { rows: keys } = await t.a.database.pool.query<{ lang: string }>(
      'SELECT lang FROM save_keys WHERE key = $1',
      [key],
    );
    expect(keys).toEqual([{ lang: 'row' }]);
  }, 30_000);

  /**
   * Row changes recorded in the project's history, as the database holds them (counted by row, not by undo step:
   * "Keep original" twice within a few seconds is one step of its sender's, two changes).
   */
  async function changes(): Promise<number> {
    const { rows } = await t.a.database.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM segment_changes WHERE project_id = $1',
      [t.project.id],
    );
    return Number(rows[0]!.n);
  }

  /** The same keyed change sent through both processes at once (its first sending's answer was slow). */
  async function atOnce(
    method: 'setComment' | 'approveCell' | 'approveRow' | 'setTranslatable',
    req: object,
    part: (s: Segment) => unknown = (s) => s.targets.vi,
  ) {
    const before = await changes();
    const both = (await Promise.all([t.minhA.call(method, req), t.minhB.call(method, req)])) as Reply[];
    expect(both.map((r) => r.error)).toEqual([undefined, undefined]);
    // Applied once: one change in the history; both answered as done with the row as it is stored.
    expect((await changes()) - before).toBe(1);
    // (The rest of a row an answer carries is as its process last heard of it: compared is what the change changed.)
    expect(part(both[1]!.value!)).toEqual(part(both[0]!.value!));
    return both[0]!.value!;
  }

  /**
   * Both processes read the project as committed (opening it does): what is raced here is the key, not a process
   * deciding on a copy that has not yet heard of Lan's edit.
   */
  async function bothHeard(): Promise<void> {
    for (const who of [t.minhA, t.minhB])
      expect((await who.call('openProject', t.project.id)).error).toBeUndefined();
  }

  it('the same comment, approval or "Keep original" arriving at both processes at once is one change', async () => {
    const ref = { projectId: t.project.id, segmentId: t.row(1), lang: 'vi' };
    // Several rounds: the two sendings race differently each time.
    for (let i = 0; i < 6; i++) {
      const saved = await atOnce('setComment', {
        ...ref,
        comment: `ghi chú ${i}`,
        key: `minh-note-race-${i}`,
      });
      const data = JSON.parse((await t.cell(ref.segmentId)).data) as { comment: string; commentAt: string };
      expect([saved.targets.vi.comment, saved.targets.vi.commentAt]).toEqual([data.comment, data.commentAt]);

      await lanTypes(ref.segmentId, `bản ${i}`);
      await lanTypes(ref.segmentId, `row ${i}`, 'en');
      await bothHeard();
      const approved = await atOnce('approveCell', { ...ref, key: `minh-approve-race-${i}` });
      expect(approved.targets.vi.status).toBe('approved');
      expect((await t.cell(ref.segmentId)).status).toBe('approved');
      await lanTypes(ref.segmentId, `bản ${i} sửa`);
      await bothHeard();
      const both = { projectId: t.project.id, segmentId: t.row(1), langs: ['vi', 'en'] };
      await atOnce('approveRow', { ...both, key: `minh-approve-row-race-${i}` }, (s) => s.targets);
      expect((await t.cell(ref.segmentId, 'en')).status).toBe('approved');

      const keep = { projectId: t.project.id, segmentId: t.row(2), translate: i % 2 === 1 };
      expect(
        (await atOnce('setTranslatable', { ...keep, key: `minh-keep-race-${i}` }, (s) => s.translate))
          .translate,
      ).toBe(keep.translate);
    }
    const { rows } = await t.a.database.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM save_keys WHERE key LIKE 'minh-%-race-%'",
    );
    expect(Number(rows[0]!.n)).toBe(6 * 4);
  }, 60_000);
});
