import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, Segment } from '../contract';
import { composePipeline } from '../core/pipeline';
import { row, testCore } from '../../test/support/project';
import { signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';

// One control-character policy for typing, on both stores: a NUL (which PostgreSQL refuses outright) is refused
// at the contract's validation with its own code, naming it, and the stored cell stays as it was.
describe('typing a control character', () => {
  let desk: TestDesk;
  let lan: DeskClient;
  let project: Project;

  beforeAll(async () => {
    desk = await startTestDesk('nul', [{ name: 'lan', role: 'editor', password: 'reviewer-password' }]);
    lan = await signIn(desk.server.url, 'lan', 'reviewer-password');
    project = (await lan.call<ImportOutcome>('importText', { text: '서울시\n\n본문이다.', name: 'N' })).value!
      .project;
  }, 60_000);
  afterAll(async () => desk?.close());

  it('on the desk (PostgreSQL): refused with text.controlCharacter, never a retryable failure; the cell keeps its text', async () => {
    const ref = { projectId: project.id, segmentId: project.segments[1]!.id, lang: 'vi' };
    expect((await lan.call<Segment>('updateCell', { ...ref, text: 'Seoul' })).value?.targets.vi.text).toBe(
      'Seoul',
    );
    const refused = await lan.call('updateCell', { ...ref, text: 'Seoul\u0000 mới' });
    expect(refused.error).toMatchObject({ code: 'text.controlCharacter', params: { char: 'U+0000' } });
    const comment = await lan.call('setComment', { ...ref, comment: 'a\u0007b' });
    expect(comment.error?.code).toBe('text.controlCharacter');
    const stored = (await lan.call<Project>('openProject', project.id)).value!;
    expect(stored.segments[1]!.targets.vi.text).toBe('Seoul');
  });

  it('in the app (SQLite), through the same validation; tab and line breaks are text', async () => {
    const { core } = await testCore();
    const p = await core.store.create({
      title: 't',
      segments: [row('a', '안녕')],
      source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8' },
    });
    const ref = { projectId: p.id, segmentId: 'a', lang: 'vi' };
    const call = composePipeline({ handle: core.handle }); // what IPC composes
    await expect(call('updateCell', [{ ...ref, text: 'x\u0000' }], undefined)).rejects.toMatchObject({
      code: 'text.controlCharacter',
    });
    await expect(call('updateCell', [{ ...ref, text: 'x\uD800' }], undefined)).rejects.toMatchObject({
      code: 'text.controlCharacter',
    });
    const ok = (await call('updateCell', [{ ...ref, text: 'a\tb\nc' }], undefined)) as Segment;
    expect(ok.targets.vi.text).toBe('a\tb\nc');
    await core.close();
  });
});
