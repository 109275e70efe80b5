import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startPgTestCluster } from '../../test/support/pg-cluster';
import { openPostgres } from '../services/db/postgres';
import { DeskDirectory } from '../services/desk/directory';
import { ACKS_PER_ROUND, bundleHost, runCrashLoopOn, spawnHost } from '../../test/support/crash-driver';
import { signIn } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

// The embedded store's crash test against a desk server on PostgreSQL: kill -9 the server process at random
// moments while edits and approvals stream in over HTTP; after each restart every acknowledged change is there.
describe('desk server crash safety', () => {
  it('keeps every acknowledged change across 20 SIGKILLs of the server process', async () => {
    const cluster = await startPgTestCluster();
    const url = await cluster.createDatabase('crash');
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-crash-'));
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const setup = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
    await new DeskDirectory(setup).createUser({ name: 'minh', role: 'editor', password: 'editor-password' });
    const script = await bundleHost(join(import.meta.dirname, '../../test/support/crash-host-desk.ts'));
    const env = { DESK_DATABASE_URL: url, CRASH_DATA_DIR: dataDir, CRASH_RENDERER_DIR: rendererDir };
    const headers = async (base: string) => ({
      'Content-Type': 'application/json',
      'X-Review-Request': '1',
      Cookie: (await signIn(base, 'minh', 'editor-password')).cookie,
    });
    try {
      const report = await runCrashLoopOn(
        {
          start: () => spawnHost(script, env, headers),
          // The server died, not PostgreSQL: the database still answers with what it had (the cell checks are the
          // loop's own, after each restart).
          async sound() {
            const r = await sql<{ n: string }>`SELECT count(*) AS n FROM desk_users`.execute(setup.db);
            return Number(r.rows[0]!.n) === 1;
          },
          cleanup: () => rm(dirname(script), { recursive: true, force: true }),
        },
        20,
      );
      expect(report.kills).toBe(20);
      expect(report.acknowledged).toBeGreaterThanOrEqual(20 * ACKS_PER_ROUND.min);
      expect(report.lost).toBe(0);
      expect(report.integrityFailures).toBe(0);
    } finally {
      await setup.close();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
