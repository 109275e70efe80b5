import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, Segment, TargetLang } from '../contract';
import { openPostgres, type PostgresDatabase } from '../services/db/postgres';
import type { DeskServer } from './server';
import { signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

const ARTICLE =
  '서울시, 베트남과 협력\n\n서울시는 4일 하노이시와 교통 협력을 강화한다고 밝혔다.\n\n세 번째 문단.';

/** What one reviewer was told about one save. */
interface Outcome {
  who: string;
  cell: string;
  baseRev: number;
  text: string;
  /** The revision the desk acknowledged, or the one a conflict reported as current. */
  rev: number;
  ok: boolean;
}

type CallResult = { value?: Segment; error?: { code: string; params?: { rev?: number } } };

// Several desk server processes on one database (here: two hosts in one test process, each with its own pool,
// project copy and LISTEN connection) must be exactly as correct as one. Verified against the database directly.
describe('desk: two processes on one database', () => {
  let desk: TestDesk;
  let a: DeskServer;
  let b: DeskServer;
  let db: PostgresDatabase;
  const editors: DeskClient[][] = [];
  let project: Project;

  beforeAll(async () => {
    const names = ['minh', 'lan', 'hoa', 'tuan', 'an'];
    desk = await startTestDesk(
      'processes',
      names.map((name) => ({ name, role: 'editor' as const, password: `${name}-password` })),
    );
    a = desk.server;
    b = await desk.startPeer();
    db = await openPostgres(desk.url, ALL_MIGRATIONS, { poolSize: 2 });
    for (const name of names)
      editors.push([
        await signIn(a.url, name, `${name}-password`),
        await signIn(b.url, name, `${name}-password`),
      ]);
    const made = await editors[0]![0]!.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hanoi' });
    project = made.value!.project;
    // Both processes hold the project in memory before the load starts.
    for (const pair of editors) for (const c of pair) await c.call('openProject', project.id);
  }, 90_000);
  afterAll(async () => {
    await db?.close();
    await desk?.close();
  });

  /** Every committed version of a cell, in commit order, from the history tables. */
  async function committedVersions(segmentId: string, lang: TargetLang) {
    const rows = await sql<{ after_json: string | null }>`
      SELECT after_json FROM segment_changes WHERE project_id = ${project.id} AND segment_id = ${segmentId}
      ORDER BY id`.execute(db.db);
    const out: Array<{ rev: number; text: string }> = [];
    for (const r of rows.rows) {
      if (!r.after_json) continue;
      const cell = (JSON.parse(r.after_json) as Segment).targets[lang];
      const last = out[out.length - 1];
      // Changes of the row's other language repeat this cell as it was: one entry per revision (0: never saved).
      if ((cell.rev ?? 0) > 0 && last?.rev !== cell.rev) out.push({ rev: cell.rev ?? 0, text: cell.text });
    }
    return out;
  }

  it('five reviewers on the same two cells through both processes: no silent overwrite, stale bases conflict', async () => {
    const cells = [project.segments[0]!.id, project.segments[1]!.id];
    const outcomes: Outcome[] = [];
    const rounds = 40;
    await Promise.all(
      editors.map(async (pair, who) => {
        const known = new Map<string, number>(cells.map((c) => [c, 0]));
        for (let i = 0; i < rounds; i++) {
          const cell = cells[(i + who) % 2]!;
          // Each cell through either process in turn, so bases are often stale in the process's copy.
          const client = pair[((i >> 1) + who) % 2]!;
          const baseRev = known.get(cell)!;
          const text = `r${who}-${i}`;
          const r = (await client.call('updateCell', {
            projectId: project.id,
            segmentId: cell,
            lang: 'vi',
            text,
            baseRev,
          })) as CallResult;
          if (r.value) {
            const rev = r.value.targets.vi.rev!;
            outcomes.push({ who: `r${who}`, cell, baseRev, text, rev, ok: true });
            known.set(cell, rev);
          } else {
            expect(r.error?.code).toBe('cell.conflict');
            const rev = r.error!.params!.rev!;
            outcomes.push({ who: `r${who}`, cell, baseRev, text, rev, ok: false });
            known.set(cell, rev);
          }
        }
      }),
    );
    const acked = outcomes.filter((o) => o.ok);
    const conflicts = outcomes.filter((o) => !o.ok);
    expect(acked.length).toBeGreaterThan(10);
    expect(conflicts.length).toBeGreaterThan(10);
    // An acknowledged edit was made on the revision it was based on: nothing in between was overwritten unseen.
    expect(acked.filter((o) => o.rev !== o.baseRev + 1)).toEqual([]);
    // A conflict is reported only for a stale base, with the revision that made it stale.
    expect(conflicts.filter((o) => o.rev <= o.baseRev)).toEqual([]);
    for (const cell of cells) {
      const versions = await committedVersions(cell, 'vi');
      // Revisions only go forward, one text per revision.
      versions.forEach((v, i) => expect(v.rev).toBe(i + 1));
      for (const o of acked.filter((x) => x.cell === cell))
        expect(versions[o.rev - 1], `${o.who} ${o.text}`).toEqual({ rev: o.rev, text: o.text });
      const stored = await sql<{ text: string; rev: number }>`
        SELECT text, rev FROM cells WHERE project_id = ${project.id} AND segment_id = ${cell} AND lang = 'vi'`.execute(
        db.db,
      );
      expect(stored.rows[0]).toEqual(versions[versions.length - 1]);
      // Either process, asked afresh, serves what the database holds.
      for (const server of [0, 1]) {
        const seen = (await editors[0]![server]!.call<Project>('openProject', project.id)).value!;
        expect(seen.segments.find((s) => s.id === cell)!.targets.vi.text).toBe(stored.rows[0]!.text);
      }
    }
  }, 120_000);

  it('sign-off through one process counts what the other committed; its export holds the signed-off text', async () => {
    const [throughA, throughB] = editors[1]!;
    for (const s of project.segments) {
      const ref = { projectId: project.id, segmentId: s.id, lang: 'en' as const };
      expect(
        (await throughA!.call('updateCell', { ...ref, text: `Sentence ${s.id}` })).error,
      ).toBeUndefined();
      expect((await throughA!.call('approveCell', ref)).error).toBeUndefined();
    }
    const signed = await throughB!.call('deskSignOff', { projectId: project.id, lang: 'en', signed: true });
    expect(signed.error).toBeUndefined();
    const out = await throughB!.call<{ dataBase64: string }>('buildExport', {
      projectId: project.id,
      lang: 'en',
      format: 'md',
      policy: 'approved-only',
    });
    const text = Buffer.from(out.value!.dataBase64, 'base64').toString('utf8');
    for (const s of project.segments) expect(text).toContain(`Sentence ${s.id}`);
    // Locked for both processes now.
    const ref = { projectId: project.id, segmentId: project.segments[0]!.id, lang: 'en' };
    for (const c of [throughA!, throughB!])
      expect((await c.call('updateCell', { ...ref, text: 'late' })).error).toMatchObject({
        code: 'desk.languageLocked',
      });
  }, 60_000);

  it('remembers the last opened article per person, whichever process they come back through', async () => {
    const other = (
      await editors[2]![1]!.call<ImportOutcome>('importText', { text: '다른 기사 첫 문단.', name: 'Other' })
    ).value!.project;
    await editors[3]![0]!.call('openProject', project.id);
    await editors[2]![1]!.call('openProject', other.id);
    await editors[4]![1]!.call('openProject', project.id);
    expect((await editors[3]![1]!.call<Project>('openLastProject')).value!.id).toBe(project.id);
    expect((await editors[2]![0]!.call<Project>('openLastProject')).value!.id).toBe(other.id);
    expect((await editors[4]![0]!.call<Project>('openLastProject')).value!.id).toBe(project.id);
  }, 60_000);

  it('answers a save sent again after its answer was lost with the row, not a conflict with itself', async () => {
    const ref = { projectId: project.id, segmentId: project.segments[2]!.id, lang: 'vi' };
    const [throughA, throughB] = editors[3]!;
    const first = (await throughA!.call<Segment>('updateCell', { ...ref, text: 'Câu thứ ba', baseRev: 0 }))
      .value!;
    // The same save again (its answer never arrived), through the other process.
    const again = await throughB!.call<Segment>('updateCell', { ...ref, text: 'Câu thứ ba', baseRev: 0 });
    expect(again.error).toBeUndefined();
    expect(again.value!.targets.vi).toMatchObject({ text: 'Câu thứ ba', rev: first.targets.vi.rev });
    expect(await committedVersions(ref.segmentId, 'vi')).toEqual([{ rev: 1, text: 'Câu thứ ba' }]);
    // Another text on that stale base is still a conflict.
    const other = await throughB!.call('updateCell', { ...ref, text: 'Khác', baseRev: 0 });
    expect(other.error).toMatchObject({ code: 'cell.conflict' });
  }, 60_000);
});
