import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startWebHost } from '../electron/web';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ReviewPage, runCommand } from './pages/review-page';

// Human work is sacred (#17): typing survives a host restart under an open tab, Esc is an undoable revert, and
// approving a row with open errors asks once for both languages.

/** The segment id of a grid cell (its test id is `cell-<lang>-<id>`). */
async function segmentIdOf(review: ReviewPage, row: number): Promise<string> {
  const testId = (await review.cell('vi', row).getAttribute('data-testid')) ?? '';
  return testId.replace(/^cell-vi-/, '');
}

test('a host restarted under an open tab loses no typing: the tab says how to get back in, and sends it then', async ({
  page,
  appEnv,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'review-restart-'));
  const start = (port: number) => startWebHost({ dataDir, port, rendererDir: 'dist/renderer', env: appEnv });
  let host = await start(0);
  try {
    const review = new ReviewPage(page, host.url);
    await review.open();
    await review.fill('vi', 2, 'Gõ trước khi khởi động lại');
    await expect(page.getByTestId('save-state')).toContainText('All changes saved');

    // The app restarts on the same address; the open tab's session is gone with the old process.
    const port = Number(new URL(host.origin).port);
    await host.close();
    host = await start(port);

    const typed = 'Gõ sau khi khởi động lại: không được mất';
    await review.fill('vi', 3, typed);
    await expect(page.getByTestId('save-state')).toHaveText(/Not saved — sign in again/);
    await expect(
      page.getByTestId('notice').filter({ hasText: 'Open the new sign-in link printed in the terminal' }),
    ).toBeVisible();
    await expect(page.getByTestId('save-state')).not.toContainText('All changes saved');

    // The natural reaction: reload. The host asks for the new link; the typing waits in the browser.
    await page.reload();
    await expect(page.getByText('if the app was restarted, use the new link')).toBeVisible();
    await page.goto(host.url);
    await expect(page.getByRole('status').filter({ hasText: 'is back in its cells' })).toBeVisible();
    await review.expectValue('vi', 3, true, typed);
    await expect(page.getByTestId('save-state')).toContainText('All changes saved');
    await review.expectValue('vi', 2, true, 'Gõ trước khi khởi động lại');
    const id = await segmentIdOf(review, 3);

    // On disk, read from the database itself rather than through the host that acknowledged it.
    await host.close();
    const db = new Database(join(dataDir, 'review.db'), { readonly: true });
    const row = db.prepare("SELECT text, status FROM cells WHERE segment_id = ? AND lang = 'vi'").get(id) as {
      text: string;
      status: string;
    };
    db.close();
    expect(row).toEqual({ text: typed, status: 'edited' });
  } finally {
    await host.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('Esc right after typing reverts the cell as one step that says so; Ctrl+Z brings the typing back', async ({
  review,
  page,
}) => {
  // Each step goes with its key (sent again after no answer, the host answers it as done: see electron/core/keyed.ts).
  const keyOf = (call: unknown[] | undefined, at: number) =>
    (call?.[at] as { key?: string } | undefined)?.key;
  const restores = callsTo(page, 'history:restore');
  const undos = callsTo(page, 'history:undo');
  await review.open();
  await expect(review.status('vi', 3)).toHaveText('Machine');
  const original = await review.value('vi', 3);
  await review.focus('vi', 3);
  await page.keyboard.press('End');
  await page.keyboard.type(' (sửa nhầm)');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Row 3, Vietnamese: reverted' })).toBeVisible();
  await review.expectValue('vi', 3, true, original);
  await expect(review.status('vi', 3)).toHaveText('Machine');

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Row 3, Vietnamese: undone' })).toBeVisible();
  await review.expectValue('vi', 3, true, `${original} (sửa nhầm)`);
  await expect(review.cell('vi', 3)).toBeFocused();
  expect(keyOf(restores[0], 0)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(keyOf(undos[0], 1)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  // Nothing else moved: the row above is as it was.
  await expect(review.status('vi', 2)).toHaveText('Machine');

  // Vietnamese, then English of one row, in one breath: one Ctrl+Z takes back the English only, and says so.
  const english = await review.value('en', 4);
  await review.fill('vi', 4, 'Dòng bốn, tiếng Việt của người duyệt');
  await review.fill('en', 4, 'Row four, the reviewer’s English');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Row 4, English: undone' })).toBeVisible();
  await review.expectValue('en', 4, true, english);
  await review.expectValue('vi', 4, true, 'Dòng bốn, tiếng Việt của người duyệt');
  // Two presses are two steps: two keys.
  expect(new Set(undos.map((c) => keyOf(c, 1))).size).toBe(2);
});

test('Esc on a cell opened approved from a project file gives back the approval with the text', async ({
  review,
  page,
}) => {
  await review.open();
  await review.fill('vi', 2, 'Bản dịch đã duyệt ở máy khác');
  await review.press('vi', 2, 'Control+Enter');
  await expect(review.status('vi', 2)).toHaveText('Approved');
  const name = (await review.title().textContent()) ?? '';
  await runCommand(page, 'Projects');
  const dialog = page.getByTestId('projects-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Export project file: ${name}` }).click();
  const file = await download;
  // Opened from the file, the cell has no version of its own in this history.
  await dialog.getByTestId('project-file-input').setInputFiles(await file.path());
  await expect(page.getByRole('status').filter({ hasText: 'imported from the project file' })).toBeVisible();
  await expect(review.status('vi', 2)).toHaveText('Approved');
  await review.focus('vi', 2);
  await page.keyboard.press('End');
  await page.keyboard.type(' (sửa nhầm)');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Row 2, Vietnamese: reverted' })).toBeVisible();
  await review.expectValue('vi', 2, true, 'Bản dịch đã duyệt ở máy khác');
  await expect(review.status('vi', 2)).toHaveText('Approved');
});

/** The arguments of every call to `channel` the page sends, as they go. */
function callsTo(page: Page, channel: string): unknown[][] {
  const calls: unknown[][] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && decodeURIComponent(new URL(r.url()).pathname) === `/api/${channel}`)
      calls.push(JSON.parse(r.postData() ?? '[]') as unknown[]);
  });
  return calls;
}

test('approving a row with open errors in both languages asks once, names both, and approves both or neither', async ({
  review,
  page,
}) => {
  await review.open();
  const rowOf = review.rows().filter({ hasText: '2시20분' });
  await expect(rowOf).toHaveCount(1);
  const row = Number(await rowOf.getAttribute('aria-rowindex')) - 1;
  // Both translations lose the time of the ceremony: an open error in each language.
  await review.fill('vi', row, 'Thị trưởng Oh đã tổ chức lễ công bố tại Seoul Startup Hub.');
  await review.fill('en', row, 'Mayor Oh held the ceremony at Seoul Startup Hub.');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');

  await review.press('vi', row, 'Control+Shift+Enter');
  const ask = review.confirmDialog();
  await expect(ask).toContainText(`Approve row ${row} with open errors?`);
  await expect(ask).toContainText(`Vietnamese, row ${row}:`);
  await expect(ask).toContainText(`English, row ${row}:`);
  // The safe choice has the focus: Enter keeps both unapproved.
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(review.status('vi', row)).toHaveText('Edited');
  await expect(review.status('en', row)).toHaveText('Edited');

  await review.press('vi', row, 'Control+Shift+Enter');
  await ask.getByRole('button', { name: 'Approve both anyway' }).click();
  await expect(review.status('vi', row)).toHaveText('Approved');
  await expect(review.status('en', row)).toHaveText('Approved');
  // One change on the host, so one step: a single Ctrl+Z takes both approvals back.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: `2 cells, from row ${row}` })).toBeVisible();
  await expect(review.status('vi', row)).toHaveText('Edited');
  await expect(review.status('en', row)).toHaveText('Edited');
});
