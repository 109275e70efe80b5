import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../e2e/support/deepl-server';
import { createCore, type Core } from '../handlers';
import { SettingsStore } from '../services/settings';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

// The QA handlers over real services: the termbase feeds DeepL's glossary, and a term change re-requests only the
// machine cells whose Korean holds it.
describe('QA and termbase through the core', () => {
  let fake: DeeplFake;
  let core: Core;

  beforeAll(async () => {
    fake = await startDeeplServer();
    const dataDir = await mkdtemp(join(tmpdir(), 'qa-core-'));
    const env = { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fake.url };
    core = await createCore({
      dataDir,
      now: () => new Date(),
      appVersion: 'test',
      mode: 'browser',
      systemLocale: 'en',
      samplePath: SAMPLE,
      settings: new SettingsStore(dataDir, env, null),
      emit: () => undefined,
    });
  });
  afterAll(async () => {
    await core.close();
    await fake.close();
  });

  it('re-translates only machine cells holding a changed term, never edited ones, and says so', async () => {
    const h = core.handlers;
    const project = await h.openLastProject();
    const first = await h.translate({ projectId: project.id, langs: ['vi', 'en'] });
    expect(first.termRefresh).toBeUndefined();

    // The reviewer edits one Vietnamese cell whose Korean holds 서울시; then the desk adds the term.
    const holding = project.segments.filter(
      (s) => /서울시(?![가-힣]*장)/u.test(s.source) && s.kind === 'paragraph',
    );
    const edited = holding[0]!;
    await h.updateCell({
      projectId: project.id,
      segmentId: edited.id,
      lang: 'vi',
      text: 'Bản dịch của người duyệt.',
    });
    await h.saveTerm({
      scope: 'desk',
      ko: '서울시',
      vi: 'thành phố Seoul',
      en: 'Seoul City',
      forbiddenVi: [],
      forbiddenEn: [],
    });

    const before = fake.requests.length;
    const again = await h.translate({ projectId: project.id, langs: ['vi', 'en'] });
    expect(again.termRefresh?.terms).toEqual(['서울시']);
    const sent = fake.requests.slice(before).filter((r) => r.path === '/v2/translate');
    const texts = sent.flatMap((r) => r.texts);
    expect(texts.length).toBe(again.termRefresh!.cells);
    expect(texts.every((t) => t.includes('서울시'))).toBe(true);
    // The edited cell was not asked again in its language; its text is untouched.
    const after = await h.openProject(project.id);
    expect(after.segments.find((s) => s.id === edited.id)!.targets.vi).toMatchObject({
      text: 'Bản dịch của người duyệt.',
      status: 'edited',
    });
    expect(again.perLang.find((l) => l.lang === 'vi')!.requested).toBe(
      again.perLang.find((l) => l.lang === 'en')!.requested - 1,
    );

    // A third run has nothing changed to refresh.
    expect((await h.translate({ projectId: project.id, langs: ['vi', 'en'] })).termRefresh).toBeUndefined();
  });

  it('remembers "not an error" with who and why, and refuses one without a reason', async () => {
    const h = core.handlers;
    const project = await h.openLastProject();
    const seg = project.segments.find((s) => s.kind === 'paragraph')!;
    await h.updateCell({ projectId: project.id, segmentId: seg.id, lang: 'en', text: 'Too short.' });
    const issue = (await h.runQa(project.id)).find((i) => i.segmentId === seg.id && i.severity === 'error')!;
    await expect(
      h.dismissQaIssue({ projectId: project.id, issueId: issue.id, reason: '  ' }),
    ).rejects.toThrow('qa.reasonRequired');
    const ctx = await h.dismissQaIssue({
      projectId: project.id,
      issueId: issue.id,
      reason: 'Summary on purpose',
    });
    expect(ctx.dismissals[issue.id]).toMatchObject({ reason: 'Summary on purpose' });
    const rerun = (await h.runQa(project.id)).find((i) => i.id === issue.id)!;
    expect(rerun.dismissal?.reason).toBe('Summary on purpose');
  });
});
