import { expect, test } from './fixtures';
import { runCommand } from './pages/review-page';
import { expectNoSeriousA11yViolations } from './support/axe';

// A stray Escape in a dialog must not throw away what the reviewer typed there (a comment, a pasted article, a
// term not added yet): the dialog asks, and the focused (safe) answer keeps the typing.

test('Escape over a comment being typed asks first; keeping it saves it, and it survives a reload', async ({
  review,
  page,
}) => {
  await review.open();
  const dialog = page.getByTestId('comment-dialog');
  const field = dialog.getByRole('textbox', { name: 'Comment' });

  // Nothing typed: Escape closes at once.
  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F2');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F2');
  await page.keyboard.type('Tên riêng: kiểm tra lại với biên tập viên');
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toHaveText('Close and throw away what you typed here?');
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, '[data-testid="comment-dialog"]');
  // A second Escape (or Enter) keeps the typing, back in its field.
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toBeHidden();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Tên riêng: kiểm tra lại với biên tập viên');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await page.reload();
  await review.focus('vi', 2);
  await page.keyboard.press('Shift+F2');
  await expect(field).toHaveValue('Tên riêng: kiểm tra lại với biên tập viên');
});

test('a pasted article and a term being typed are kept through Escape unless Discard is chosen; the question is in the UI language', async ({
  review,
  page,
}) => {
  await review.open();
  await runCommand(page, 'Paste…');
  const paste = page.getByTestId('paste-dialog');
  const article = paste.getByLabel('Korean article text');
  await article.fill('서울시 협력 발표\n서울시는 베트남과 협력한다고 밝혔다.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter'); // Enter on the focused answer keeps it too
  await expect(article).toHaveValue('서울시 협력 발표\n서울시는 베트남과 협력한다고 밝혔다.');
  await page.keyboard.press('Escape');
  await paste.getByRole('button', { name: 'Discard' }).click();
  await expect(paste).toBeHidden();

  await review.setUiLanguage('ko');
  await page.getByRole('toolbar').getByRole('button', { name: '용어', exact: true }).click();
  const terms = page.getByTestId('terms-dialog');
  await terms.getByTestId('term-ko').fill('서울시');
  await terms.getByTestId('term-vi').fill('Thành phố Seoul');
  await page.keyboard.press('Escape');
  await expect(terms.getByRole('alert')).toHaveText('여기에 입력한 내용을 버리고 닫을까요?');
  await terms.getByRole('button', { name: '계속 입력' }).click();
  await expect(terms.getByTestId('term-vi')).toBeFocused();
  await expect(terms.getByTestId('term-ko')).toHaveValue('서울시');
  await expect(terms.getByTestId('term-vi')).toHaveValue('Thành phố Seoul');
});

test('Escape over a project name being typed asks first; an unchanged name closes at once', async ({
  review,
  page,
}) => {
  await review.open();
  const name = (await review.title().textContent()) ?? '';
  await runCommand(page, 'Projects');
  const list = page.getByTestId('projects-dialog');
  const field = list.getByLabel(`New name for ${name}`);

  // The rename field opened but left as it was: nothing to lose, Escape closes.
  await list.getByRole('button', { name: `Rename: ${name}` }).click();
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  await runCommand(page, 'Projects');
  await list.getByRole('button', { name: `Rename: ${name}` }).click();
  await field.fill('Seoul – Vietnam mobility');
  await page.keyboard.press('Escape');
  await expect(list.getByRole('alert')).toHaveText('Close and throw away what you typed here?');
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue('Seoul – Vietnam mobility');
  await page.keyboard.press('Enter');
  await expect(review.title()).toHaveText('Seoul – Vietnam mobility');
});
