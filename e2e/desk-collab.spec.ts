import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import type { ProjectSummary } from '../electron/contract';
import { startDeskServer, type DeskServer } from '../electron/desk/server';
import { signIn } from '../electron/desk/test-support';
import { startPgTestCluster, type PgTestCluster } from '../electron/services/db/pg-test-cluster';
import { openPostgres } from '../electron/services/db/postgres';
import { DeskDirectory } from '../electron/services/desk/directory';
import { DeskPage } from './pages/desk-page';
import { ReviewPage } from './pages/review-page';
import { startDeeplServer, type DeeplFake } from './support/deepl-server';

// Two reviewers (Vietnamese and English) in two browser contexts on one article of a desk server on PostgreSQL:
// live edits both ways, then both on one cell → the conflict dialog, and nothing typed is lost.
let cluster: PgTestCluster;
let deepl: DeeplFake;
let desk: DeskServer;
let work: string;

test.beforeAll(async () => {
  cluster = await startPgTestCluster();
  const url = await cluster.createDatabase('desk_collab');
  deepl = await startDeeplServer();
  work = await mkdtemp(join(tmpdir(), 'desk-collab-'));
  desk = await startDeskServer({
    databaseUrl: url,
    listen: '127.0.0.1:0',
    dataDir: work,
    rendererDir: 'dist/renderer',
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url },
  });
  const db = await openPostgres(url, { poolSize: 1 });
  const dir = new DeskDirectory(db);
  await dir.createUser({ name: 'minh', role: 'editor', password: 'editor-password' });
  const lan = await dir.createUser({ name: 'lan', role: 'reviewer', password: 'reviewer-password' });
  const james = await dir.createUser({ name: 'james', role: 'reviewer', password: 'reviewer-password' });
  await db.close();
  // The editor opens the sample (it becomes the desk's article) and assigns VI to Lan, EN and VI to James.
  const editor = await signIn(desk.url, 'minh', 'editor-password');
  expect((await editor.call('openLastProject')).error).toBeUndefined();
  const [project] = (await editor.call<ProjectSummary[]>('listProjects')).value!;
  for (const [userId, lang] of [
    [lan.id, 'vi'],
    [james.id, 'en'],
    [james.id, 'vi'],
  ])
    await editor.call('deskAssign', { projectId: project!.id, lang, userId, assigned: true });
});
test.afterAll(async () => {
  await desk?.close();
  await deepl?.close();
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

async function reviewer(browser: Browser, name: string) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await new DeskPage(page, desk.url).signIn(name, 'reviewer-password');
  const grid = new ReviewPage(page, desk.url);
  await expect(grid.cell('vi', 1)).toBeVisible();
  return { context, page, grid };
}

test('VI and EN reviewers see each other live, then resolve a conflict on one cell', async ({ browser }) => {
  const lan = await reviewer(browser, 'lan');
  const james = await reviewer(browser, 'james');

  // At once: Lan edits Vietnamese, James English, each sees the other's text within a second or two.
  await lan.grid.fill('vi', 1, 'Seoul và Hà Nội hợp tác giao thông thông minh');
  await james.grid.fill('en', 1, 'Seoul and Hanoi team up on smart mobility');
  await lan.grid.cell('vi', 1).blur();
  await james.grid.cell('en', 1).blur();
  await james.grid.expectValue('vi', 1, true, 'Seoul và Hà Nội hợp tác giao thông thông minh');
  await lan.grid.expectValue('en', 1, true, 'Seoul and Hanoi team up on smart mobility');

  // Both on VI row 2: Lan's save is held on the way while James's lands first; Lan's then arrives on an old
  // revision and is refused, and Lan chooses.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await lan.page.route('**/api/cell:update', async (route) => {
    await held;
    await route.continue();
  });
  await lan.grid.fill('vi', 2, 'Bản của Lan');
  await lan.grid.cell('vi', 2).blur();
  await james.grid.fill('vi', 2, 'Bản của James');
  await james.grid.cell('vi', 2).blur();
  await lan.grid.expectValue('vi', 2, true, 'Bản của Lan'); // Lan's typing is still shown, not replaced
  await expect(james.page.getByText('All changes saved')).toBeVisible();
  release();
  const dialog = lan.page.getByTestId('desk-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs-text')).toHaveValue('Bản của James');
  await expect(dialog.getByTestId('conflict-mine-text')).toHaveValue('Bản của Lan');
  await lan.page.screenshot({ path: 'e2e/screenshots/en-desk-conflict.png' });
  await lan.page.unroute('**/api/cell:update');
  await dialog.getByTestId('conflict-merged-text').fill('Bản của James và Lan');
  await dialog.getByTestId('conflict-merge').click();
  await expect(dialog).toBeHidden();
  await lan.grid.expectValue('vi', 2, true, 'Bản của James và Lan');
  await james.grid.expectValue('vi', 2, true, 'Bản của James và Lan');
  await expect(lan.page.getByText('All changes saved')).toBeVisible();
  await lan.context.close();
  await james.context.close();
});
