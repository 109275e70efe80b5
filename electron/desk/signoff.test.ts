import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project } from '../contract';
import { openPostgres, type PostgresDatabase } from '../services/db/postgres';
import { signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

const ARTICLE =
  '서울시, 베트남과 협력\n\n서울시는 4일 하노이시와 교통 협력을 강화한다고 밝혔다.\n\n세 번째 문단.';
const TRIALS = 20;

// Sign-off and a change to what the approved-only export holds, arriving together through two desk processes:
// exactly one of them wins, every time, and the database agrees with what each was told.
describe('desk: sign-off holds against concurrent changes', () => {
  let desk: TestDesk;
  let db: PostgresDatabase;
  let editorA: DeskClient;
  let editorB: DeskClient;
  let reviewerB: DeskClient;
  let project: Project;
  const vi = (i: number) => ({ projectId: project.id, segmentId: project.segments[i]!.id, lang: 'vi' });

  beforeAll(async () => {
    desk = await startTestDesk('signoff', [
      { name: 'minh', role: 'editor', password: 'editor-password' },
      { name: 'lan', role: 'reviewer', password: 'reviewer-password' },
    ]);
    const b = await desk.startPeer();
    db = await openPostgres(desk.url, ALL_MIGRATIONS, { poolSize: 2 });
    editorA = await signIn(desk.server.url, 'minh', 'editor-password');
    editorB = await signIn(b.url, 'minh', 'editor-password');
    reviewerB = await signIn(b.url, 'lan', 'reviewer-password');
    project = (await editorA.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hanoi' })).value!
      .project;
    const lanId = (await reviewerB.call<{ id: string }>('deskWhoAmI')).value!.id;
    await editorA.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lanId, assigned: true });
    for (let i = 0; i < project.segments.length; i++) {
      await editorA.call('updateCell', { ...vi(i), text: `Câu ${i}` });
      await editorA.call('approveCell', vi(i));
    }
  }, 90_000);
  afterAll(async () => {
    await db?.close();
    await desk?.close();
  });

  const signOff = (signed: boolean) =>
    editorA.call('deskSignOff', { projectId: project.id, lang: 'vi', signed });

  async function committed() {
    const signed =
      await sql`SELECT 1 FROM desk_signoffs WHERE project_id = ${project.id} AND lang = 'vi'`.execute(db.db);
    const open = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cells c JOIN segments s ON s.project_id = c.project_id AND s.id = c.segment_id
      WHERE c.project_id = ${project.id} AND c.lang = 'vi' AND s.translate = 1 AND s.kind <> 'caption'
        AND c.status <> 'approved'`.execute(db.db);
    return { signed: signed.rows.length === 1, unapproved: open.rows[0]!.n };
  }

  it('a reviewer edit and a sign-off together: exactly one wins', async () => {
    const wins = { edit: 0, signOff: 0 };
    for (let t = 0; t < TRIALS; t++) {
      const [edit, sign] = await Promise.all([
        reviewerB.call('updateCell', { ...vi(t % 3), text: `Câu ${t % 3} (${t})` }),
        signOff(true),
      ]);
      const state = await committed();
      if (sign.error) {
        expect(sign.error.code).toBe('desk.notAllApproved');
        expect(edit.error).toBeUndefined();
        expect(state).toEqual({ signed: false, unapproved: 1 });
        wins.edit++;
      } else {
        expect(edit.error).toMatchObject({ code: 'desk.languageLocked' });
        expect(state).toEqual({ signed: true, unapproved: 0 });
        wins.signOff++;
        expect((await signOff(false)).error).toBeUndefined();
      }
      expect((await editorB.call('approveCell', vi(t % 3))).error).toBeUndefined();
    }
    expect(wins.edit + wins.signOff).toBe(TRIALS);
  }, 120_000);

  it('taking a row back from "Keep original" and a sign-off together: exactly one wins', async () => {
    // Row 2 is kept in Korean ("Keep original"), its Vietnamese cell not approved: sign-off does not count it.
    const row2 = { projectId: project.id, segmentId: project.segments[2]!.id };
    expect((await editorB.call('unapproveCell', vi(2))).error).toBeUndefined();
    expect((await editorB.call('setTranslatable', { ...row2, translate: false })).error).toBeUndefined();
    const wins = { translate: 0, signOff: 0 };
    for (let t = 0; t < TRIALS; t++) {
      const [translate, sign] = await Promise.all([
        editorB.call('setTranslatable', { ...row2, translate: true }),
        signOff(true),
      ]);
      const state = await committed();
      if (sign.error) {
        // The row came back first, unapproved: sign-off counted it.
        expect(sign.error.code).toBe('desk.notAllApproved');
        expect(translate.error).toBeUndefined();
        expect(state).toEqual({ signed: false, unapproved: 1 });
        wins.translate++;
      } else {
        // Sign-off first: the row stays out of the signed-off export.
        expect(translate.error).toMatchObject({ code: 'desk.languageLocked' });
        expect(state).toEqual({ signed: true, unapproved: 0 });
        wins.signOff++;
        expect((await signOff(false)).error).toBeUndefined();
      }
      expect((await editorB.call('setTranslatable', { ...row2, translate: false })).error).toBeUndefined();
    }
    expect(wins.translate + wins.signOff).toBe(TRIALS);
  }, 120_000);
});
