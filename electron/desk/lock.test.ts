import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, Segment, TmMatch, UndoResult } from '../contract';
import type { DeskServer } from './server';
import { signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';

const ARTICLE =
  '서울시, 베트남과 스마트 모빌리티 협력\n\n서울시는 4일 베트남 하노이시와 교통 협력을 강화한다고 밝혔다.';

// Sign-off, export, undo and the shared memory on one desk server over HTTP, projects and memory in PostgreSQL.
describe('desk: sign-off locks export and undo; the shared memory', () => {
  let desk: TestDesk;
  let server: DeskServer;
  let editor: DeskClient;
  let lan: DeskClient;
  let lanId: string;
  let project: Project;

  beforeAll(async () => {
    desk = await startTestDesk('lock', [
      { name: 'minh', role: 'editor', password: 'editor-password' },
      { name: 'lan', role: 'reviewer', password: 'reviewer-password' },
    ]);
    server = desk.server;
    editor = await signIn(server.url, 'minh', 'editor-password');
    lan = await signIn(server.url, 'lan', 'reviewer-password');
    project = (await editor.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hanoi' })).value!
      .project;
    lanId = (await lan.call<{ id: string }>('deskWhoAmI')).value!.id;
    await editor.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lanId, assigned: true });
  }, 60_000);
  afterAll(async () => desk?.close());

  const ref = (i: number) => ({ projectId: project.id, segmentId: project.segments[i]!.id, lang: 'vi' });
  const exportVi = (policy: string) =>
    editor.call('buildExport', { projectId: project.id, lang: 'vi', format: 'md', policy });

  it('refuses a stale edit with cell.conflict and the text now stored', async () => {
    const first = await lan.call<Segment>('updateCell', { ...ref(0), text: 'Seoul hợp tác' });
    const rev = first.value!.targets.vi.rev!;
    await editor.call('updateCell', { ...ref(0), text: 'Seoul và Việt Nam hợp tác', baseRev: rev });
    const stale = await lan.call('updateCell', { ...ref(0), text: 'mine', baseRev: rev });
    expect(stale.error).toMatchObject({ code: 'cell.conflict' });
    const now = (await lan.call<Project>('openProject', project.id)).value!;
    expect(now.segments[0]!.targets.vi.text).toBe('Seoul và Việt Nam hợp tác');
  });

  it('exports approved text of a language only once it is signed off; a marked draft any time', async () => {
    for (let i = 0; i < project.segments.length; i++) {
      await lan.call('updateCell', { ...ref(i), text: `Câu ${i}` });
      expect((await lan.call('approveCell', ref(i))).error).toBeUndefined();
    }
    expect((await exportVi('approved-only')).error).toMatchObject({ code: 'desk.notSignedOff' });
    expect((await exportVi('include-unapproved')).error).toBeUndefined();
    await editor.call('deskSignOff', { projectId: project.id, lang: 'vi', signed: true });
    const final = await exportVi('approved-only');
    expect(final.error).toBeUndefined();
    const all = await editor.call('buildExport', {
      projectId: project.id,
      lang: 'all',
      format: 'review-docx',
      policy: 'approved-only',
    });
    expect(all.error).toMatchObject({ code: 'desk.notSignedOff' }); // English is not signed off
    const xliff = await editor.call<{ fileName: string; dataBase64: string }>('buildExport', {
      projectId: project.id,
      lang: 'vi',
      format: 'xliff2',
      policy: 'approved-only',
    });
    const { fileName, dataBase64 } = xliff.value!;
    const back = await editor.call('importInterchange', { projectId: project.id, fileName, dataBase64 });
    expect(back.error).toMatchObject({ code: 'desk.languageLocked' }); // an XLIFF import cannot reopen it either
  });

  it('refuses undo and redo into a signed-off language, and out of a language no longer assigned', async () => {
    const undone = await lan.call<UndoResult>('undo', project.id);
    expect(undone.error).toMatchObject({ code: 'desk.languageLocked' });
    const locked = (await lan.call<Project>('openProject', project.id)).value!;
    expect(locked.segments.every((s) => s.targets.vi.status === 'approved')).toBe(true);
    await editor.call('deskSignOff', { projectId: project.id, lang: 'vi', signed: false });
    await editor.call('deskAssign', { projectId: project.id, lang: 'en', userId: lanId, assigned: true });
    await editor.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lanId, assigned: false });
    expect((await lan.call('undo', project.id)).error).toMatchObject({ code: 'desk.notAssigned' });
    await editor.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lanId, assigned: true });
    const ok = await lan.call<UndoResult>('undo', project.id);
    expect(ok.error).toBeUndefined();
    expect(ok.value!.segments.length).toBeGreaterThan(0);
  });

  it('puts approvals into the shared memory and offers them in another article', async () => {
    const other = (
      await editor.call<ImportOutcome>('importText', {
        text: '서울시는 4일 베트남 하노이시와 교통 협력을 확대한다고 밝혔다.',
        name: 'Later',
      })
    ).value!.project;
    const matches = await editor.call<TmMatch[]>('tmLookup', {
      projectId: other.id,
      segmentId: other.segments[0]!.id,
      lang: 'vi',
    });
    expect(matches.error).toBeUndefined();
    expect(matches.value!.map((m) => m.kind)).toContain('fuzzy');
    expect(matches.value![0]).toMatchObject({ projectName: project.name, reviewer: 'lan' });
  });
});
