import { expect, test, type Browser, type Page } from '@playwright/test';
import { DeskPage } from './pages/desk-page';
import { headerCommand, ReviewPage, runCommand } from './pages/review-page';
import { apiSettled, recordApiErrors, startTestDesk, type TestDesk } from './support/desk-setup';
import { screenshot } from './support/screenshot';

// The desk's UI as each role sees it: nothing the role cannot do is called at start or offered; a save conflict
// says it waits for the person's choice; the export preview shows each language's sign-off. Screenshots of the
// desk screens in the three UI languages (e2e/screenshots/desk-<screen>-<lng>.png).
let desk: TestDesk;

test.beforeAll(async () => {
  desk = await startTestDesk(
    'desk_ui',
    [
      { name: 'hoa', role: 'admin' },
      { name: 'minh', role: 'editor' },
      { name: 'lan', role: 'reviewer' },
      { name: 'james', role: 'reviewer' },
    ],
    [
      { name: 'lan', lang: 'vi' },
      { name: 'james', lang: 'en' },
      { name: 'james', lang: 'vi' },
    ],
  );
});
test.afterAll(async () => desk?.close());

type Lng = 'en' | 'ko' | 'vi';
const LOCALE = { en: 'en-US', ko: 'ko-KR', vi: 'vi-VN' } as const;
const PASSWORD = {
  hoa: 'admin-password',
  minh: 'editor-password',
  lan: 'reviewer-password',
  james: 'reviewer-password',
};
type Person = keyof typeof PASSWORD;
const RAW_KEY = /\b(common|review|export|editor|desk|projects|translate|errors|qa)[.:][a-zA-Z-]+\b/;

/** Sign in from a fresh browser context in the UI language `lng`; API errors are recorded from the sign-in on. */
async function person(browser: Browser, name: Person, lng: Lng = 'en', opts: { clock?: boolean } = {}) {
  const context = await browser.newContext({ locale: LOCALE[lng] });
  // A controllable clock (it runs at the real pace until a test moves it on with clock.runFor).
  if (opts.clock) await context.clock.install();
  const page = await context.newPage();
  await page.goto(desk.url);
  const form = page.getByTestId('desk-login');
  await form.locator('input[name="username"]').fill(name);
  await form.locator('input[name="password"]').fill(PASSWORD[name]);
  const errors = recordApiErrors(page);
  await form.locator('button[type="submit"]').click();
  const deskPage = new DeskPage(page, desk.url);
  await expect(deskPage.bar()).toBeVisible();
  const grid = new ReviewPage(page, desk.url);
  await expect(grid.cell('vi', 1)).toBeVisible();
  return { context, page, grid, desk: deskPage, errors, close: () => context.close() };
}

const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);

