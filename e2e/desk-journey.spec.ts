import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import type { Project, ProjectSummary } from '../electron/contract';
import { startTryDesk, type TryDesk } from '../electron/desk/try';
import { signIn } from '../test/support/desk';
import { DeskPage } from './pages/desk-page';
import { ExportDialog } from './pages/export-dialog';
import { ReviewPage } from './pages/review-page';
import { startDeeplServer, type DeeplFake } from './support/deepl-server';

// The team desk as a new user tries it: `npm run desk:try` (one command: its own PostgreSQL, three accounts, the
// sample assigned), the editor opens it (DeepL pre-fills), two reviewers in two browsers review VI and EN at
// once and see each other live, the editor signs both off and exports the signed-off result.
let deepl: DeeplFake;
let folder: string;
let desk: TryDesk;

test.beforeAll(async () => {
  deepl = await startDeeplServer();
  folder = await mkdtemp(join(tmpdir(), 'desk-journey-'));
  desk = await startTryDesk({
    folder,
    listen: '127.0.0.1:0',
    root: resolve('.'),
    env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url },
  });
});
test.afterAll(async () => {
  await desk?.close();
  await deepl?.close();
  await rm(folder, { recursive: true, force: true });
});

async function person(browser: Browser, name: string) {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const account = desk.accounts.find((a) => a.name === name)!;
  await new DeskPage(page, desk.url).signIn(name, account.password);
  return { context, page, grid: new ReviewPage(page, desk.url), desk: new DeskPage(page, desk.url) };
}

test('two reviewers work the sample together on the try-out desk; the editor exports the signed-off text', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const minh = await person(browser, 'minh');
  await expect(minh.grid.mtSummary()).toBeVisible({ timeout: 30_000 }); // DeepL pre-filled both languages
  const lan = await person(browser, 'lan');
  const james = await person(browser, 'james');
  await lan.grid.expectValue('vi', 2, false, '');

  // At once, each in their own language; each sees the other's change live, and where they are.
  await lan.grid.fill(
    'vi',
    2,
    'Thị trưởng Seoul Oh Se-hoon hỗ trợ doanh nghiệp di chuyển thông minh vào Việt Nam.',
  );
  await james.grid.fill('en', 2, 'Seoul Mayor Oh Se-hoon backs smart-mobility firms entering Vietnam.');
  await lan.grid.cell('vi', 2).blur();
  await james.grid.cell('en', 2).blur();
  await james.grid.expectValue('vi', 2, true, /Thị trưởng Seoul Oh Se-hoon/);
  await lan.grid.expectValue('en', 2, true, /Seoul Mayor Oh Se-hoon backs/);
  await lan.grid.cell('vi', 3).focus();
  await expect(james.desk.presence()).toContainText('lan · row 3 VI');

  await lan.grid.approveAll('vi');
  await james.grid.approveAll('en');
  await expect(minh.grid.progress('vi')).toHaveText(/(\d+) \/ \1 approved/);
  await expect(minh.grid.progress('en')).toHaveText(/(\d+) \/ \1 approved/);

  // The editor signs off both languages: they are locked, and exported as signed off.
  await minh.page.getByRole('button', { name: 'Assignments…', exact: true }).click();
  const access = minh.page.getByTestId('desk-access');
  await access.getByRole('button', { name: 'Sign off VI' }).click();
  await access.getByRole('button', { name: 'Sign off EN' }).click();
  await expect(access).toContainText('Signed off by minh');
  await minh.page.keyboard.press('Escape');
  // Locked: the desk pushes the sign-off, and lan's open page shows the cells read-only at once (the page offers
  // no typing to refuse; nothing reloaded)…
  await lan.grid.cell('vi', 4).click();
  await expect(lan.grid.cell('vi', 4)).toHaveJSProperty('readOnly', true);
  // …and the desk itself refuses lan's save all the same (a page that missed the event, a script).
  const lanApi = await signIn(desk.url, 'lan', desk.accounts.find((a) => a.name === 'lan')!.password);
  const [summary] = (await lanApi.call<ProjectSummary[]>('listProjects')).value!;
  const project = (await lanApi.call<Project>('openProject', summary!.id)).value!;
  const late = { projectId: project.id, segmentId: project.segments[3]!.id, lang: 'vi' };
  expect((await lanApi.call('updateCell', { ...late, text: 'thay đổi sau khi ký duyệt' })).error?.code).toBe(
    'desk.languageLocked',
  );

  await minh.page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = new ExportDialog(minh.page);
  await dialog.choose('md', 'vi');
  const vi = await dialog.exportText();
  expect(vi.text).toContain(
    'Thị trưởng Seoul Oh Se-hoon hỗ trợ doanh nghiệp di chuyển thông minh vào Việt Nam.',
  );
  expect(vi.text).not.toContain('thay đổi sau khi ký duyệt');
  expect(vi.text).not.toContain('[BẢN NHÁP]');
  await dialog.choose('md', 'en');
  expect((await dialog.exportText()).text).toContain(
    'Seoul Mayor Oh Se-hoon backs smart-mobility firms entering Vietnam.',
  );
  for (const p of [minh, lan, james]) await p.context.close();
});
