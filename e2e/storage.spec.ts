import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost } from '../electron/web';
import { signIn } from '../test/support/web';
import { screenshot } from './support/screenshot';

// A damaged database at start-up: the app says so in the UI language, leaves the file alone and offers the
// backups; restoring one brings the review desk back. Screenshots in en, ko and vi go to e2e/screenshots/.
const UI = [
  { lng: 'en', title: 'Your projects could not be opened', restore: 'Restore…', now: 'Restore this backup' },
  { lng: 'ko', title: '프로젝트를 열 수 없습니다', restore: '복원…', now: '이 백업 복원' },
  { lng: 'vi', title: 'Không mở được các dự án của bạn', restore: 'Khôi phục…', now: 'Khôi phục bản này' },
] as const;

async function damagedFolder(lng: string): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'review-e2e-storage-'));
  // First start creates the database with the sample; the second (two days later) makes the daily backup.
  for (const at of ['2026-11-20T09:00:00Z', '2026-11-22T09:00:00Z']) {
    const host = await startWebHost({
      dataDir,
      port: 0,
      rendererDir: 'dist/renderer',
      env: {},
      now: () => new Date(at),
    });
    const session = await signIn(host);
    const post = (channel: string, args: unknown[]) => session.call(channel, args);
    await post('project:openLast', []);
    await post('settings:update', [{ uiLanguage: lng }]);
    await host.close();
  }
  await writeFile(join(dataDir, 'review.db'), Buffer.alloc(16384, 0x42));
  await rm(join(dataDir, 'review.db-wal'), { force: true });
  await mkdir(dataDir, { recursive: true });
  return dataDir;
}

for (const ui of UI) {
  test.describe(`storage recovery in ${ui.lng}`, () => {
    test('shows why, offers the backup, and restores it', async ({ page }) => {
      const dataDir = await damagedFolder(ui.lng);
      const host = await startWebHost({ dataDir, port: 0, rendererDir: 'dist/renderer', env: {} });
      try {
        await page.goto(host.url);
        await expect(page.getByRole('heading', { name: ui.title })).toBeVisible();
        await expect(page.getByTestId('storage-error')).not.toBeEmpty();
        await page.getByRole('button', { name: ui.restore }).first().click();
        await screenshot(page, `${ui.lng}-storage-recovery.png`);
        await page.getByRole('button', { name: ui.now }).click();
        await expect(page.getByRole('heading', { name: ui.title })).toBeHidden({ timeout: 15_000 });
        await expect(page.locator('[data-testid^="cell-vi-"]').first()).toBeVisible({ timeout: 15_000 });
      } finally {
        await host.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
