import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, Project, Segment } from '../contract';
import type { PgTestCluster } from '../../test/support/pg-cluster';
import type { DeskServer } from './server';
import { openEvents, signIn, startTestDesk, type DeskClient, type TestDesk } from '../../test/support/desk';

const ARTICLE = ['제목', '첫 문단입니다.', '둘째 문단입니다.', '셋째 문단입니다.'].join('\n\n');

// PostgreSQL restarts while a reviewer keeps typing: calls during the outage fail (and say so), nothing that was
// acknowledged is lost, and the open event stream carries changes again once the server is back.
describe('desk: PostgreSQL restarted mid-session', () => {
  let desk: TestDesk;
  let cluster: PgTestCluster;
  let server: DeskServer;
  let editor: DeskClient;
  let project: Project;

  beforeAll(async () => {
    desk = await startTestDesk('restart', [{ name: 'minh', role: 'editor', password: 'editor-password' }]);
    ({ cluster, server } = desk);
    editor = await signIn(server.url, 'minh', 'editor-password');
    project = (await editor.call<ImportOutcome>('importText', { text: ARTICLE, name: 'R' })).value!.project;
  }, 60_000);
  afterAll(async () => desk?.close());

  it('keeps every acknowledged edit and resumes live updates after the restart', async () => {
    const stream = await openEvents(server.url, editor.cookie);
    const cells = project.segments.filter((s) => s.translate).map((s) => s.id);
    const acked = new Map<string, string>();
    const tried = new Map<string, string[]>(); // texts sent after the last acknowledgement (outcome unknown)
    let failures = 0;
    let n = 0;
    const edit = async () => {
      const segmentId = cells[n % cells.length]!;
      const text = `v${n++}`;
      tried.set(segmentId, [...(tried.get(segmentId) ?? []), text]);
      const r = await editor.call<Segment>('updateCell', {
        projectId: project.id,
        segmentId,
        lang: 'vi',
        text,
      });
      if (r.value) {
        acked.set(segmentId, text);
        tried.set(segmentId, []);
      } else failures++;
    };
    for (let i = 0; i < 20; i++) await edit();
    const typing = (async () => {
      for (let i = 0; i < 200 && (failures === 0 || i < 120); i++) {
        await edit();
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    await cluster.stopServer();
    await new Promise((r) => setTimeout(r, 300));
    await cluster.startServer();
    await typing;
    expect(failures).toBeGreaterThan(0); // the outage was seen, not hidden
    const deadline = Date.now() + 10_000;
    while (!server.bus.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const after = await editor.call<Segment>('updateCell', {
      projectId: project.id,
      segmentId: cells[0]!,
      lang: 'vi',
      text: 'after the restart',
    });
    expect(after.error).toBeUndefined();
    acked.set(cells[0]!, 'after the restart');
    tried.set(cells[0]!, []);
    await stream.waitFor(
      (e) =>
        e.type === 'segments-updated' && e.segments.some((s) => s.targets.vi.text === 'after the restart'),
      2000,
    );
    const stored = (await editor.call<Project>('openProject', project.id)).value!;
    for (const [segmentId, text] of acked) {
      const now = stored.segments.find((s) => s.id === segmentId)!.targets.vi.text;
      expect([text, ...(tried.get(segmentId) ?? [])]).toContain(now);
    }
    stream.close();
  }, 60_000);
});
