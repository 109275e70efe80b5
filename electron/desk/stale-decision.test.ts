import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, Segment } from '../contract';
import type { DeskServer } from './server';
import { signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';

type Reply = { value?: Segment; error?: { code: string } };

// A change that finds nothing to do (approve an approved cell, "Keep original" on a kept row) decided on the
// process's copy, which may not yet have heard of another process's change: here that change is written straight
// into the database, so no notification of it arrives at all. The process must decide on what the database holds.
describe('desk: a change with nothing to do is decided on the database, not on a copy behind it', () => {
  let desk: TestDesk;
  let a: DeskServer;
  let minh: DeskClient;
  let project: Project;

  beforeAll(async () => {
    desk = await startTestDesk('stale_decision', [
      { name: 'minh', role: 'editor', password: 'minh-password' },
    ]);
    a = desk.server;
    minh = await signIn(a.url, 'minh', 'minh-password');
    const text = ['제목', '첫 문단입니다.', '둘째 문단입니다.'].join('\n\n');
    project = (await minh.call<ImportOutcome>('importText', { text, name: 'S' })).value!.project;
  }, 60_000);
  afterAll(async () => desk?.close());

  const row = (i: number) => project.segments[i]!.id;
  const sql = (q: string, args: unknown[]) => a.database.pool.query(q, args);

  it('an approval of a cell the copy thinks approved, edited meanwhile by another process, approves the edit', async () => {
    const ref = { projectId: project.id, segmentId: row(1), lang: 'vi' };
    expect(((await minh.call('updateCell', { ...ref, text: 'bản một' })) as Reply).error).toBeUndefined();
    expect(((await minh.call('approveCell', ref)) as Reply).value?.targets.vi.status).toBe('approved');
    // Another process's edit, not (yet) heard of here.
    await sql(
      "UPDATE cells SET text = 'bản của Lan', status = 'edited', rev = rev + 1 WHERE project_id = $1 AND segment_id = $2 AND lang = 'vi'",
      [project.id, ref.segmentId],
    );
    const approved = (await minh.call('approveCell', ref)) as Reply;
    expect(approved.value?.targets.vi).toMatchObject({ text: 'bản của Lan', status: 'approved' });
    const { rows } = await sql(
      "SELECT text, status FROM cells WHERE project_id = $1 AND segment_id = $2 AND lang = 'vi'",
      [project.id, ref.segmentId],
    );
    expect(rows).toEqual([{ text: 'bản của Lan', status: 'approved' }]);
  }, 30_000);

  it('"Keep original" on a row the copy thinks kept, set to translate meanwhile, keeps it', async () => {
    const ref = { projectId: project.id, segmentId: row(2) };
    expect(
      ((await minh.call('setTranslatable', { ...ref, translate: false })) as Reply).value?.translate,
    ).toBe(false);
    await sql('UPDATE segments SET translate = 1 WHERE project_id = $1 AND id = $2', [
      project.id,
      ref.segmentId,
    ]);
    const kept = (await minh.call('setTranslatable', { ...ref, translate: false })) as Reply;
    expect(kept.value?.translate).toBe(false);
    const { rows } = await sql('SELECT translate FROM segments WHERE project_id = $1 AND id = $2', [
      project.id,
      ref.segmentId,
    ]);
    expect(rows).toEqual([{ translate: 0 }]);
  }, 30_000);
});
