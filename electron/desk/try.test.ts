import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeskProjectAccess, ProjectSummary } from '../contract';
import { signIn } from '../../test/support/desk';
import { startTryDesk } from './try';

// `npm run desk:try`: one command, a desk on a local PostgreSQL of its own, ready for two reviewers.
describe('the try-out desk', () => {
  let folder: string;
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('creates its cluster, accounts and the assigned sample once, and goes on where it left off', async () => {
    folder = await mkdtemp(join(tmpdir(), 'desk-try-'));
    const root = resolve(import.meta.dirname, '..', '..');
    const opts = { folder, listen: '127.0.0.1:0', root, env: {} };
    let desk = await startTryDesk(opts);
    let projectId: string;
    try {
      expect(desk.accounts.map((a) => `${a.name}:${a.role}:${a.lang ?? ''}`)).toEqual([
        'minh:admin:',
        'lan:reviewer:vi',
        'james:reviewer:en',
      ]);
      const lan = await signIn(desk.url, 'lan', desk.accounts[1]!.password);
      const projects = (await lan.call<ProjectSummary[]>('listProjects')).value!;
      expect(projects).toHaveLength(1); // the sample, visible to her because VI is hers
      projectId = projects[0]!.id;
      const access = (await lan.call<DeskProjectAccess>('deskProjectAccess', projectId)).value!;
      expect(access.assignments.map((a) => `${a.userName}:${a.lang}`).sort()).toEqual(['james:en', 'lan:vi']);
      const rev = (await lan.call('openProject', projectId)).value as { segments: Array<{ id: string }> };
      const edit = { projectId, segmentId: rev.segments[1]!.id, lang: 'vi', text: 'Bản dịch của Lan' };
      expect((await lan.call('updateCell', edit)).error).toBeUndefined();
    } finally {
      await desk.close();
    }
    // Run again: same accounts, same article with Lan's edit, nothing created twice.
    desk = await startTryDesk(opts);
    try {
      const james = await signIn(desk.url, 'james', desk.accounts[2]!.password);
      const projects = (await james.call<ProjectSummary[]>('listProjects')).value!;
      expect(projects.map((p) => p.id)).toEqual([projectId]);
      const project = (await james.call('openProject', projectId)).value as {
        segments: Array<{ targets: { vi: { text: string } } }>;
      };
      expect(project.segments[1]!.targets.vi.text).toBe('Bản dịch của Lan');
    } finally {
      await desk.close();
    }
  }, 120_000);
});
