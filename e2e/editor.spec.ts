import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';

/** True when the element has the keyboard focus (this file is type-checked without DOM types). */
const hasFocus = (locator: Locator) =>
  locator.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':focus'));

const SAMPLE = readFileSync('samples/newsis-seoul-vietnam-smart-mobility.ko.txt', 'utf8');

test('the whole review by keyboard: Tab, Alt+↓, Ctrl+Enter, row approve, Esc, search, comment, shortcut sheet', async ({
  review,
  page,
}) => {
  await review.open();
  await expect(review.status('vi', 1)).toHaveText('Machine');
  await expectNoSeriousA11yViolations(page);

  // From the search field (Ctrl+F), Tab reaches the first cell, which opens its editor.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search')).toBeFocused();
  for (let i = 0; i < 8 && !(await hasFocus(review.cell('vi', 1))); i++) await page.keyboard.press('Tab');
  await expect(review.cell('vi', 1)).toBeFocused();
  await expect(review.cell('vi', 1)).toHaveJSProperty('tagName', 'TEXTAREA');
  expect(await page.locator('textarea').count()).toBe(1); // one live editor in the whole grid

  // Esc drops typing that was not saved yet.
  const original = await review.value('vi', 1);
  await page.keyboard.type(' XYZ');
  await page.keyboard.press('Escape');
  await review.expectValue('vi', 1, true, original);

  // Typing is saved; Ctrl+Enter approves and moves on to the next open Vietnamese cell.
  await page.keyboard.press('End');
  await page.keyboard.type(' (đã sửa)');
  await expect(review.status('vi', 1)).toHaveText('Edited');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.press('Control+Enter');
  await expect(review.status('vi', 1)).toHaveText('Approved');
  await expect(review.cell('vi', 2)).toBeFocused();

  // Tab goes Vietnamese → English, Shift+Tab back; Alt+↓ walks the column.
  await page.keyboard.press('Tab');
  await expect(review.cell('en', 2)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(review.cell('vi', 2)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(review.cell('vi', 3)).toBeFocused();

  // Ctrl+Shift+Enter approves both languages of the row.
  await page.keyboard.press('Control+Shift+Enter');
  await expect(review.status('vi', 3)).toHaveText('Approved');
  await expect(review.status('en', 3)).toHaveText('Approved');
  // 17 translated rows: credit and copyright lines are translated by default since the memory landed (#8).
  await expect(review.progress('en')).toContainText('1 / 17');

  // Shift+F2 comments on the focused cell; the badge shows it and it survives a reload.
  await review.focus('en', 4);
  await page.keyboard.press('Shift+F2');
  const commentDialog = page.getByTestId('comment-dialog');
  await expect(commentDialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[data-testid="comment-dialog"]');
  await page.keyboard.type('Kiểm tra tên riêng');
  await page.keyboard.press('Control+Enter');
  await expect(commentDialog).toBeHidden();
  await expect(review.cell('en', 4)).toBeFocused(); // focus comes back to where it was
  await expect(
    review.row(4).getByRole('button', { name: 'Comment on English translation, row 4' }),
  ).toContainText('Kiểm tra tên riêng');

  // Esc leaves the editor; ? opens the shortcut sheet; Esc closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(review.cell('en', 4)).toBeFocused();
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toContainText('Ctrl+Shift+Enter');
  await expectNoSeriousA11yViolations(page, '[data-testid="shortcut-sheet"]');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(review.cell('en', 4)).toBeFocused();

  // Search across the three columns, with highlights.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('베트남');
  await expect(review.rowCount()).not.toHaveText('19 of 19 rows');
  await expect(page.locator('.source-text mark').first()).toHaveText('베트남');

  await page.reload();
  await expect(
    review.row(4).getByRole('button', { name: 'Comment on English translation, row 4' }),
  ).toBeVisible();
  await review.expectValue('vi', 1, true, `${original} (đã sửa)`);
});

test('filters: needs review, edited, approved, languages differ', async ({ review, page }) => {
  await review.open();
  await expect(review.status('en', 1)).toHaveText('Machine');
  await review.fill('vi', 2, 'Thành phố Seoul hợp tác với Việt Nam');
  await expect(review.status('vi', 2)).toHaveText('Edited');
  await review.press('vi', 1, 'Control+Shift+Enter');
  await expect(review.status('en', 1)).toHaveText('Approved');

  const filter = page.getByTestId('filter-select');
  await filter.selectOption('approved');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
  await filter.selectOption('edited');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
  await expect(review.rows().first()).toHaveAttribute('aria-rowindex', '3');
  await filter.selectOption('differ');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
  await filter.selectOption('needsReview');
  await expect(review.rowCount()).toHaveText('16 of 19 rows'); // 17 translated rows (credit lines too), 1 approved
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/filters.png' });
});

test('a changed paragraph shows the Korean diff before Ctrl+Enter can approve it', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('vi', 1, false, '');
  const revised = SAMPLE.replace('2시20분', '2시30분');
  await page.getByTestId('revised-input').setInputFiles({
    name: 'revised.ko.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(revised),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Revised version' })).toContainText('1 changed');
  await page.getByTestId('filter-select').selectOption('changed');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
  const changed = review.rows().first();
  const rowNumber = Number(await changed.getAttribute('aria-rowindex')) - 1;
  await review.press('vi', rowNumber, 'Control+Enter');
  // Not approved yet: the diff opens and a notice says to look at it first.
  await expect(page.getByRole('alert').filter({ hasText: 'look at the change' })).toBeVisible();
  const diff = changed.locator('[data-testid^="ko-diff-"]');
  await expect(diff.locator('del')).toContainText('20');
  await expect(diff.locator('ins')).toContainText('30');
  await expect(review.status('vi', rowNumber)).not.toHaveText('Approved');
  await page.screenshot({ path: 'test-results/diff.png' });
  await review.press('vi', rowNumber, 'Control+Enter');
  // The translation still says 2:20: the checks see the time no longer matches and ask (#10); the reviewer insists.
  await expect(review.confirmDialog()).toContainText('Approve with open errors?');
  await review.confirmDialog().getByRole('button', { name: 'Approve anyway' }).click();
  // Vietnamese approved: the row still owes the English review of the revised Korean (each language its own mark).
  await expect(review.status('vi', rowNumber)).toHaveText('Approved');
  await expect(changed.getByTestId(/^revision-/)).toHaveText('Changed in the new version · EN');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
  await page.getByTestId('filter-select').selectOption('changedVi');
  await expect(review.rowCount()).toHaveText('0 of 19 rows');
  await page.getByTestId('filter-select').selectOption('changedEn');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
});

test('a revision of a different article is refused unless confirmed', async ({ review, page }) => {
  await review.open();
  await review.expectValue('vi', 1, false, '');
  const other = [
    '부산시, 다낭과 관광 교류 확대',
    '부산시는 베트남 다낭시와 관광 교류를 늘리기로 했다고 5일 밝혔다.',
    '양 도시는 직항 노선을 늘리고 공동 축제를 열 계획이다.',
    '부산시 관계자는 "관광객이 크게 늘 것"이라고 말했다.',
  ].join('\n');
  const upload = () =>
    page.getByTestId('revised-input').setInputFiles({
      name: 'busan.ko.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(other),
    });
  await upload();
  const question = review.confirmDialog();
  await expect(question).toContainText('different article');
  await expectNoSeriousA11yViolations(page, '[data-testid="confirm-dialog"]');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(review.rowCount()).toHaveText('19 of 19 rows');
  await expect(review.title()).toContainText('오세훈');

  await upload();
  await question.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revised version' })).toContainText('4 new');
});

test('dialogs keep focus inside and have no serious accessibility violations', async ({ review, page }) => {
  await review.open();
  await expect(review.status('vi', 1)).toHaveText('Machine');
  for (const [button, testId] of [
    ['Settings', 'settings-dialog'],
    ['Article', 'projects-dialog'],
    ['Export…', 'export-dialog'],
    ['Replace…', 'replace-dialog'],
  ] as const) {
    const opener = page.getByRole('button', { name: button, exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    // Projects is an item of the Article menu: the menu opens on its first item, the arrows reach Projects.
    if (button === 'Article') {
      const item = page.getByRole('menu', { name: 'Article' }).getByRole('menuitem', { name: 'Projects' });
      while (!(await item.evaluate((el) => el.matches(':focus')))) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    const dialog = page.getByTestId(testId);
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page, `[data-testid="${testId}"]`);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await dialog.locator(':focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
});

test("a cell's buttons are reached from the keyboard: Shift+F10 opens its actions as a menu", async ({
  review,
  page,
}) => {
  await review.open();
  await expect(review.status('vi', 1)).toHaveText('Machine');
  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Cell actions' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Approve\b/ }).first()).toBeFocused();
  await expectNoSeriousA11yViolations(page, '[data-testid="cell-menu"]');
  // Esc closes it and the cell has the focus again.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(review.cell('vi', 2)).toBeFocused();
  // Approve from the menu; on an approved cell the menu offers Reopen.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Enter');
  await expect(review.status('vi', 2)).toHaveText('Approved');
  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem').first()).toHaveText(/Reopen/);
  await page.keyboard.press('Enter');
  await expect(review.status('vi', 2)).not.toHaveText('Approved');
  // History is an item too (↓ to it): its dialog opens.
  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F10');
  const history = menu.getByRole('menuitem', { name: /^History/ });
  while (!(await history.evaluate((el) => el.matches(':focus')))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-dialog')).toBeVisible();
});
