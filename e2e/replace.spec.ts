import { expect, test } from './fixtures';

test('replace previews every change with its count and can go one cell at a time', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 2, true, /Seoul/);
  await review.focus('en', 2);
  await page.keyboard.press('Control+h');
  const dialog = page.getByTestId('replace-dialog');
  await dialog.getByLabel('In the translation').selectOption('en');
  await dialog.getByLabel('Find', { exact: true }).fill('Seoul');
  await dialog.getByLabel('Replace with').fill('SEOUL');
  const list = dialog.getByTestId('replace-list');
  const items = list.getByRole('listitem');
  const before = await items.count();
  expect(before).toBeGreaterThan(1);
  await expect(dialog.getByTestId('replace-count')).toContainText(`in ${before} cells`);
  await expect(dialog.getByRole('button', { name: `Replace all (${before})` })).toBeEnabled();

  // One cell only: that cell changes, the others wait, the preview counts one fewer.
  const first = items.first();
  const row = Number((await first.locator('.replace-row').textContent())?.replace(/\D/g, ''));
  await first.getByRole('button', { name: 'Replace here' }).click();
  await expect(items).toHaveCount(before - 1);
  await review.expectValue('en', row, true, /SEOUL/);
  await expect(dialog.getByRole('button', { name: `Replace all (${before - 1})` })).toBeVisible();

  // "Show in the grid" closes the dialog and puts the focus in that cell.
  const next = items.first();
  const nextRow = Number((await next.locator('.replace-row').textContent())?.replace(/\D/g, ''));
  await next.getByRole('button', { name: 'Show in the grid' }).click();
  await expect(dialog).toBeHidden();
  await expect(review.cell('en', nextRow)).toBeFocused();
  await expect(review.cell('en', nextRow)).toHaveValue(/Seoul/);
});
