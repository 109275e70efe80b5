import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startDeskServer, type DeskServer } from '../electron/desk/server';
import { startPgTestCluster, type PgTestCluster } from '../test/support/pg-cluster';
import { openPostgres } from '../electron/services/db/postgres';
import { DeskDirectory } from '../electron/services/desk/directory';
import { DeskPage } from './pages/desk-page';
import { ReviewPage } from './pages/review-page';
import { startDeeplServer, type DeeplFake } from './support/deepl-server';
import { screenshot } from './support/screenshot';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

// The team desk in real browsers: two people signed in from two browser contexts on one desk server backed by a
// throwaway PostgreSQL cluster.
let cluster: PgTestCluster;
let deepl: DeeplFake;
let desk: DeskServer;
let work: string;
let url: string;

test.beforeAll(async () => {
  cluster = await startPgTestCluster();
  url = await cluster.createDatabase('desk_e2e');
  deepl = await startDeeplServer();
  work = await mkdtemp(join(tmpdir(), 'desk-e2e-'));
  desk = await startDeskServer({
    databaseUrl: url,
    listen: '127.0.0.1:0',
    dataDir: work,
    rendererDir: 'dist/renderer',
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url },
  });
  const db = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
  const dir = new DeskDirectory(db);
  await dir.createUser({ name: 'hoa', role: 'admin', password: 'admin-password' });
  await dir.createUser({ name: 'lan', role: 'reviewer', password: 'reviewer-password' });
  await db.close();
});
test.afterAll(async () => {
  await desk?.close();
  await deepl?.close();
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

test('a wrong password keeps the name and says why, in the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(desk.url);
  const form = page.getByTestId('desk-login');
  await expect(form.getByRole('heading')).toHaveText('Đăng nhập bàn biên tập');
  await form.locator('input[name="username"]').fill('lan');
  await form.locator('input[name="password"]').fill('wrong-password');
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole('alert')).toHaveText('Tên hoặc mật khẩu không đúng.');
  await expect(form.locator('input[name="username"]')).toHaveValue('lan');
  await context.close();
});

test('two people on one article see each other live', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const hoa = new DeskPage(adminPage, desk.url);
  await hoa.signIn('hoa', 'admin-password');
  const hoaGrid = new ReviewPage(adminPage, desk.url);
  await hoaGrid.expectValue('en', 1, false, '');

  // The editor (here the admin) assigns Vietnamese to the reviewer; signing off is refused while rows are open.
  await adminPage.getByRole('button', { name: 'Assignments…', exact: true }).click();
  const accessDialog = adminPage.getByTestId('desk-access');
  await accessDialog.getByTestId('desk-access-vi').getByLabel('lan').click();
  await expect(accessDialog.getByTestId('desk-access-vi').getByLabel('lan')).toBeChecked();
  await accessDialog.getByRole('button', { name: 'Sign off VI' }).click();
  await expect(accessDialog.getByRole('alert')).toContainText(/\d+ rows are not approved yet/);
  await adminPage.keyboard.press('Escape');
  await expect(accessDialog).toBeHidden();

  const reviewer = await browser.newContext();
  const reviewerPage = await reviewer.newPage();
  const lan = new DeskPage(reviewerPage, desk.url);
  await lan.signIn('lan', 'reviewer-password');
  const lanGrid = new ReviewPage(reviewerPage, desk.url);
  await lanGrid.expectValue('vi', 1, false, '');

  await hoaGrid.cell('en', 2).focus();
  await expect(lan.presence()).toContainText('hoa · row 2 EN');
  await hoaGrid.fill('en', 1, 'Seoul and Hanoi team up on smart mobility');
  await hoaGrid.cell('en', 1).blur();
  await lanGrid.expectValue('en', 1, true, 'Seoul and Hanoi team up on smart mobility');
  await lanGrid.cell('vi', 2).focus();
  await expect(hoa.presence()).toContainText('lan · row 2 VI');
  await screenshot(reviewerPage, 'en-desk-live.png');
  await admin.close();
  await reviewer.close();
});

const UI = [
  { lng: 'en', locale: 'en-US', users: 'Users…', assignments: 'Assignments…' },
  { lng: 'ko', locale: 'ko-KR', users: '사용자…', assignments: '배정…' },
  { lng: 'vi', locale: 'vi-VN', users: 'Người dùng…', assignments: 'Phân công…' },
] as const;

for (const ui of UI)
  test(`desk screens in ${ui.lng}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: ui.locale });
    const page = await context.newPage();
    await page.goto(desk.url);
    await expect(page.getByTestId('desk-login')).toBeVisible();
    await screenshot(page, `${ui.lng}-desk-login.png`);
    const hoa = new DeskPage(page, desk.url);
    await hoa.signIn('hoa', 'admin-password');
    await page.request.post(new URL('/api/settings:update', desk.url).href, {
      data: [{ uiLanguage: ui.lng }],
    });
    await page.reload();
    await page.getByRole('button', { name: ui.users, exact: true }).click();
    await expect(hoa.usersDialog().getByTestId('desk-user-lan')).toBeVisible();
    await screenshot(page, `${ui.lng}-desk-users.png`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: ui.assignments, exact: true }).click();
    await expect(page.getByTestId('desk-access')).toBeVisible();
    await screenshot(page, `${ui.lng}-desk-access.png`);
    await context.close();
  });

test('an admin adds a user in the UI, who can then sign in', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hoa = new DeskPage(page, desk.url);
  await hoa.signIn('hoa', 'admin-password');
  await page.request.post(new URL('/api/settings:update', desk.url).href, { data: [{ uiLanguage: 'en' }] });
  await page.reload();
  await page.getByRole('button', { name: 'Users…', exact: true }).click();
  const dialog = hoa.usersDialog();
  await dialog.getByLabel('Name', { exact: true }).fill('thu');
  await dialog.getByLabel('Role', { exact: true }).selectOption('editor');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The password needs at least 10 characters.');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('thu');
  await dialog.getByLabel('Initial password').fill('editor-password-2');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByTestId('desk-user-thu')).toContainText('editor');
  const other = await browser.newContext();
  await new DeskPage(await other.newPage(), desk.url).signIn('thu', 'editor-password-2');
  await other.close();
  await context.close();
});