test("a reviewer's start calls nothing the role cannot do, and the UI offers none of it", async ({
  browser,
}) => {
  const lan = await person(browser, 'lan');
  const { page } = lan;
  // The article has empty cells: the app must not start machine translation for a reviewer (an editor's).
  await apiSettled(page);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(lan.errors).toEqual([]);
  await expect(page.getByText('Who is reviewing?')).toHaveCount(0); // the name is the desk account's
  // A reviewer is not offered what only an editor or admin may do: no Machine menu (translate, suggestions, the
  // English variant), no Settings, and the Article menu holds only the project list.
  for (const name of ['Machine', 'Settings'])
    await expect(page.getByRole('toolbar').getByRole('button', { name, exact: true })).toHaveCount(0);
  for (const name of ['Terms', 'Export…', 'Check'])
    await expect(page.getByRole('toolbar').getByRole('button', { name, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Article', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Article' }).getByRole('menuitem')).toHaveText([
    'Projects',
    'Close project',
  ]);
  await page.keyboard.press('Escape');
  // English is not assigned to Lan: shown and moved through, not typed into or approved; Vietnamese is hers.
  await expect(page.getByTestId('lang-lock-en')).toHaveText('read-only: not assigned to you');
  await expect(page.getByTestId('lang-lock-vi')).toHaveCount(0);
  await lan.grid.focus('en', 2);
  await expect(lan.grid.cell('en', 2)).toHaveJSProperty('readOnly', true);
  await expect(lan.grid.approveButton('en', 2)).toHaveCount(0);
  await lan.grid.focus('vi', 2);
  await expect(lan.grid.cell('vi', 2)).toHaveJSProperty('readOnly', false);
  await expect(lan.grid.approveButton('vi', 2)).toHaveCount(1);

  await runCommand(page, 'Projects');
  const projects = page.getByTestId('projects-dialog');
  await expect(projects.locator('.project-list li')).toHaveCount(1);
  for (const name of ['Show the trash', 'Import project…', 'Export memory (TMX)'])
    await expect(projects.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(projects.getByRole('button', { name: /^Rename|^Move to trash/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Terms', exact: true }).click();
  const terms = page.getByTestId('terms-dialog');
  await expect(terms.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
  await expect(terms.getByRole('button', { name: 'Add term', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Switching the UI language is the reviewer's own screen, not the desk's settings (an admin's).
  await page.getByLabel('Interface language').selectOption('vi');
  await expect(page.getByRole('button', { name: 'Xuất…', exact: true })).toBeVisible();
  await apiSettled(page);
  expect(lan.errors).toEqual([]);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await lan.close();
});

test("an editor's start translates the empty cells; the desk's settings stay an admin's", async ({
  browser,
}) => {
  const minh = await person(browser, 'minh');
  const { page, grid } = minh;
  await grid.expectValue('vi', 1, false, '');
  await expect(page.getByText('Who is reviewing?')).toHaveCount(0);
  await expect(await headerCommand(page, 'Translate')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveCount(0);
  await runCommand(page, 'Projects');
  await page.getByTestId('projects-dialog').getByRole('button', { name: 'Show the trash' }).click();
  await apiSettled(page);
  expect(minh.errors).toEqual([]);
  await expect(page.getByTestId('notice').filter({ hasText: /role/ })).toHaveCount(0);
  await minh.close();
});

const SAVE = {
  en: { choose: 'Not saved — choose a version', notSaved: 'Not saved', saved: 'All changes saved' },
  ko: { choose: '저장 안 됨 — 버전을 선택하세요', notSaved: '저장 안 됨', saved: '모든 변경 저장됨' },
  vi: {
    choose: 'Chưa lưu — hãy chọn một phiên bản',
    notSaved: 'Chưa lưu được',
    saved: 'Đã lưu mọi thay đổi',
  },
} as const;
const endsWith = (text: string) => new RegExp(`(^|\\s)${text}$`);

for (const [lng, row] of [
  ['en', 2],
  ['ko', 3],
  ['vi', 4],
] as const)
  test(`conflict in ${lng}: the header waits for a choice, then says not saved, never "retrying"`, async ({
    browser,
  }) => {
    const lan = await person(browser, 'lan', lng, { clock: true });
    const james = await person(browser, 'james', lng);
    await james.grid.cell('vi', row + 1).focus();
    await expect(lan.desk.presence()).toContainText('james');
    await noRawKeys(lan.page);
    await screenshot(lan.page, `desk-grid-${lng}.png`);

    // Lan's save is held on the way while James's lands first: Lan's then arrives on an old revision.
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
    await expect(james.page.getByTestId('save-state')).toHaveText(endsWith(SAVE[lng].saved));
    release();
    const dialog = lan.page.getByTestId('desk-conflict');
    await expect(dialog).toBeVisible();
    await lan.page.unroute('**/api/cell:update');
    const state = lan.page.getByTestId('save-state');
    await expect(state).toHaveText(endsWith(SAVE[lng].choose));
    await noRawKeys(lan.page);
    await screenshot(lan.page, `desk-conflict-${lng}.png`);

    // Closed without a choice: the typing stays, not saved, and nothing is retried behind the person's back.
    await lan.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(state).toHaveText(endsWith(SAVE[lng].notSaved));
    await lan.grid.expectValue('vi', row, true, `Lan ${row}`);
    await lan.page.clock.runFor(2500); // past the first retry of a failed save, without waiting for it
    await apiSettled(lan.page);
    await expect(state).toHaveText(endsWith(SAVE[lng].notSaved));
    await james.grid.expectValue('vi', row, true, `James ${row}`);

    // Typing again asks again; keeping it saves it.
    await lan.grid.fill('vi', row, `Lan ${row}, again`);
    await lan.grid.cell('vi', row).blur();
    await expect(dialog).toBeVisible();
    await expect(state).toHaveText(endsWith(SAVE[lng].choose));
    await dialog.getByTestId('conflict-mine').click();
    await expect(dialog).toBeHidden();
    await expect(state).toHaveText(endsWith(SAVE[lng].saved));
    await james.grid.expectValue('vi', row, true, `Lan ${row}, again`);
    await lan.close();
    await james.close();
  });

const UI = {
  en: {
    export: 'Export…',
    run: 'Export',
    users: 'Users…',
    signed: 'Signed off by minh',
    open: 'Not signed off yet',
  },
  ko: {
    export: '내보내기…',
    run: '내보내기',
    users: '사용자…',
    signed: 'minh 님이 최종 승인함',
    open: '아직 최종 승인되지 않음',
  },
  vi: {
    export: 'Xuất…',
    run: 'Xuất',
    users: 'Người dùng…',
    signed: 'Đã được minh duyệt chốt',
    open: 'Chưa được duyệt chốt',
  },
} as const;

/**
 * The editor approves every Vietnamese row and signs Vietnamese off (English stays open). Once per desk: a worker
 * restarted after a failure starts a new desk, whose cells the machine has not filled yet.
 */
async function signOffVietnamese(): Promise<void> {
  if (signedOff === desk) return;
  signedOff = desk;
  const minh = await desk.client('minh');
  await minh.call('translate', { projectId: desk.projectId, langs: ['vi', 'en'] });
  const project = (
    await minh.call<{ segments: Array<{ id: string; kind: string; translate: boolean }> }>(
      'openProject',
      desk.projectId,
    )
  ).value!;
  for (const s of project.segments.filter((x) => x.translate && x.kind !== 'caption'))
    expect(
      (await minh.call('approveCell', { projectId: desk.projectId, segmentId: s.id, lang: 'vi' })).error,
    ).toBeUndefined();
  expect(
    (await minh.call('deskSignOff', { projectId: desk.projectId, lang: 'vi', signed: true })).error,
  ).toBeUndefined();
}

let signedOff: TestDesk | null = null;

for (const lng of ['en', 'ko', 'vi'] as const)
  test(`export preview in ${lng}: each language's sign-off, and what an approved-only export needs`, async ({
    browser,
  }) => {
    await signOffVietnamese();
    const lan = await person(browser, 'lan', lng);
    const { page } = lan;
    if (lng === 'en') {
      // Signed off: locked for everyone until an editor reopens it.
      await expect(page.getByTestId('lang-lock-vi')).toHaveText('signed off by minh: locked');
      await lan.grid.focus('vi', 2);
      await expect(lan.grid.cell('vi', 2)).toHaveJSProperty('readOnly', true);
      await expect(lan.grid.row(2).getByRole('button', { name: /^Reopen/ })).toHaveCount(0);
    }
    await page.getByRole('button', { name: UI[lng].export, exact: true }).click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-signoff-vi')).toContainText(UI[lng].signed);
    const run = dialog.getByRole('button', { name: UI[lng].run, exact: true });
    const note = dialog.getByTestId('export-signoff-note');
    // Vietnamese, approved only: signed off, so it goes.
    await expect(note).not.toHaveClass(/blocked/);
    await expect(run).toBeEnabled();
    // English, approved only: refused on the desk, so said before Export and not offered.
    await dialog.locator('select').nth(1).selectOption('en');
    await expect(dialog.getByTestId('export-signoff-en')).toHaveText(UI[lng].open);
    await expect(note).toHaveClass(/blocked/);
    await expect(run).toBeDisabled();
    await noRawKeys(page);
    await screenshot(page, `desk-export-${lng}.png`);
    // A draft (unapproved rows included and marked) needs no sign-off.
    await dialog.getByRole('radio').nth(1).check();
    await expect(note).not.toHaveClass(/blocked/);
    await expect(run).toBeEnabled();
    if (lng === 'en') {
      const download = page.waitForEvent('download');
      await run.click();
      expect((await download).suggestedFilename()).toMatch(/\.md$/);
      await dialog.locator('select').nth(1).selectOption('vi');
      await dialog.getByRole('radio').nth(0).check();
      const signed = page.waitForEvent('download');
      await run.click();
      expect((await signed).suggestedFilename()).toMatch(/\.md$/);
    }
    await apiSettled(page);
    expect(lan.errors).toEqual([]);
    await lan.close();
  });

for (const lng of ['en', 'ko', 'vi'] as const)
  test(`sign-in and users screens in ${lng}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: LOCALE[lng] });
    const page = await context.newPage();
    await page.goto(desk.url);
    await expect(page.getByTestId('desk-login')).toBeVisible();
    await noRawKeys(page);
    await screenshot(page, `desk-signin-${lng}.png`);
    const hoa = new DeskPage(page, desk.url);
    await hoa.signIn('hoa', PASSWORD.hoa);
    await page.getByRole('button', { name: UI[lng].users, exact: true }).click();
    await expect(hoa.usersDialog().getByTestId('desk-user-lan')).toBeVisible();
    await noRawKeys(page);
    await screenshot(page, `desk-users-${lng}.png`);
    await context.close();
  });
