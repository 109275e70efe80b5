import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ImportOutcome, Project, Segment } from '../electron/contract';
import { startDeskServer, type DeskServer } from '../electron/desk/server';
import { signIn, type DeskClient as HttpPerson } from '../test/support/desk';
import { startPgTestCluster, type PgTestCluster } from '../test/support/pg-cluster';
import { openPostgres } from '../electron/services/db/postgres';
import { DeskDirectory } from '../electron/services/desk/directory';
import { startWebHost, type WebHost } from '../electron/web';
import { DeskPage } from './pages/desk-page';
import { ReviewPage } from './pages/review-page';
import { screenshot } from './support/screenshot';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

// The app itself (here its browser mode, the same UI and core as the desktop window) working on a team desk:
// Settings › Desk signs in; the desk goes away mid-review and comes back; what was typed meanwhile is kept and
// sent, and a colleague's change to the same cell meanwhile is shown as a choice, not overwritten.
let cluster: PgTestCluster;
let dbUrl: string;
let work: string;
let desk: DeskServer;
let port: number;
let app: WebHost;
let editor: HttpPerson;
let project: Project;

const ARTICLE = [
  '서울시, 하노이와 스마트 모빌리티 협력',
  '서울시는 4일 베트남 하노이시와 교통 협력을 강화한다고 밝혔다.',
  '두 도시는 자율주행 버스와 교통 신호 체계를 함께 시험한다.',
  '양측은 내년에 서울에서 다시 만날 예정이다.',
].join('\n\n');

const startDesk = (listen: string) =>
  startDeskServer({
    databaseUrl: dbUrl,
    listen,
    dataDir: join(work, 'desk'),
    rendererDir: 'dist/renderer',
    env: {},
  });

/** The VI text of a paragraph as the desk has it now (read as the editor, over HTTP). */
async function deskText(row: number): Promise<string> {
  const p = (await editor.call<Project>('openProject', project.id)).value!;
  return p.segments[row - 1]!.targets.vi.text;
}

test.beforeAll(async () => {
  cluster = await startPgTestCluster();
  dbUrl = await cluster.createDatabase('desk_client_e2e');
  work = await mkdtemp(join(tmpdir(), 'desk-client-e2e-'));
  desk = await startDesk('127.0.0.1:0');
  port = Number(new URL(desk.url).port);
  const db = await openPostgres(dbUrl, ALL_MIGRATIONS, { poolSize: 1 });
  const dir = new DeskDirectory(db);
  await dir.createUser({ name: 'minh', role: 'editor', password: 'editor-password' });
  const lan = await dir.createUser({ name: 'lan', role: 'reviewer', password: 'reviewer-password' });
  await db.close();
  editor = await signIn(desk.url, 'minh', 'editor-password');
  project = (await editor.call<ImportOutcome>('importText', { text: ARTICLE, name: 'Hà Nội' })).value!
    .project;
  await editor.call('deskAssign', { projectId: project.id, lang: 'vi', userId: lan.id, assigned: true });
  // Lan's own app, with its own data folder (the sample opens there first, as on any first start).
  app = await startWebHost({
    dataDir: join(work, 'lan-app'),
    port: 0,
    rendererDir: 'dist/renderer',
    env: {},
  });
});
test.afterAll(async () => {
  await app?.close();
  await desk?.close();
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

test('Settings › Desk signs in; typing survives the desk going away; a colleague’s change meanwhile is a choice', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const grid = new ReviewPage(page, app.url);
  await grid.open(); // this computer's own article first
  await expect(grid.title()).not.toHaveText('서울시, 하노이와 스마트 모빌리티 협력');

  // A wrong password says so and changes nothing.
  let settings = await grid.openSettings();
  await settings.connectDesk(desk.url, 'lan', 'not-her-password');
  await expect(settings.desk().getByRole('alert')).toHaveText('The name or password is not right.');
  await settings.connectDesk(desk.url, 'lan', 'reviewer-password');
  // The app starts over on the desk: its article, and who is signed in.
  await expect(grid.title()).toHaveText('서울시, 하노이와 스마트 모빌리티 협력');
  await expect(new DeskPage(page, app.url).bar()).toContainText('Signed in as lan (reviewer)');

  await grid.fill('vi', 2, 'Seoul tăng cường hợp tác giao thông với Hà Nội.');
  await grid.cell('vi', 2).blur();
  await expect(page.getByText('All changes saved')).toBeVisible();
  expect(await deskText(2)).toBe('Seoul tăng cường hợp tác giao thông với Hà Nội.');

  // The desk goes away. The app says so and keeps what is typed.
  await desk.close();
  await grid.fill('vi', 3, 'Hai thành phố cùng thử nghiệm xe buýt tự lái.');
  await grid.cell('vi', 3).blur();
  await grid.fill('vi', 4, 'Hai bên sẽ gặp lại ở Seoul.');
  await grid.cell('vi', 4).blur();
  const banner = page.getByTestId('desk-link-banner');
  await expect(banner).toContainText('cannot be reached');
  await expect(banner).toContainText('waiting: 2');
  await screenshot(page, 'en-desk-client-away.png');

  // Meanwhile a colleague changes row 4 on the desk (another server process on the same database).
  const other = await startDesk('127.0.0.1:0');
  const minh = await signIn(other.url, 'minh', 'editor-password');
  const seg4 = project.segments[3] as Segment;
  await minh.call('updateCell', {
    projectId: project.id,
    segmentId: seg4.id,
    lang: 'vi',
    text: 'Bản của Minh.',
  });
  await other.close();

  // The desk is back at its address: the app notices by itself and sends what waited.
  desk = await startDesk(`127.0.0.1:${port}`);
  editor = await signIn(desk.url, 'minh', 'editor-password');
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect
    .poll(() => deskText(3), { timeout: 10_000 })
    .toBe('Hai thành phố cùng thử nghiệm xe buýt tự lái.');
  // Row 4 changed after Lan began: both texts are shown; she keeps hers.
  const dialog = page.getByTestId('desk-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs-text')).toHaveValue('Bản của Minh.');
  await expect(dialog.getByTestId('conflict-mine-text')).toHaveValue('Hai bên sẽ gặp lại ở Seoul.');
  await dialog.getByTestId('conflict-mine').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => deskText(4)).toBe('Hai bên sẽ gặp lại ở Seoul.');
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Back to this computer's own articles.
  settings = await grid.openSettings();
  await expect(settings.desk()).toContainText('as lan (reviewer)');
  await settings.desk().getByRole('button', { name: 'Sign out and work on this computer' }).click();
  await expect(grid.title()).not.toHaveText('서울시, 하노이와 스마트 모빌리티 협력');
});

