import { expect, test } from './fixtures';
import { runCommand } from './pages/review-page';
import { expectNoSeriousA11yViolations } from './support/axe';

test('quota used up (456): a clear message, nothing lost, and translation resumes later', async ({
  review,
  deepl,
  page,
}) => {
  deepl.setFault({ status: 456 });
  await review.open();
  await expect(page.getByRole('alert').filter({ hasText: 'quota' })).toBeVisible();
  await review.expectValue('vi', 1, true, '');
  await review.fill('vi', 1, 'Bản dịch tay của tôi');
  await review.cell('vi', 1).blur();

  deepl.setFault(null);
  await review.run('Translate');
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  await review.expectValue('vi', 1, true, 'Bản dịch tay của tôi'); // the reviewer's text wins
});

test('paragraphs missing from an answer get an error with Retry', async ({ review, deepl, page }) => {
  deepl.setFault({ kind: 'drop-texts' });
  await review.open();
  // Each failed cell has its own Retry ("Retry machine translation of row N into …").
  const failed = page.getByRole('button', { name: /^Retry machine translation of row \d+/ });
  await expect(failed.first()).toBeVisible();
  await expect(page.getByText("DeepL's answer was missing this paragraph").first()).toBeVisible();
  deepl.setFault(null);
  // Only rows near the viewport are in the page: follow the one retried, by its unique name.
  const name = (await failed.first().getAttribute('aria-label')) ?? '';
  await failed.first().click();
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
});

test('new suggestions never overwrite edited text; the glossary reaches DeepL', async ({ review, page }) => {
  await review.open();
  await runCommand(page, 'Paste…');
  await page.getByLabel('Korean article text').fill('서울시 협력 발표\n서울시는 베트남과 협력한다고 밝혔다.');
  await page.getByRole('button', { name: 'Create project' }).click();
  await review.expectValue('vi', 2, true, /^\[VI\]/);

  await review.fill('vi', 1, 'Tiêu đề do tôi viết');
  await review.cell('vi', 1).blur();
  await expect(review.status('vi', 1)).toHaveText('Edited');

  // A term of this article (Terms): sent to DeepL as its glossary with the next request.
  await page.getByRole('button', { name: 'Terms', exact: true }).click();
  const terms = page.getByTestId('terms-dialog');
  await terms.getByLabel('Where the term applies').selectOption({ label: 'This article' });
  await terms.getByTestId('term-ko').fill('서울시');
  await terms.getByTestId('term-vi').fill('Thành phố Seoul');
  await terms.getByTestId('term-en').fill('Seoul City');
  await terms.getByRole('button', { name: 'Add term' }).click();
  await expect(terms.getByTestId('term-table')).toContainText('Seoul City');
  await terms.getByRole('button', { name: 'Close' }).click();

  await runCommand(page, 'New suggestions');
  await review.expectValue('vi', 2, true, /Thành phố Seoul/);
  await review.expectValue('en', 2, true, /Seoul City/);
  await review.expectValue('vi', 1, true, 'Tiêu đề do tôi viết');
  const row1 = review.rows().first();
  await expect(row1.getByText('New machine suggestion:')).toBeVisible();
  await row1
    .getByRole('button', { name: 'Use the new suggestion for the Vietnamese translation, row 1' })
    .click();
  // The reviewer's own text is never replaced in one click: the question comes first, Cancel keeps it.
  await expect(review.confirmDialog()).toContainText('Replace your text with the suggestion?');
  await expectNoSeriousA11yViolations(page);
  await review.confirmDialog().getByRole('button', { name: 'Cancel' }).click();
  await review.expectValue('vi', 1, true, 'Tiêu đề do tôi viết');
  await row1
    .getByRole('button', { name: 'Use the new suggestion for the Vietnamese translation, row 1' })
    .click();
  await review.confirmDialog().getByRole('button', { name: 'Use suggestion' }).click();
  await review.expectValue('vi', 1, true, /Thành phố Seoul/);
  // …and undoable: Ctrl+Z brings the reviewer's text back.
  await page.keyboard.press('Control+z');
  await review.expectValue('vi', 1, true, 'Tiêu đề do tôi viết');
});

test('an empty cell says it waits for DeepL only while DeepL is asked: a refused key or a cancelled run leaves it to the reviewer', async ({
  review,
  deepl,
  page,
}) => {
  // The key is refused: the notice says so, and the cells ask for the reviewer's text instead of promising DeepL's.
  deepl.setFault({ status: 403 });
  await review.open();
  await expect(page.getByRole('alert').filter({ hasText: 'did not accept the API key' })).toBeVisible();
  await expect(review.cell('vi', 1)).toHaveText('Type the translation');
  await expect(review.cell('en', 1)).toHaveText('Type the translation');

  // While a run goes on they do wait for DeepL; a cancelled run leaves them to the reviewer again.
  deepl.setFault({ kind: 'hang' });
  await review.run('Translate');
  const bar = review.mtProgress();
  await expect(review.cell('vi', 1)).toHaveText('Waiting for DeepL…');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(review.cell('vi', 1)).toHaveText('Type the translation');
});
