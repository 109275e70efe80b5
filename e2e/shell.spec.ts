import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../electron/web';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';

// The browser mode's equivalent of the desktop menu's Help (About with versions and licences, keyboard
// shortcuts) in each UI language, and its closed doors: no app without the sign-in link, and a clear message
// to a page left open across a restart.
const UI = [
  { lng: 'en', help: 'Help', title: 'About Bilingual Review', shortcuts: 'Keyboard shortcuts' },
  { lng: 'ko', help: '도움말', title: 'Bilingual Review 정보', shortcuts: '단축키' },
  { lng: 'vi', help: 'Trợ giúp', title: 'Giới thiệu Bilingual Review', shortcuts: 'Phím tắt' },
] as const;
const RAW_KEY = /\b(menu|aboutDialog|keys)[.:][a-zA-Z-]+\b/;

for (const ui of UI) {
  test(`Help › About in ${ui.lng}`, async ({ review, page }) => {
    await review.open();
    await review.setUiLanguage(ui.lng);
    await page.getByRole('button', { name: ui.help, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ui.title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('about-version')).toContainText('0.1.0');
    await expect(dialog.getByRole('cell', { name: 'react', exact: true })).toBeVisible();
    await expect(dialog.getByRole('heading', { name: ui.shortcuts })).toBeVisible();
    await expect(dialog.locator('kbd').first()).toHaveText('Ctrl+Enter'); // the one key map's notation
    expect(await dialog.innerText()).not.toMatch(RAW_KEY);
    await screenshot(page, `${ui.lng}-about.png`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
}

test('a browser without the sign-in link gets no app', async ({ host, browser }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const res = await page.goto(host.origin);
  expect(res?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('sign-in link printed in the terminal');
  await expect(page.locator('[data-testid^="row-"]')).toHaveCount(0);
  await stranger.close();
});

test('a page left open across a restart is told to open the new link', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'review-restart-'));
  const first = await startWebHost({ dataDir, port: 0, rendererDir: 'dist/renderer', env: {} });
  const port = Number(new URL(first.origin).port);
  await page.goto(first.url);
  const cell = page.locator('[data-testid^="cell-vi-"]').first();
  await expect(cell).toBeVisible();
  await first.close();
  const second = await startWebHost({ dataDir, port, rendererDir: 'dist/renderer', env: {} });
  try {
    await cell.click(); // the grid mounts its one editor (same test id) in the clicked cell
    await cell.fill('Tiêu đề mới');
    await cell.blur();
    await expect(page.getByTestId('notice').first()).toContainText(
      'Open the new sign-in link printed in the terminal',
    );
    // The new link signs the same browser in again, and the app opens where it was.
    await page.goto(second.url);
    await expect(page.locator('[data-testid^="cell-vi-"]').first()).toBeVisible();
  } finally {
    await second.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test.describe('a key from the environment and a server changed in Settings', () => {
  test.use({ appEnv: { DEEPL_AUTH_KEY: 'test-key' } });

  test('the key stays with its server and Settings says so', async ({ review }) => {
    await review.open();
    const settings = await review.openSettings();
    await expect(settings.keySource()).toContainText('from the environment');
    await settings.serverUrl().fill('http://deepl.example');
    await settings.root.getByRole('button', { name: 'Save', exact: true }).click();
    // Refused with a clear message; the dialog stays open with what was typed.
    await expect(review.page.getByText('must start with https://')).toBeVisible();
    await expect(settings.serverUrl()).toHaveValue('http://deepl.example');
    await settings.serverUrl().fill('https://deepl.example');
    await settings.save();
    await expect(settings.root).toBeHidden();
    const again = await review.openSettings();
    await expect(again.keySource()).toContainText('not set');
    await expect(again.root.getByTestId('key-other-server')).toContainText('entered for another server');
  });
});
