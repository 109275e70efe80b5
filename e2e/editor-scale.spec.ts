import { expect, test } from './fixtures';
import { bigArticle } from './support/big-article';

test.setTimeout(240_000);

test('a 10,000-paragraph article: translated through DeepL, scrolled to the end and edited there', async ({
  review,
  page,
}) => {
  await review.open();
  await page.getByTestId('file-input').setInputFiles({
    name: 'big.ko.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(bigArticle(10_000)),
  });
  await expect(review.title()).toContainText('10000개 문단');
  await expect(review.rowCount()).toHaveText('10,001 of 10,001 rows');
  // A run this large shows DeepL's bill first; the reviewer sends it all.
  const estimate = page.getByTestId('mt-estimate');
  await expect(estimate).toContainText(/\d{3},\d{3} characters \(20,002 cells\)/, { timeout: 60_000 });
  await estimate.getByRole('button', { name: /^Translate \(/ }).click();
  await expect(review.mtSummary()).toContainText('Machine translation finished', { timeout: 180_000 });
  // Only the rows near the viewport are in the page.
  expect(await review.rows().count()).toBeLessThan(80);

  await review.scrollToEnd();
  await expect(review.row(10_001)).toBeVisible();
  await review.expectValue('vi', 10_001, true, /^\[VI\]/);
  await review.fill('vi', 10_001, 'Đoạn cuối cùng, đã biên tập.');
  await expect(review.status('vi', 10_001)).toHaveText('Edited');
  await review.press('vi', 10_001, 'Control+Enter');
  // The edit drops the paragraph's figure (10000번째): the checks ask first (#10); the reviewer insists.
  await expect(review.confirmDialog()).toContainText('Approve with open errors?');
  await review.confirmDialog().getByRole('button', { name: 'Approve anyway' }).click();
  await expect(review.progress('vi')).toContainText('1 / 10,001 approved');
  // Ctrl+Enter moved on to the next open cell, which wraps around to the top of the article.
  await expect(review.cell('vi', 1)).toBeFocused();

  await page.reload();
  await expect(review.rowCount()).toHaveText('10,001 of 10,001 rows');
  await review.scrollToEnd();
  await review.expectValue('vi', 10_001, true, 'Đoạn cuối cùng, đã biên tập.');
  await expect(review.status('vi', 10_001)).toHaveText('Approved');
});
