import { expect, test } from './fixtures';

// Under a search or a filter, the row being typed in must not vanish once its text stops matching: the keys
// that follow would go nowhere. It leaves once the focus moves to another row.

test('a row typed in under a search stays under the cursor, and every key reaches the cell', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 2, true, /^Seoul declares/);
  await page.getByTestId('search').fill('Seoul declares');
  await expect(review.rowCount()).toHaveText('1 of 19 rows');

  await review.focus('en', 2);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The city announces cooperation');
  // Saved: the row's text no longer has the search in it.
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await expect(review.cell('en', 2)).toBeFocused();
  await page.keyboard.type(' with Vietnam');
  await review.expectValue('en', 2, true, 'The city announces cooperation with Vietnam');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');

  await page.reload();
  await review.expectValue('en', 2, true, 'The city announces cooperation with Vietnam');
});

test('a row typed in under "Approved in both" stays while its approval is taken back, until the focus leaves it', async ({
  review,
  page,
}) => {
  await review.open();
  await review.focus('vi', 3);
  await page.keyboard.press('Control+Shift+Enter');
  await expect(review.status('vi', 3)).toHaveText('Approved');
  await expect(review.status('en', 3)).toHaveText('Approved');
  await review.focus('vi', 4);
  await page.keyboard.press('Control+Shift+Enter');
  await expect(review.status('en', 4)).toHaveText('Approved');
  await page.getByTestId('filter-select').selectOption({ label: 'Approved in both' });
  await expect(review.rowCount()).toHaveText('2 of 19 rows');

  const before = await review.value('vi', 3);
  await review.focus('vi', 3);
  await page.keyboard.press('End');
  await page.keyboard.type(' (sửa)');
  await expect(review.status('vi', 3)).toHaveText('Edited');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.type(' lần hai');
  await review.expectValue('vi', 3, true, `${before} (sửa) lần hai`);
  await expect(review.cell('vi', 3)).toBeFocused();

  // The focus moves on to the other row: the edited row, no longer approved in both, leaves the list.
  await review.focus('vi', 4);
  await expect(review.row(3)).toHaveCount(0);
  await expect(review.rowCount()).toHaveText('1 of 19 rows');
});
