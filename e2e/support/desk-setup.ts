import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, type Request } from '@playwright/test';
import type { DeskRole, ProjectSummary, TargetLang } from '../../electron/contract';
import { startDeskServer, type DeskServer } from '../../electron/desk/server';
import { signIn, type DeskClient } from '../../test/support/desk';
import { startPgTestCluster, type PgTestCluster } from '../../test/support/pg-cluster';
import { openPostgres } from '../../electron/services/db/postgres';
import { DeskDirectory } from '../../electron/services/desk/directory';
import { startDeeplServer, type DeeplFake } from './deepl-server';
import { ALL_MIGRATIONS } from '../../electron/core/migrations';

/** A desk server on a throwaway PostgreSQL cluster, with people, one article and its assignments. */
export interface TestDesk {
  url: string;
  projectId: string;
  /** Signed-in API clients by name (the test's view of the server, not the browser's). */
  client(name: string): Promise<DeskClient>;
  close(): Promise<void>;
}

/**
 * Start a desk with `people` (each with password `<role>-password`); the first editor opens the sample, which
 * becomes the desk's article (not machine-translated yet: that is the first editor's start in a browser), and
 * `assign` gives languages to people.
 */
export async function startTestDesk(
  name: string,
  people: Array<{ name: string; role: DeskRole }>,
  assign: Array<{ name: string; lang: TargetLang }>,
): Promise<TestDesk> {
  const cluster: PgTestCluster = await startPgTestCluster();
  const dbUrl = await cluster.createDatabase(name);
  const deepl: DeeplFake = await startDeeplServer();
  const work = await mkdtemp(join(tmpdir(), `${name}-`));
  const desk: DeskServer = await startDeskServer({
    databaseUrl: dbUrl,
    listen: '127.0.0.1:0',
    dataDir: work,
    rendererDir: 'dist/renderer',
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url },
  });
  const db = await openPostgres(dbUrl, ALL_MIGRATIONS, { poolSize: 1 });
  const dir = new DeskDirectory(db);
  const ids = new Map<string, string>();
  for (const p of people)
    ids.set(p.name, (await dir.createUser({ ...p, password: `${p.role}-password` })).id);
  await db.close();
  const roles = new Map(people.map((p) => [p.name, p.role]));
  const client = (who: string) => signIn(desk.url, who, `${roles.get(who)}-password`);
  const editor = await client(people.find((p) => p.role === 'editor')!.name);
  await editor.call('openLastProject');
  const [project] = (await editor.call<ProjectSummary[]>('listProjects')).value!;
  for (const a of assign)
    await editor.call('deskAssign', {
      projectId: project!.id,
      lang: a.lang,
      userId: ids.get(a.name),
      assigned: true,
    });
  return {
    url: desk.url,
    projectId: project!.id,
    client,
    async close() {
      await desk.close();
      await deepl.close();
      await cluster.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Every API answer that carried an error, from now on (`method: code`). */
export function recordApiErrors(page: Page): string[] {
  const errors: string[] = [];
  const open = new Set<Request>();
  inFlight.set(page, open);
  const isCall = (r: Request) => {
    const path = new URL(r.url()).pathname;
    return path.startsWith('/api/') && path !== '/api/events';
  };
  page.on('request', (r) => void (isCall(r) && open.add(r)));
  page.on('requestfailed', (r) => void open.delete(r));
  page.on('response', async (r) => {
    if (!isCall(r.request())) return;
    try {
      const body = (await r.json().catch(() => null)) as { error?: { code: string } } | null;
      if (body?.error) errors.push(`${new URL(r.url()).pathname.slice(5)}: ${body.error.code}`);
    } finally {
      open.delete(r.request());
    }
  });
  return errors;
}

const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Wait until no API call of the page is in flight (answered and, for an error, recorded by
 * {@link recordApiErrors}): what the UI started has settled, without a fixed sleep.
 */
export async function apiSettled(page: Page): Promise<void> {
  const open = inFlight.get(page);
  if (!open) throw new Error('apiSettled needs recordApiErrors(page) first');
  await expect.poll(() => open.size).toBe(0);
}
