import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ImportOutcome, type Project, type ReviewEvent } from '../contract';
import { ALL_MIGRATIONS } from '../core/migrations';
import { openPostgres } from '../services/db/postgres';
import { PgEventBus } from '../services/desk/bus';
import { bundleHost, spawnHost, type Host } from '../../test/support/crash-driver';
import { openEvents, signIn, startTestDesk, type TestDesk } from '../../test/support/desk';

const ARTICLE = ['제목', '첫 문단입니다.', '둘째 문단입니다.'].join('\n\n');
const TEXT = 'sửa trước khi tiến trình chết';

const tells = (text: string) => (e: ReviewEvent) =>
  e.type === 'segments-updated' && e.segments.some((s) => s.targets.vi.text === text);

// A change's live update is committed with the change (the outbox): a server process killed with SIGKILL right
// after an edit committed, before it published the edit's event or answered, still has every other page told.
describe('desk: a live update survives a crash between commit and publish', () => {
  let desk: TestDesk;
  let work: string;
  let script: string;
  let project: Project;

  beforeAll(async () => {
    desk = await startTestDesk('outbox', [
      { name: 'minh', role: 'editor', password: 'minh-password' },
      { name: 'lan', role: 'editor', password: 'lan-password' },
    ]);
    work = await mkdtemp(join(tmpdir(), 'desk-outbox-'));
    await mkdir(join(work, 'renderer'));
    await writeFile(join(work, 'renderer', 'index.html'), '<html><head></head><body></body></html>');
    script = await bundleHost(join(import.meta.dirname, '../../test/support/crash-host-desk-publish.ts'));
    const lan = await signIn(desk.server.url, 'lan', 'lan-password');
    project = (await lan.call<ImportOutcome>('importText', { text: ARTICLE, name: 'O' })).value!.project;
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    if (work) await rm(work, { recursive: true, force: true });
    if (script) await rm(dirname(script), { recursive: true, force: true });
  });

  /**
   * A desk process (Minh signed in) that kills itself with SIGKILL as it is about to publish an event of type
   * `fatal`; `call` is sent to it and must go unanswered, the process killed.
   */
  async function killedWhilePublishing(fatal: string, method: 'updateCell' | 'translate', arg: unknown) {
    const host: Host = await spawnHost(
      script,
      {
        DESK_DATABASE_URL: desk.url,
        CRASH_DATA_DIR: join(work, `data-${fatal}`),
        CRASH_RENDERER_DIR: join(work, 'renderer'),
        CRASH_ON_EVENT: fatal,
      },
      async (url) => ({
        'Content-Type': 'application/json',
        'X-Review-Request': '1',
        Cookie: (await signIn(url, 'minh', 'minh-password')).cookie,
      }),
    );
    const exited = new Promise<NodeJS.Signals | null>((ok) =>
      host.child.once('exit', (_c, signal) => ok(signal)),
    );
    const answer = await fetch(new URL(`/api/${CHANNELS[method]}`, host.url), {
      method: 'POST',
      headers: host.headers,
      body: JSON.stringify([arg]),
    }).then(
      () => 'answered',
      () => 'lost',
    );
    expect(answer).toBe('lost');
    expect(await exited).toBe('SIGKILL');
  }

  it('the other process’s page gets the edit of a process killed before it published', async () => {
    const lan = await signIn(desk.server.url, 'lan', 'lan-password');
    const stream = await openEvents(desk.server.url, lan.cookie);
    const segmentId = project.segments[1]!.id;
    const save = { projectId: project.id, segmentId, lang: 'vi', text: TEXT, baseRev: 0 };
    await killedWhilePublishing('segments-updated', 'updateCell', save);
    // The edit committed (read from the database, not through a server)...
    const { rows } = await desk.server.database.pool.query<{ text: string; rev: number }>(
      "SELECT text, rev FROM cells WHERE project_id = $1 AND segment_id = $2 AND lang = 'vi'",
      [project.id, segmentId],
    );
    expect(rows).toEqual([{ text: TEXT, rev: 1 }]);
    // ...and the page on the surviving process is told of it, with an id it can resume from.
    const got = await stream.waitFor(tells(TEXT), 15_000);
    expect(stream.events.find((e) => e.event === got.event)?.id).toBeGreaterThan(0);
    stream.close();
    const log = await desk.server.database.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM desk_event_log WHERE payload LIKE $1',
      [`%${TEXT}%`],
    );
    expect(Number(log.rows[0]!.n)).toBe(1);
    const outbox = await desk.server.database.pool.query('SELECT id FROM desk_event_outbox');
    expect(outbox.rows).toEqual([]);
  }, 120_000);

  it('the end of a translation run is committed too: a process killed before publishing it still has it told', async () => {
    const lan = await signIn(desk.server.url, 'lan', 'lan-password');
    const stream = await openEvents(desk.server.url, lan.cookie);
    // A run of the memory alone: no DeepL needed, and it ends with `mt-finished` like any other.
    await killedWhilePublishing('mt-finished', 'translate', {
      projectId: project.id,
      langs: ['en'],
      memoryOnly: true,
    });
    const ended = (e: ReviewEvent) => e.type === 'mt-finished' && e.summary.projectId === project.id;
    const got = await stream.waitFor(ended, 15_000);
    expect(stream.events.find((e) => e.event === got.event)?.id).toBeGreaterThan(0);
    stream.close();
    // Logged once, from the record the killed process committed (read from the database).
    const log = await desk.server.database.pool.query<{ payload: string }>(
      `SELECT payload FROM desk_event_log WHERE payload LIKE '%"mt-finished"%'`,
    );
    expect(log.rows.map((r) => (JSON.parse(r.payload) as ReviewEvent).type)).toEqual(['mt-finished']);
    const outbox = await desk.server.database.pool.query('SELECT id FROM desk_event_outbox');
    expect(outbox.rows).toEqual([]);
  }, 120_000);

  it('an assignment’s live update is committed with it: a process that never published still has it told', async () => {
    const peer = await desk.startPeer();
    const a = desk.server;
    // A process that dies after the commit publishes nothing: here, its bus drops the article's access news.
    const publish = a.bus.publish.bind(a.bus);
    a.bus.publish = (event) => (event.type === 'desk-access' ? Promise.resolve() : publish(event));
    try {
      const minh = await signIn(a.url, 'minh', 'minh-password');
      const lanOnPeer = await signIn(peer.url, 'lan', 'lan-password');
      const stream = await openEvents(peer.url, lanOnPeer.cookie);
      const users = (await minh.call<Array<{ id: string; name: string }>>('deskListUsers')).value!;
      const lanId = users.find((u) => u.name === 'lan')!.id;
      const r = await minh.call('deskAssign', {
        projectId: project.id,
        lang: 'en',
        userId: lanId,
        assigned: true,
      });
      expect(r.error).toBeUndefined();
      const told = await stream.waitFor(
        (e) =>
          e.type === 'desk-access' && e.access.assignments.some((x) => x.userId === lanId && x.lang === 'en'),
        15_000,
      );
      expect(told.event).toMatchObject({ projectId: project.id });
      stream.close();
    } finally {
      a.bus.publish = publish;
    }
  }, 60_000);

  it('a process starting up publishes what a killed one left in the outbox, numbered, each once', async () => {
    const url = await desk.cluster.createDatabase('outbox_start');
    const database = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 2 });
    const left: ReviewEvent = { type: 'segments-updated', projectId: 'p1', segments: [] };
    // What a killed process leaves behind: the change's transaction committed with its record, nothing more.
    const recorder = new PgEventBus(database);
    await database.db.transaction().execute((trx) => recorder.record(trx, left));
    await recorder.close();
    // A bus that would not sweep for an hour: only its start-up moves the record.
    const bus = new PgEventBus(database, 3_600_000);
    const got: Array<{ event: ReviewEvent; id?: number }> = [];
    bus.subscribe((event, id) => got.push({ event, id }));
    try {
      await bus.start();
      for (let i = 0; i < 200 && !got.length; i++) await new Promise((ok) => setTimeout(ok, 25));
      expect(got).toEqual([{ event: left, id: 1 }]);
      const moved = await sql<{ n: string }>`SELECT count(*) AS n FROM desk_event_outbox`.execute(
        database.db,
      );
      expect(Number(moved.rows[0]!.n)).toBe(0);
      expect(await bus.since(0)).toEqual([{ id: 1, event: left }]);
    } finally {
      await bus.close();
      await database.close();
    }
  }, 60_000);
});