test('typing kept while the desk is away survives closing the app, and is sent after signing in', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dataDir = join(work, 'lan-app-2');
  let host = await startWebHost({ dataDir, port: 0, rendererDir: 'dist/renderer', env: {} });
  try {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const grid = new ReviewPage(page, host.url);
    await grid.open();
    // Settings › Desk in each UI language (screenshots), then signing in from the English one.
    for (const [lng, name] of [
      ['ko', '설정'],
      ['vi', 'Cài đặt'],
    ] as const) {
      await grid.setUiLanguage(lng);
      await page.getByRole('button', { name, exact: true }).click();
      const desk = page.getByTestId('desk-settings');
      await desk.scrollIntoViewIfNeeded();
      await expect(desk.locator('legend')).not.toHaveText('Team desk');
      await screenshot(desk, `${lng}-desk-client-settings.png`);
      await page.keyboard.press('Escape');
    }
    await grid.setUiLanguage('en');
    const settings = await grid.openSettings();
    await screenshot(settings.desk(), 'en-desk-client-settings.png');
    await settings.connectDesk(desk.url, 'lan', 'reviewer-password');
    await expect(new DeskPage(page, host.url).bar()).toBeVisible();
    await expect(grid.cell('vi', 1)).toBeVisible(); // the desk's article is open before the desk goes away
    await desk.close();
    await grid.fill('vi', 1, 'Seoul và Hà Nội hợp tác về giao thông thông minh');
    await grid.cell('vi', 1).blur();
    await expect(page.getByTestId('desk-link-banner')).toContainText('waiting: 1');
    // Back to "the system's language", so the next start speaks each browser's language (screenshots below).
    await page.evaluate(() =>
      fetch('/api/settings:update', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Review-Request': '1' },
        body: JSON.stringify([{ uiLanguage: null }]),
      }),
    );
    // The app is closed while the desk is away (the typing was kept on disk, not only in the page).
    await page.context().close();
    await host.close();

    host = await startWebHost({ dataDir, port: 0, rendererDir: 'dist/renderer', env: {} });
    for (const lng of ['ko', 'vi'] as const) {
      const other = await (await browser.newContext({ locale: lng === 'ko' ? 'ko-KR' : 'vi-VN' })).newPage();
      await other.goto(host.url);
      await expect(other.getByTestId('desk-login-kept')).toBeVisible();
      await expect(other.locator('html')).toHaveAttribute('lang', lng);
      await screenshot(other, `${lng}-desk-client-login.png`);
      await other.context().close();
    }
    const again = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await again.goto(host.url);
    // Signed out (sessions are not stored), the app names the desk and what waits for it.
    await expect(again.getByTestId('desk-login')).toContainText(new URL(desk.url).origin);
    await expect(again.getByTestId('desk-login-kept')).toContainText('(1)');
    await screenshot(again, 'en-desk-client-login.png');
    // The desk is still away: signing in says so, and nothing is lost.
    await again.locator('input[name="username"]').fill('lan');
    await again.locator('input[name="password"]').fill('reviewer-password');
    await again.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(again.getByRole('alert')).toContainText('cannot be reached');

    desk = await startDesk(`127.0.0.1:${port}`);
    editor = await signIn(desk.url, 'minh', 'editor-password');
    await again.locator('input[name="password"]').fill('reviewer-password');
    await again.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(new DeskPage(again, host.url).bar()).toBeVisible();
    // The kept typing comes back into its cell and goes to the desk.
    await new ReviewPage(again, host.url).expectValue(
      'vi',
      1,
      true,
      'Seoul và Hà Nội hợp tác về giao thông thông minh',
    );
    await expect
      .poll(() => deskText(1), { timeout: 10_000 })
      .toBe('Seoul và Hà Nội hợp tác về giao thông thông minh');
    await expect(again.getByText('All changes saved')).toBeVisible();
    await again.context().close();
  } finally {
    await host.close();
  }
});
