import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import type { ProjectSummary } from '../electron/contract';
import { startDeskServer, type DeskServer } from '../electron/desk/server';
import { signIn } from '../test/support/desk';
import { startPgTestCluster, type PgTestCluster } from '../test/support/pg-cluster';
import { openPostgres } from '../electron/services/db/postgres';
import { DeskDirectory } from '../electron/services/desk/directory';
import { DeskPage } from './pages/desk-page';
import { ReviewPage } from './pages/review-page';
import { startDeeplServer, type DeeplFake } from './support/deepl-server';
import { screenshot } from './support/screenshot';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

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
  const db = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
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

const SAVED = { en: 'All changes saved', ko: '모든 변경 저장됨', vi: 'Đã lưu mọi thay đổi' } as const;
type Lng = keyof typeof SAVED;
const LOCALE = { en: 'en-US', ko: 'ko-KR', vi: 'vi-VN' } as const;

async function reviewer(browser: Browser, name: string, lng: Lng = 'en') {
  const context = await browser.newContext({ locale: LOCALE[lng] });
  const page = await context.newPage();
  await new DeskPage(page, desk.url).signIn(name, 'reviewer-password');
  const grid = new ReviewPage(page, desk.url);
  await expect(grid.cell('vi', 1)).toBeVisible();
  return { context, page, grid, saved: () => page.getByText(SAVED[lng]) };
}
type Reviewer = Awaited<ReturnType<typeof reviewer>>;

/**
 * Both on VI `row`: Lan's save is held on the way while James's lands first; Lan's then arrives on an old
 * revision, is refused, and the dialog shows both texts. Returns the dialog, with Lan's saves flowing again.
 */
async function conflictOn(lan: Reviewer, james: Reviewer, row: number, lng: Lng) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await lan.page.route('**/api/cell:update', async (route) => {
    await held;
    await route.continue();
  });
  await lan.grid.fill('vi', row, `Lan ${row}`);
  await lan.grid.cell('vi', row).blur();
  await james.grid.fill('vi', row, `James ${row}`);
  await james.grid.cell('vi', row).blur();
  await lan.grid.expectValue('vi', row, true, `Lan ${row}`); // Lan's typing is still shown, not replaced
  await expect(james.saved()).toBeVisible();
  release();
  const dialog = lan.page.getByTestId('desk-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs-text')).toHaveValue(`James ${row}`);
  await expect(dialog.getByTestId('conflict-mine-text')).toHaveValue(`Lan ${row}`);
  await screenshot(lan.page, `${lng}-desk-conflict.png`);
  await lan.page.unroute('**/api/cell:update');
  return dialog;
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

  // Merged by hand: both see the merge.
  const dialog = await conflictOn(lan, james, 2, 'en');
  await dialog.getByTestId('conflict-merged-text').fill('James 2 + Lan 2');
  await dialog.getByTestId('conflict-merge').click();
  await expect(dialog).toBeHidden();
  await lan.grid.expectValue('vi', 2, true, 'James 2 + Lan 2');
  await james.grid.expectValue('vi', 2, true, 'James 2 + Lan 2');
  await expect(lan.saved()).toBeVisible();
  await lan.context.close();
  await james.context.close();
});

for (const [lng, row, choice, kept] of [
  ['ko', 3, 'conflict-mine', 'Lan 3'],
  ['vi', 4, 'conflict-theirs', 'James 4'],
] as const)
  test(`conflict dialog in ${lng}: ${choice} keeps ${kept}`, async ({ browser }) => {
    const lan = await reviewer(browser, 'lan', lng);
    const james = await reviewer(browser, 'james', lng);
    const dialog = await conflictOn(lan, james, row, lng);
    await dialog.getByTestId(choice).click();
    await expect(dialog).toBeHidden();
    await lan.grid.expectValue('vi', row, true, kept);
    await james.grid.expectValue('vi', row, true, kept);
    await expect(lan.saved()).toBeVisible();
    await lan.context.close();
    await james.context.close();
  });
