import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskConnection, ImportOutcome, Project, ReviewEvent, Segment } from '../contract';
import { createCore, type Core } from '../handlers';
import { startPgTestCluster, type PgTestCluster } from '../../test/support/pg-cluster';
import { openPostgres } from '../services/db/postgres';
import { DeskDirectory } from '../services/desk/directory';
import { isAppError } from '../services/errors';
import { SettingsStore } from '../services/settings';
import { startDeskServer, type DeskServer } from './server';
import { signIn, type DeskClient as HttpPerson } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');
const ARTICLE =
  '서울시, 하노이와 협력\n\n서울시는 4일 하노이시와 교통 협력을 강화한다고 밝혔다.\n\n두 도시는 내년에 다시 만난다.';

/** What an app's core does is only known by its error code. */
async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

// The app's own core (what the desktop window and the browser mode call) working on a desk server on PostgreSQL:
// sign-in, calls routed to the desk, the desk going away and coming back, typing kept on disk meanwhile, a
// conflict with a colleague's change, and an app restart with kept typing.
describe('the app as a desk client', () => {
  let cluster: PgTestCluster;
  let url: string;
  let work: string;
  let rendererDir: string;
  let desk: DeskServer;
  let port: number;
  let editor: HttpPerson;
  let project: Project;

  const startDesk = (listen: string) =>
    startDeskServer({
      databaseUrl: url,
      listen,
      dataDir: join(work, `desk-${listen}`),
      rendererDir,
      env: {},
    });

  async function app(dataDir: string, events: ReviewEvent[]): Promise<Core> {
    const core = await createCore({
      dataDir,
      now: () => new Date(),
      appVersion: '0.0.0',
      mode: 'browser',
      systemLocale: 'en',
      samplePath: SAMPLE,
      settings: new SettingsStore(dataDir, {}, null),
      emit: (e) => events.push(e),
    });
    await core.handlers.uiReady();
    return core;
  }

  /** Wait for a `desk-connection` event in `state`. */
  async function waitForState(events: ReviewEvent[], state: DeskConnection['state'], ms = 15_000) {
    const until = Date.now() + ms;
    for (;;) {
      const hit = events.find((e) => e.type === 'desk-connection' && e.connection.state === state);
      if (hit && hit.type === 'desk-connection') return hit.connection;
      if (Date.now() > until) throw new Error(`no desk-connection ${state} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    cluster = await startPgTestCluster();
    url = await cluster.createDatabase('desk_client');
    work = await mkdtemp(join(tmpdir(), 'desk-client-'));
    rendererDir = join(work, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<html></html>');
    desk = await startDesk('127.0.0.1:0');
    port = Number(new URL(desk.url).port);
    const setup = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
    const dir = new DeskDirectory(setup);
    await dir.createUser({ name: 'minh', role: 'editor', password: 'editor-password' });
    const lan = await dir.createUser({ name: 'lan', role: 'reviewer', password: 'reviewer-password' });
    await setup.close();
    editor = await signIn(desk.url, 'minh', 'editor-password');
    project = (await editor.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hà Nội' })).value!
      .project;
    await editor.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lan.id, assigned: true });
  }, 60_000);
  afterAll(async () => {
    await desk?.close();
    await cluster?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('works on its own data until signed in, and a wrong password or address changes nothing', async () => {
    const dataDir = join(work, 'app-wrong');
    await mkdir(dataDir);
    const core = await app(dataDir, []);
    try {
      expect(await core.handlers.deskConnection()).toMatchObject({
        address: null,
        state: 'local',
        canConnect: true,
      });
      const local = await core.handlers.openLastProject(); // the sample, on this computer
      const attempt = { address: desk.url, name: 'lan', password: 'wrong-password' };
      expect(await codeOf(core.handlers.deskConnect(attempt))).toBe('desk.badLogin');
      expect(
        await codeOf(core.handlers.deskConnect({ ...attempt, address: 'http://desk.example.org' })),
      ).toBe('deskClient.insecureAddress');
      // Nothing listens on port 9 (discard): the desk cannot be reached.
      expect(await codeOf(core.handlers.deskConnect({ ...attempt, address: 'http://127.0.0.1:9' }))).toBe(
        'deskClient.unreachable',
      );
      expect((await core.handlers.deskConnection()).state).toBe('local');
      expect((await core.handlers.listProjects()).map((p) => p.id)).toEqual([local.id]);
    } finally {
      await core.close();
    }
  });

  it('sends edits to the desk, keeps them on disk while it is away, and sends them when it is back', async () => {
    const dataDir = join(work, 'app-lan');
    await mkdir(dataDir);
    const events: ReviewEvent[] = [];
    let core = await app(dataDir, events);
    const [s1, s2] = project.segments.filter((s) => s.kind !== 'heading');
    const cell = (s: Segment) => ({ projectId: project.id, segmentId: s.id, lang: 'vi' as const });
    try {
      const link = await core.handlers.deskConnect({
        address: desk.url,
        name: 'lan',
        password: 'reviewer-password',
      });
      expect(link).toMatchObject({
        address: new URL(desk.url).origin,
        state: 'online',
        user: { name: 'lan', role: 'reviewer' },
      });
      // The desk's articles, not this computer's.
      expect((await core.handlers.listProjects()).map((p) => p.id)).toEqual([project.id]);
      const opened = await core.handlers.openProject(project.id);
      const rev = opened.segments.find((s) => s.id === s1!.id)!.targets.vi.rev ?? 0;
      const saved = await core.handlers.updateCell({
        ...cell(s1!),
        text: 'Seoul tăng cường hợp tác',
        baseRev: rev,
      });
      expect(saved.targets.vi.text).toBe('Seoul tăng cường hợp tác');
      // A colleague's change on the desk arrives as a live event.
      const s2rev = (await editor.call<Segment>('updateCell', { ...cell(s2!), text: 'Hai thành phố' }))
        .value!;
      await expect
        .poll(
          () => events.some((e) => e.type === 'segments-updated' && e.segments.some((s) => s.id === s2!.id)),
          {
            timeout: 5000,
          },
        )
        .toBe(true);

      // The desk goes away: the call fails with "unreachable", the typing is kept on disk, the UI is told.
      await desk.close();
      const away = {
        ...cell(s1!),
        text: 'Seoul tăng cường hợp tác giao thông',
        baseRev: saved.targets.vi.rev,
      };
      expect(await codeOf(core.handlers.updateCell(away))).toBe('deskClient.unreachable');
      expect(
        await codeOf(
          core.handlers.updateCell({
            ...cell(s2!),
            text: 'Hai thành phố sẽ gặp lại',
            baseRev: s2rev.targets.vi.rev,
          }),
        ),
      ).toBe('deskClient.unreachable');
      await waitForState(events, 'unreachable');
      expect(await core.handlers.deskConnection()).toMatchObject({ state: 'unreachable', kept: 2 });
      expect((await core.handlers.deskKeptEdits(project.id)).map((e) => e.text).sort()).toEqual([
        'Hai thành phố sẽ gặp lại',
        'Seoul tăng cường hợp tác giao thông',
      ]);

      // The app is closed meanwhile and started again: the kept typing is still there for the same person.
      await core.close();
      events.length = 0;
      core = await app(dataDir, events);
      expect(await core.handlers.deskConnection()).toMatchObject({
        address: new URL(desk.url).origin,
        state: 'signed-out',
        kept: 2,
      });
      expect(await codeOf(core.handlers.listProjects())).toBe('desk.notSignedIn');

      // Meanwhile a colleague changed s2 on the desk (through another server process on the same database).
      const other = await startDesk('127.0.0.1:0');
      const minh = await signIn(other.url, 'minh', 'editor-password');
      await minh.call('updateCell', { ...cell(s2!), text: 'Hai thành phố hẹn gặp lại năm sau' });
      await other.close();

      // The desk is back at its address: sign in, send what was kept.
      desk = await startDesk(`127.0.0.1:${port}`);
      await core.handlers.deskConnect({ address: desk.url, name: 'lan', password: 'reviewer-password' });
      const kept = await core.handlers.deskKeptEdits(project.id);
      const first = kept.find((e) => e.segmentId === s1!.id)!;
      const { keptAt: _a, ...edit1 } = first;
      expect((await core.handlers.updateCell(edit1)).targets.vi.text).toBe(
        'Seoul tăng cường hợp tác giao thông',
      );
      // s2 was changed by someone else after the typing began: not applied silently, both texts come back.
      const { keptAt: _b, ...edit2 } = kept.find((e) => e.segmentId === s2!.id)!;
      let conflict: unknown;
      try {
        await core.handlers.updateCell(edit2);
      } catch (e) {
        conflict = e;
      }
      expect(isAppError(conflict, 'cell.conflict')).toBe(true);
      expect((conflict as { params: { text: string } }).params.text).toBe(
        'Hai thành phố hẹn gặp lại năm sau',
      );
      // The sent one is forgotten; the conflicted one stays kept until the person chooses.
      expect((await core.handlers.deskKeptEdits(project.id)).map((e) => e.segmentId)).toEqual([s2!.id]);
      await core.handlers.deskForgetKept(cell(s2!));
      expect(await core.handlers.deskKeptEdits(project.id)).toEqual([]);
      expect((await core.handlers.deskConnection()).kept).toBe(0);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('finds out by itself when the desk is back, and goes back to its own data on sign-out', async () => {
    const dataDir = join(work, 'app-back');
    await mkdir(dataDir);
    const events: ReviewEvent[] = [];
    const core = await app(dataDir, events);
    try {
      await core.handlers.deskConnect({ address: desk.url, name: 'lan', password: 'reviewer-password' });
      await desk.close();
      await waitForState(events, 'unreachable');
      events.length = 0;
      desk = await startDesk(`127.0.0.1:${port}`);
      // No call needed: the event stream reconnects (the session is in the desk's database) and says so.
      await waitForState(events, 'online');
      expect((await core.handlers.listProjects()).map((p) => p.id)).toEqual([project.id]);
      expect(await core.handlers.deskDisconnect()).toMatchObject({ address: null, state: 'local' });
      expect((await core.handlers.listProjects()).map((p) => p.id)).not.toContain(project.id);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('is refused on the desk server itself', async () => {
    expect(
      (await editor.call('deskConnect', { address: 'https://x.example.org', name: 'a', password: 'b' })).error
        ?.code,
    ).toBe('desk.roleRequired');
    const me = await signIn(desk.url, 'minh', 'editor-password');
    expect((await me.call('deskConnection')).value).toMatchObject({ canConnect: false, address: null });
  });
});
