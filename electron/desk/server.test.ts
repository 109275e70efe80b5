import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DeskProjectAccess,
  FilePayload,
  ImportOutcome,
  Project,
  ProjectSummary,
  Segment,
  TermEntry,
  TmMatch,
} from '../contract';
import { runCli } from '../cli';
import { startPgTestCluster, type PgTestCluster } from '../../test/support/pg-cluster';
import { openPostgres } from '../services/db/postgres';
import { DeskDirectory } from '../services/desk/directory';
import { startDeskServer, type DeskServer } from './server';
import { openEvents, signIn, type DeskClient } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

const ARTICLE =
  '서울시, 베트남과 스마트 모빌리티 협력\n\n서울시는 4일 베트남 하노이시와 교통 협력을 강화한다고 밝혔다.';

// Two desk server processes' worth of hosts on one PostgreSQL database, driven over HTTP as browsers would.
describe('team desk server', () => {
  let cluster: PgTestCluster;
  let url: string;
  let work: string;
  let a: DeskServer;
  let b: DeskServer;
  let editor: DeskClient;
  let reviewer: DeskClient;
  let project: Project;

  beforeAll(async () => {
    cluster = await startPgTestCluster();
    url = await cluster.createDatabase('desk');
    work = await mkdtemp(join(tmpdir(), 'desk-'));
    const rendererDir = join(work, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const start = (name: string) =>
      startDeskServer({
        databaseUrl: url,
        listen: '127.0.0.1:0',
        dataDir: join(work, name),
        rendererDir,
        env: {},
      });
    a = await start('a');
    b = await start('b');
    // Accounts as the admin would make them: one through the CLI, the others directly.
    expect(await runCli(['desk', 'add-user', 'minh', '--role', 'editor', '--database', url], {})).toBe(0);
    const setup = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
    const dir = new DeskDirectory(setup);
    await dir.createUser({ name: 'minh-pw', role: 'editor', password: 'editor-password' });
    await dir.createUser({ name: 'lan', role: 'reviewer', password: 'reviewer-password' });
    await dir.createUser({ name: 'outsider', role: 'editor', password: 'outsider-password', desk: 'other' });
    await setup.close();
    editor = await signIn(a.url, 'minh-pw', 'editor-password');
    reviewer = await signIn(a.url, 'lan', 'reviewer-password');
    const created = await editor.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hanoi' });
    project = created.value!.project;
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cluster?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and refuses calls without one', async () => {
    expect(reviewer.setCookie).toMatch(
      /^desk_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const anonymous = await fetch(new URL('/api/app:info', a.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'desk.notSignedIn' } });
    await expect(signIn(a.url, 'lan', 'not-the-password')).rejects.toThrow('desk.badLogin');
  });

  it('lets a reviewer see and edit only assigned languages, and never sign off', async () => {
    expect((await reviewer.call<ProjectSummary[]>('listProjects')).value).toEqual([]);
    expect((await reviewer.call('openProject', project.id)).error?.code).toBe('project.notFound');
    const users = (await editor.call<Array<{ id: string; name: string }>>('deskWhoAmI')).value;
    expect(users).toMatchObject({ name: 'minh-pw', role: 'editor' });
    const lan = await reviewer.call<{ id: string }>('deskWhoAmI');
    const assigned = await editor.call<DeskProjectAccess>('deskAssign', {
      projectId: project.id,
      lang: 'vi',
      userId: lan.value!.id,
      assigned: true,
    });
    expect(assigned.value!.assignments).toEqual([{ lang: 'vi', userId: lan.value!.id, userName: 'lan' }]);
    expect((await reviewer.call<ProjectSummary[]>('listProjects')).value!.map((p) => p.id)).toEqual([
      project.id,
    ]);
    const row = project.segments[0]!;
    const edit = (lang: 'vi' | 'en', text: string) =>
      reviewer.call<Segment>('updateCell', { projectId: project.id, segmentId: row.id, lang, text });
    expect((await edit('vi', 'Seoul hợp tác với Việt Nam')).value!.targets.vi.text).toBe(
      'Seoul hợp tác với Việt Nam',
    );
    expect((await edit('en', 'Seoul and Vietnam')).error?.code).toBe('desk.notAssigned');
    const signOff = { projectId: project.id, lang: 'vi', signed: true };
    expect((await reviewer.call('deskSignOff', signOff)).error?.code).toBe('desk.roleRequired');
    expect(
      (await reviewer.call('deskCreateUser', { name: 'x1', role: 'admin', password: '0123456789' })).error
        ?.code,
    ).toBe('desk.roleRequired');
    expect((await reviewer.call('updateSettings', { reviewerName: 'x' })).error?.code).toBe(
      'desk.roleRequired',
    );
  });

  it('locks a language once the editor signs it off (after every row is approved)', async () => {
    const signOff = { projectId: project.id, lang: 'vi', signed: true };
    expect((await editor.call('deskSignOff', signOff)).error?.code).toBe('desk.notAllApproved');
    const current = (await reviewer.call<Project>('openProject', project.id)).value!;
    for (const s of current.segments.filter((x) => x.translate)) {
      const ref = { projectId: project.id, segmentId: s.id, lang: 'vi' };
      if (!s.targets.vi.text) await reviewer.call('updateCell', { ...ref, text: `vi ${s.id}` });
      expect((await reviewer.call('approveCell', ref)).error).toBeUndefined();
    }
    const signed = await editor.call<DeskProjectAccess>('deskSignOff', signOff);
    expect(signed.value!.signoffs).toEqual([expect.objectContaining({ lang: 'vi', by: 'minh-pw' })]);
    const ref = { projectId: project.id, segmentId: current.segments[0]!.id, lang: 'vi' };
    expect((await reviewer.call('updateCell', { ...ref, text: 'late change' })).error?.code).toBe(
      'desk.languageLocked',
    );
    expect((await reviewer.call('unapproveCell', ref)).error?.code).toBe('desk.languageLocked');
    await editor.call('deskSignOff', { ...signOff, signed: false });
  });

  it("shows another desk's user nothing: no projects, no rows, no events", async () => {
    const outsider = await signIn(b.url, 'outsider', 'outsider-password');
    const stream = await openEvents(b.url, outsider.cookie);
    expect((await outsider.call<ProjectSummary[]>('listProjects')).value).toEqual([]);
    expect((await outsider.call('openProject', project.id)).error?.code).toBe('project.notFound');
    expect((await outsider.call('deskProjectAccess', project.id)).error?.code).toBe('project.notFound');
    expect(
      (await outsider.call('setPresence', { projectId: project.id, segmentId: null, lang: null })).error
        ?.code,
    ).toBe('project.notFound');
    await editor.call('setPresence', {
      projectId: project.id,
      segmentId: project.segments[0]!.id,
      lang: 'en',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.events).toEqual([]);
    stream.close();
  });

  it('fans changes and presence out to the clients of another server process', async () => {
    const onB = await signIn(b.url, 'lan', 'reviewer-password');
    const stream = await openEvents(b.url, onB.cookie);
    const segmentId = project.segments[1]!.id;
    await editor.call('setPresence', { projectId: project.id, segmentId, lang: 'en' });
    await stream.waitFor(
      (e) =>
        e.type === 'presence' && e.entries.some((p) => p.userName === 'minh-pw' && p.segmentId === segmentId),
      10_000,
    );
    await editor.call('updateCell', {
      projectId: project.id,
      segmentId,
      lang: 'en',
      text: 'Seoul strengthens ties',
    });
    await stream.waitFor(
      (e) =>
        e.type === 'segments-updated' &&
        e.segments.some((s) => s.targets.en.text === 'Seoul strengthens ties'),
      10_000,
    );
    expect((await onB.call<unknown[]>('listPresence', project.id)).value).toEqual([
      expect.objectContaining({ userName: 'minh-pw', segmentId, lang: 'en' }),
    ]);
    stream.close();
  });

  it('pushes an assignment made through one process to the pages on another', async () => {
    const onB = await signIn(b.url, 'lan', 'reviewer-password');
    const lanId = (await onB.call<{ id: string }>('deskWhoAmI')).value!.id;
    const stream = await openEvents(b.url, onB.cookie);
    for (const assigned of [true, false]) {
      await editor.call('deskAssign', { projectId: project.id, lang: 'en', userId: lanId, assigned });
      const told = await stream.waitFor(
        (e) =>
          e.type === 'desk-access' &&
          e.projectId === project.id &&
          e.access.assignments.some((a) => a.lang === 'en' && a.userId === lanId) === assigned,
        10_000,
      );
      expect(told.event.type).toBe('desk-access');
    }
    stream.close();
  });

  it('creates accounts from the command line with a password read from stdin', async () => {
    const { Readable } = await import('node:stream');
    const { deskCommand } = await import('./cli-desk');
    const line = await deskCommand(
      ['desk', 'add-user', 'thu'],
      (n) => ({ role: 'reviewer', database: url })[n],
      (n) => n === 'password-stdin',
      {},
      Readable.from(['a-long-password\n']),
    );
    expect(line).toBe("created reviewer 'thu' on desk 'main'");
    await expect(signIn(a.url, 'thu', 'a-long-password')).resolves.toBeDefined();
    expect(await runCli(['desk', 'add-user', 'thu', '--role', 'boss', '--database', url], {})).toBe(2);
  });

  it("keeps each desk's translation memory and termbase to itself", async () => {
    const outsider = await signIn(b.url, 'outsider', 'outsider-password');
    const text = (f: { value?: FilePayload }) => Buffer.from(f.value!.dataBase64, 'base64').toString('utf8');
    const tmx = (ko: string, vi: string) => ({
      fileName: 'a.tmx',
      dataBase64: Buffer.from(
        `<?xml version="1.0"?><tmx version="1.4"><header srclang="ko-KR" segtype="sentence" adminlang="en"
        datatype="plaintext" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu>
        <tuv xml:lang="ko-KR"><seg>${ko}</seg></tuv><tuv xml:lang="vi-VN"><seg>${vi}</seg></tuv></tu></body></tmx>`,
      ).toString('base64'),
    });
    // Desk "main": the approvals of the case above, a TMX import and a desk-wide term.
    const imported = await editor.call('importTmx', tmx('부산시는 하노이와 협력한다', 'Busan hợp tác'));
    expect(imported.value).toEqual({ imported: 1, skipped: 0 });
    const termInput = {
      scope: 'desk',
      ko: '하노이시',
      vi: 'Hà Nội',
      en: 'Hanoi',
      forbiddenVi: [],
      forbiddenEn: [],
    };
    const term = (await editor.call<TermEntry>('saveTerm', termInput)).value!;
    const mainTmx = text(await editor.call<FilePayload>('exportTmx'));
    expect(mainTmx).toContain('Seoul hợp tác với Việt Nam');
    expect(mainTmx).toContain('Busan hợp tác');

    // Desk "other", on the other server process: none of it.
    const theirTmx = text(await outsider.call<FilePayload>('exportTmx'));
    expect(theirTmx).not.toMatch(/<tu[ >]/);
    // The same wire story imported in the other desk is its own project, without the first desk's translations.
    const own = (await outsider.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Copy' })).value!;
    expect(own.project.id).not.toBe(project.id);
    expect(own.project.segments.every((s) => !s.targets.vi.text)).toBe(true);
    const ref = { projectId: own.project.id, segmentId: own.project.segments[1]!.id, lang: 'vi' };
    expect(await outsider.call<TmMatch[]>('tmLookup', ref)).toEqual({ value: [] });
    // The first desk's memory answers its own lookups (a new article holding the imported sentence; an approved
    // cell is never offered its own text, so the approved rows above are no probe).
    const busan = (
      await editor.call<ImportOutcome>('importText', {
        text: '부산시 협력\n부산시는 하노이와 협력한다',
        name: 'Busan',
      })
    ).value!.project;
    const mainRef = { ...ref, projectId: busan.id, segmentId: busan.segments[1]!.id };
    expect((await editor.call<TmMatch[]>('tmLookup', mainRef)).value!.map((m) => m.target)).toContain(
      'Busan hợp tác',
    );
    // The same file is new to the other desk's memory.
    const again = await outsider.call('importTmx', tmx('부산시는 하노이와 협력한다', 'Busan hợp tác'));
    expect(again.value).toEqual({ imported: 1, skipped: 0 });

    expect((await outsider.call<TermEntry[]>('listTerms', null)).value).toEqual([]);
    expect((await outsider.call('listTerms', project.id)).error?.code).toBe('project.notFound');
    const theirTerms = await outsider.call<FilePayload>('exportTerms', { projectId: null, format: 'csv' });
    expect(text(theirTerms)).not.toContain('하노이시');
    expect((await outsider.call('deleteTerm', term.id)).error?.code).toBe('qa.termNotFound');
    const changed = await outsider.call('saveTerm', { ...termInput, id: term.id, vi: 'Hanoi (sai)' });
    expect(changed.error?.code).toBe('qa.termNotFound');
    expect((await editor.call<TermEntry[]>('listTerms', null)).value).toEqual([
      expect.objectContaining({ id: term.id, vi: 'Hà Nội', updatedBy: 'minh-pw' }),
    ]);
  });

  it('reconnects its LISTEN connection when PostgreSQL restarts, and fans out again', async () => {
    await cluster.stopServer();
    await cluster.startServer();
    const deadline = Date.now() + 10_000;
    while (!(a.bus.connected && b.bus.connected) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(a.bus.connected && b.bus.connected).toBe(true);
    const onB = await signIn(b.url, 'lan', 'reviewer-password');
    const stream = await openEvents(b.url, onB.cookie);
    await editor.call('setPresence', { projectId: project.id, segmentId: null, lang: null });
    await stream.waitFor(
      (e) => e.type === 'presence' && e.entries.some((p) => p.userName === 'minh-pw'),
      1000,
    );
    stream.close();
  }, 30_000);

  it('pauses sign-in for a name after five failed attempts, even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      await expect(signIn(b.url, 'minh-pw', `guess-${i}-wrong`)).rejects.toThrow('desk.badLogin');
    await expect(signIn(b.url, 'minh-pw', 'editor-password')).rejects.toThrow('desk.tooManyAttempts');
    await expect(signIn(b.url, 'lan', 'reviewer-password')).resolves.toBeDefined(); // other names are not affected
  });
});
