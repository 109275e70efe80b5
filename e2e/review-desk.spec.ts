import { expect, test } from './fixtures';
import { runCommand } from './pages/review-page';

test('machine translation shows progress per language and can be cancelled, then run again', async ({
  review,
  deepl,
  page,
}) => {
  deepl.setFault({ kind: 'hang' });
  await review.open();
  await expect(review.mtProgress()).toContainText(/Vietnamese: 0 \/ 17/);
  await expect(review.mtProgress()).toContainText(/English: 0 \/ 17/);
  await expect(await review.command('Translate')).toBeDisabled();
  await page.keyboard.press('Escape');
  await review.mtProgress().getByRole('button', { name: 'Cancel' }).click();
  await expect(review.mtSummary()).toContainText('cancelled');
  await expect(review.mtProgress()).toBeHidden();

  // Nothing was lost or blocked: the reviewer can type, and translate again later.
  await review.fill('vi', 2, 'Thành phố Seoul hợp tác với Việt Nam');
  await review.cell('vi', 2).blur();
  await expect(review.status('vi', 2)).toHaveText('Edited');
  deepl.setFault(null);
  await review.run('Translate');
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  await expect(review.mtSummary()).toContainText('finished');
  await review.expectValue('vi', 2, true, 'Thành phố Seoul hợp tác với Việt Nam');
  // A run that went through is told in the status bar, which keeps it until the next run (nothing to dismiss).
  await expect(review.mtSummary().getByRole('button')).toHaveCount(0);
});

test('settings are saved and used: reviewer name on approvals, English variant, UI language', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 1, false, '');

  const settings = await review.openSettings();
  await expect(settings.keySource()).toContainText('from the environment');
  await expect(settings.keyInput()).toHaveCount(0); // browser mode: keys come only from the environment
  await settings.reviewerName().fill('Nguyễn Thu Hà');
  await settings.englishVariant().selectOption('en-GB');
  await settings.save();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // A cell's buttons show with its focus.
  await review.focus('vi', 1);
  await review.approveButton('vi', 1).click();
  await expect(review.status('vi', 1)).toHaveText('Approved');
  await expect(review.status('vi', 1)).toHaveAttribute('title', /Approved by Nguyễn Thu Hà/);
  // The approve button gives way to Reopen, which makes the cell editable work again.
  await review.focus('vi', 1);
  await page.getByRole('button', { name: 'Reopen Vietnamese translation, row 1' }).click();
  await expect(review.status('vi', 1)).not.toHaveText('Approved');

  await review.setUiLanguage('ko');
  await expect(page.getByRole('button', { name: '설정', exact: true })).toBeVisible();
  await expect(review.status('vi', 1)).toHaveText(/기계 번역|수정됨/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByRole('button', { name: '설정', exact: true }).click();
  await expect(page.getByTestId('settings-dialog').getByLabel('검토자 이름')).toHaveValue('Nguyễn Thu Hà');
  await expect(page.getByTestId('settings-dialog').getByLabel('영어 종류')).toHaveValue('en-GB');
});

test('pasted articles become projects; the project list switches between them', async ({ review, page }) => {
  await review.open();
  const sampleTitle = (await review.title().textContent()) ?? '';
  await runCommand(page, 'Paste…');
  await page
    .getByLabel('Korean article text')
    .fill('서울시 스마트 모빌리티 협력\n서울시는 베트남과 협력한다고 밝혔다.');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(review.title()).toHaveText('서울시 스마트 모빌리티 협력');
  await expect(review.rows()).toHaveCount(2);
  await review.expectValue('vi', 2, false, '');

  await runCommand(page, 'Projects');
  const list = page.getByTestId('projects-dialog');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'Open now' })).toContainText('서울시 스마트');
  await list.getByRole('button', { name: `Open: ${sampleTitle}` }).click();
  await expect(review.title()).toHaveText(sampleTitle);
  await expect(review.rowCount()).toHaveText('19 of 19 rows');
});

test('a credit row is translated by default and can be kept as the original and back', async ({
  review,
  page,
}) => {
  await review.open();
  await review.scrollToEnd();
  const credit = review.rows().filter({ hasText: 'CREDIT' });
  await expect(credit.locator('[data-testid^="cell-"]')).toHaveCount(2);
  await credit.getByRole('button', { name: /^Keep row \d+ as in the original$/ }).click();
  await expect(credit).toContainText('Do not translate');
  await credit.getByRole('button', { name: /^Translate row \d+$/ }).click();
  await expect(credit.locator('[data-testid^="cell-"]')).toHaveCount(2);
  // A caption row mirrors its picture and cannot be edited.
  const caption = review.rows().filter({ hasText: 'CAPTION' }).first();
  await expect(caption).toContainText('Follows the picture’s caption (row 5)');
  await expect(caption.locator('[data-testid^="cell-"]')).toHaveCount(0);
  await expect(page.locator('img')).toHaveCount(0); // picture links are shown as text, never loaded
});

test('a file dropped on the window opens as a new project', async ({ review, page }) => {
  await review.open();
  const dataTransfer = await page.evaluateHandle(() => {
    // Runs in the page; this file is type-checked without DOM types, hence the cast.
    const { DataTransfer } = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: File): void } };
    };
    const dt = new DataTransfer();
    const text = '부산시, 베트남 다낭과 관광 협력\n부산시는 다낭시와 관광 교류를 늘리기로 했다.';
    dt.items.add(new File([text], 'busan.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('.app', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop the article to open it as a new project')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(review.title()).toHaveText('부산시, 베트남 다낭과 관광 협력');
  await expect(page.getByText('Drop the article to open it as a new project')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toContainText('utf-8');
});

test('a failed save keeps the typed text, says so, and saves with the next change', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('vi', 2, false, '');
  await page.route('**/api/cell:update', (route) => route.abort());
  await review.fill('vi', 2, 'Bản dịch chưa lưu được');
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' })).toBeVisible();
  await expect(review.row(2)).toContainText('Not saved yet');
  await review.expectValue('vi', 2, true, 'Bản dịch chưa lưu được');

  await page.unroute('**/api/cell:update');
  await review.press('vi', 2, 'End');
  await review.cell('vi', 2).pressSequentially('!');
  await expect(review.status('vi', 2)).toHaveText('Edited');
  await expect(review.row(2)).not.toContainText('Not saved yet');
  await page.reload();
  await review.expectValue('vi', 2, true, 'Bản dịch chưa lưu được!');
});

test('cells DeepL left out are counted in the summary and retried together', async ({
  review,
  deepl,
  page,
}) => {
  deepl.setFault({ kind: 'drop-texts' });
  await review.open();
  await expect(review.mtSummary()).toContainText('Cells not translated:');
  const errors = page.locator('.chip-error');
  expect(await errors.count()).toBeGreaterThan(0);
  deepl.setFault(null);
  await review.mtSummary().getByRole('button', { name: 'Retry failed cells' }).click();
  await expect(review.mtSummary()).toContainText('Machine translation finished');
  await expect(review.mtSummary()).not.toContainText('Cells not translated');
  await expect(errors).toHaveCount(0);
});
