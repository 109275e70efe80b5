import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, ReviewEvent, Segment } from '../contract';
import { DeskLink } from '../services/desk-client/link';
import type { PgTestCluster } from '../../test/support/pg-cluster';
import type { DeskServer } from './server';
import { openEvents, signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';

const ARTICLE = ['제목', '첫 문단입니다.', '둘째 문단입니다.', '셋째 문단입니다.'].join('\n\n');

/** The Vietnamese texts of the segments-updated events received, in order. */
function texts(events: Array<{ event: ReviewEvent }>): string[] {
  return events.flatMap(({ event }) =>
    event.type === 'segments-updated' ? event.segments.map((s) => s.targets.vi.text) : [],
  );
}

const updated = (text: string) => (e: ReviewEvent) =>
  e.type === 'segments-updated' && e.segments.some((s) => s.targets.vi.text === text);

// A page's event stream is cut while edits go on through the other server process: reconnecting with the last
// event id it got, it receives exactly what it missed (from the database's log), then the live ones, each once.
describe('desk: live updates resume after a break, across processes', () => {
  let desk: TestDesk;
  let cluster: PgTestCluster;
  let a: DeskServer;
  let b: DeskServer;
  let viaA: DeskClient;
  let viaB: DeskClient;
  let project: Project;
  let n = 0;

  /** An edit through process B; resolves once acknowledged, with its text. */
  async function editViaB(): Promise<string> {
    const cells = project.segments.filter((s) => s.translate);
    const text = `bản ${n++}`;
    const r = await viaB.call<Segment>('updateCell', {
      projectId: project.id,
      segmentId: cells[n % cells.length]!.id,
      lang: 'vi',
      text,
    });
    expect(r.error).toBeUndefined();
    return text;
  }

  beforeAll(async () => {
    desk = await startTestDesk('resume', [{ name: 'minh', role: 'editor', password: 'editor-password' }]);
    ({ cluster, server: a } = desk);
    b = await desk.startPeer();
    viaA = await signIn(a.url, 'minh', 'editor-password');
    viaB = await signIn(b.url, 'minh', 'editor-password');
    project = (await viaB.call<ImportOutcome>('importText', { text: ARTICLE, name: 'R' })).value!.project;
    await viaA.call('openProject', project.id);
  }, 60_000);
  afterAll(async () => desk?.close());

  it('a stream cut while B takes edits gets exactly the missed ones on A with its last id', async () => {
    const first = await openEvents(a.url, viaA.cookie);
    const seen = await editViaB();
    await first.waitFor(updated(seen), 10_000);
    const resumeAt = first.lastId!;
    first.close();
    const missed: string[] = [];
    for (let i = 0; i < 7; i++) missed.push(await editViaB());
    const again = await openEvents(a.url, viaA.cookie, resumeAt);
    const live = await editViaB();
    await again.waitFor(updated(live), 10_000);
    expect(texts(again.events)).toEqual([...missed, live]);
    const ids = again.events.map((e) => e.id!);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids[0]).toBeGreaterThan(Number(resumeAt));
    again.close();
  }, 30_000);

  it('a stream resuming from before what the desk keeps is told it missed updates', async () => {
    const stream = await openEvents(a.url, viaA.cookie);
    const last = stream.lastId!;
    stream.close();
    // An id this database never handed out (another desk's, or the log was recreated): nothing to replay.
    const beyond = await openEvents(a.url, viaA.cookie, String(Number(last) + 1_000_000));
    await beyond.waitFor((e) => e.type === 'events-missed', 10_000);
    // The stream goes on: later edits arrive.
    const live = await editViaB();
    await beyond.waitFor(updated(live), 10_000);
    beyond.close();
    // Pruned from the log: older than the oldest kept.
    const old = await openEvents(a.url, viaA.cookie);
    const from = Number(old.lastId!);
    await old.waitFor(updated(await editViaB()), 10_000); // logged (the log is written just after the answer)
    old.close();
    await a.database.pool.query('DELETE FROM desk_event_log WHERE id < (SELECT max(id) FROM desk_event_log)');
    const pruned = await openEvents(a.url, viaA.cookie, String(from - 1));
    await pruned.waitFor((e) => e.type === 'events-missed', 10_000);
    expect(texts(pruned.events)).toEqual([]);
    pruned.close();
  }, 30_000);

  it("the desktop app's link resumes after its last id too", async () => {
    const link = new DeskLink(a.url.replace(/\/$/, ''));
    await link.signIn('minh', 'editor-password');
    const got: ReviewEvent[] = [];
    const listen = () => {
      const control = new AbortController();
      const opened = new Promise<void>((ok) => {
        void link.listen(control.signal, ok, (e) => got.push(e)).catch(() => undefined);
      });
      return { control, opened };
    };
    const until = async (match: (e: ReviewEvent) => boolean) => {
      for (let i = 0; i < 200 && !got.some(match); i++) await new Promise((r) => setTimeout(r, 50));
      expect(got.some(match)).toBe(true);
    };
    const one = listen();
    await one.opened;
    await until(updated(await editViaB()));
    one.control.abort();
    got.length = 0;
    const missed = [await editViaB(), await editViaB()];
    const two = listen();
    await two.opened;
    const live = await editViaB();
    await until(updated(live));
    expect(texts(got.map((event) => ({ event })))).toEqual([...missed, live]);
    two.control.abort();
  }, 30_000);

  it('PostgreSQL restarts: an open stream on A catches up on what B committed meanwhile', async () => {
    const stream = await openEvents(a.url, viaA.cookie);
    await cluster.stopServer();
    await cluster.startServer();
    // A's LISTEN connection is down or reconnecting while B commits: these arrive through A's catch-up.
    const after: string[] = [];
    for (let i = 0; i < 5; i++) {
      let ok = false;
      for (let tries = 0; !ok && tries < 100; tries++) {
        const r = await viaB.call<Segment>('updateCell', {
          projectId: project.id,
          segmentId: project.segments.filter((s) => s.translate)[i % 3]!.id,
          lang: 'vi',
          text: `sau ${i}`,
        });
        ok = !r.error;
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
      after.push(`sau ${i}`);
    }
    await stream.waitFor(updated('sau 4'), 20_000);
    expect(texts(stream.events)).toEqual(after);
    stream.close();
  }, 60_000);
});
