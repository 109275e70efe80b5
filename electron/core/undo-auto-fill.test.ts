// Automatic fills are not the reviewer's steps: the machine translation and the memory's pre-translation that fill
// empty cells (on opening an article, or Translate) are recorded in each cell's history but are not undo steps, as
// pre-translation is not in memoQ's or Trados's undo list. Ctrl+Z right after opening undoes nothing; after an edit it
// takes back the edit only, and a fill in between never drops what the reviewer can redo.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../../e2e/support/deepl-server';
import { featureCore, type FeatureCore } from '../../test/support/project';
import type { Core } from '../handlers';
import { memory } from './tm';

let fake: DeeplFake;
let fixture: FeatureCore;
let core: Core;
beforeAll(async () => {
  fake = await startDeeplServer();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fixture = await featureCore({
    prefix: 'undo-auto-',
    reviewer: 'Trần Lan',
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fake.url },
  });
  core = fixture.core;
  fake.reset();
});
afterEach(async () => {
  await fixture.close();
});

const LINES = ['서울시, 베트남과 협력', '서울시는 4일 하노이시와 업무협약을 체결했다.', '부산시도 맺었다.'];

/** Import the article and fill it as opening does (the memory first, then DeepL). */
async function openFilled() {
  const { project } = await core.handlers.importArticle({
    fileName: 'a.txt',
    dataBase64: Buffer.from(LINES.join('\n')).toString('base64'),
  });
  await core.handlers.translate({ projectId: project.id, langs: ['vi', 'en'] });
  const filled = await core.handlers.openProject(project.id);
  return { id: project.id, filled, h: core.handlers };
}

const texts = async (id: string) =>
  (await core.handlers.openProject(id)).segments.map((s) => [s.targets.vi.text, s.targets.en.text]);

describe('automatic fills and undo', () => {
  it('Ctrl+Z right after opening undoes nothing: the memory and machine fills stay, and are in the history', async () => {
    await memory({ memoryDatabase: core.database } as never).remember('', [
      { source: LINES[2]!, lang: 'vi', target: 'Busan cũng đã ký.', at: '2026-01-01T00:00:00.000Z' },
    ]);
    const { id, filled, h } = await openFilled();
    expect(filled.segments[2]!.targets.vi).toMatchObject({ text: 'Busan cũng đã ký.', tm: { score: 100 } });
    expect(filled.segments[1]!.targets.vi.status).toBe('machine');
    const before = await texts(id);
    expect(await h.undo(id)).toMatchObject({ origin: null, canUndo: false });
    expect(await texts(id)).toEqual(before);
    const history = async (i: number) =>
      (await h.cellHistory({ projectId: id, segmentId: filled.segments[i]!.id, lang: 'vi' })).map(
        (v) => v.origin,
      );
    expect([await history(1), await history(2)]).toEqual([['machine'], ['memory']]);
  });

  it("after an edit, Ctrl+Z takes back the reviewer's edit only, then nothing", async () => {
    const { id, filled, h } = await openFilled();
    const ref = { projectId: id, segmentId: filled.segments[1]!.id, lang: 'vi' as const };
    const mt = filled.segments[1]!.targets.vi.text;
    await h.updateCell({ ...ref, text: 'Bản dịch của người duyệt' });
    expect(await h.undo(id)).toMatchObject({ origin: 'typing', canUndo: false });
    expect((await texts(id))[1]![0]).toBe(mt);
    expect(await h.undo(id)).toMatchObject({ origin: null });
    expect((await texts(id))[1]![0]).toBe(mt);
  });

  it('a machine fill after an undo keeps what the reviewer can redo', async () => {
    const { project } = await core.handlers.importArticle({
      fileName: 'a.txt',
      dataBase64: Buffer.from(LINES.join('\n')).toString('base64'),
    });
    const h = core.handlers;
    const ref = { projectId: project.id, segmentId: project.segments[0]!.id, lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Seoul hợp tác với Việt Nam' });
    expect(await h.undo(project.id)).toMatchObject({ origin: 'typing', canRedo: true });
    await h.translate({ projectId: project.id, langs: ['en'] });
    expect(await h.redo(project.id)).toMatchObject({ origin: 'typing', canRedo: false });
    expect((await texts(project.id))[0]).toEqual(['Seoul hợp tác với Việt Nam', expect.any(String)]);
  });

  it('undoing a revision merge takes back the machine fill of its new rows with it (no conflict)', async () => {
    const { id, h } = await openFilled();
    const revised = [...LINES, '대구시도 참여할 예정이다.'];
    await h.importArticle({
      fileName: 'a2.txt',
      dataBase64: Buffer.from(revised.join('\n')).toString('base64'),
      intoProjectId: id,
    });
    await h.translate({ projectId: id, langs: ['vi', 'en'] });
    expect((await texts(id))[3]![0]).not.toBe('');
    expect(await h.undo(id)).toMatchObject({ origin: 'revision-merge', canUndo: false });
    expect(await texts(id)).toHaveLength(3);
  });

  it("undoing the reviewer's step takes back a machine fill of the cell it emptied, and brings their text back", async () => {
    const { id, filled, h } = await openFilled();
    const ref = { projectId: id, segmentId: filled.segments[1]!.id, lang: 'vi' as const };
    await h.updateCell({ ...ref, text: 'Bản dịch của người duyệt' });
    // Emptied as a step of its own (from another tab: not the same typing burst).
    await h.updateCell({ ...ref, text: '', sender: 'tab-bbbbbbbb' });
    await h.translate({ projectId: id, langs: ['vi'] });
    expect((await texts(id))[1]![0]).not.toBe('');
    expect(await h.undo(id)).toMatchObject({ origin: 'typing' });
    expect((await texts(id))[1]![0]).toBe('Bản dịch của người duyệt');
  });
});
