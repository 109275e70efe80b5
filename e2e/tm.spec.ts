import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runCommand, type ReviewPage } from './pages/review-page';
import { screenshot } from './support/screenshot';

const BYLINE = '[서울=뉴시스]홍길동 기자 =';
const SHARED =
  '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';

async function paste(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Paste…');
  await page.getByLabel('Korean article text').fill(text);
  await page.getByRole('button', { name: 'Create project' }).click();
}

const APPROVED = 'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.';

/** Article A: the shared paragraph (row 3) approved in Vietnamese, so the memory holds it. */
async function approveSharedParagraph(review: ReviewPage, page: Page): Promise<void> {
  await review.open();
  await paste(page, ['서울시, 베트남과 스마트 모빌리티 협력', BYLINE, SHARED].join('\n'));
  await review.expectValue('vi', 3, false, '');
  await review.fill('vi', 3, APPROVED);
  await review.press('vi', 3, 'Control+Enter');
  await expect(review.status('vi', 3)).toHaveText('Approved');
}

test('approved rows of one article come back as 100 % matches in the next; Ctrl+1 takes one', async ({
  review,
  page,
}) => {
  await review.open();
  // Article A: the reviewer corrects and approves the byline and a paragraph.
  await paste(page, ['서울시, 베트남과 스마트 모빌리티 협력', BYLINE, SHARED].join('\n'));
  await expect(review.rows()).toHaveCount(3);
  await review.expectValue('vi', 3, false, '');
  await review.fill('vi', 2, '[Seoul=Newsis] Phóng viên Hong Gil-dong =');
  await review.press('vi', 2, 'Control+Enter');
  await expect(review.status('vi', 2)).toHaveText('Approved');
  await review.fill('vi', 3, 'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.');
  await review.press('vi', 3, 'Control+Enter');
  await expect(review.status('vi', 3)).toHaveText('Approved');

  // Article B shares the byline and the paragraph, and has a sentence differing by a day and a city.
  await paste(
    page,
    [
      '부산시, 일본과 관광 협력 확대',
      BYLINE,
      SHARED,
      '서울시는 5일 베트남 호찌민시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.',
    ].join('\n'),
  );
  await expect(review.title()).toHaveText('부산시, 일본과 관광 협력 확대');
  await review.expectValue('vi', 3, false, '');

  await review.focus('vi', 2);
  const byline = review.row(2).getByRole('region', { name: 'Translation memory matches' });
  await expect(byline).toContainText('100%');
  await expect(byline).toContainText('[Seoul=Newsis] Phóng viên Hong Gil-dong =');

  await review.focus('vi', 3);
  const para = review.row(3).getByRole('region', { name: 'Translation memory matches' });
  await expect(para.getByRole('listitem').first()).toContainText('100%');
  await expect(para).toContainText('서울시, 베트남과 스마트 모빌리티 협력'); // the project it came from
  await review.press('vi', 3, 'Control+1');
  await review.expectValue(
    'vi',
    3,
    true,
    'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.',
  );
  await expect(review.status('vi', 3)).toHaveText('Edited');

  // The near-identical sentence gets a fuzzy match with the Korean differences marked.
  await review.focus('vi', 4);
  const fuzzy = review.row(4).getByRole('region', { name: 'Translation memory matches' });
  await expect(fuzzy.locator('.tm-score')).toHaveText(/^(7[5-9]|8\d|9\d)%$/);
  await expect(fuzzy.locator('del')).toHaveText(['5', '호찌민']);
  await expect(fuzzy.locator('ins')).toHaveText(['4', '하노이']);

  // After a reload the taken text is still there (it was saved).
  await page.reload();
  await review.expectValue(
    'vi',
    3,
    true,
    'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.',
  );
});

test('screens: memory matches in en, ko and vi', async ({ review, page }) => {
  await review.open();
  await paste(page, ['서울시, 베트남과 스마트 모빌리티 협력', BYLINE, SHARED].join('\n'));
  await review.expectValue('vi', 3, false, '');
  await review.fill('vi', 3, 'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.');
  await review.press('vi', 3, 'Control+Enter');
  await expect(review.status('vi', 3)).toHaveText('Approved');
  await paste(
    page,
    [
      '부산시, 일본과 관광 협력 확대',
      BYLINE,
      '서울시는 5일 베트남 호찌민시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.',
      SHARED,
    ].join('\n'),
  );
  await review.expectValue('vi', 4, false, '');
  for (const lng of ['en', 'ko', 'vi'] as const) {
    await review.setUiLanguage(lng);
    await review.focus('vi', 3);
    await expect(review.row(3).locator('.tm-matches del').first()).toBeVisible();
    await screenshot(page, `${lng}-tm.png`);
  }
});

test('Ctrl+K searches the memory: a Korean phrase in the sources, a Vietnamese one in the translations; Enter inserts', async ({
  review,
  page,
}) => {
  await approveSharedParagraph(review, page);
  const approved = APPROVED;

  await paste(
    page,
    ['부산시, 일본과 관광 협력 확대', '부산시는 일본 후쿠오카시와 관광 업무협약을 맺었다.'].join('\n'),
  );
  await review.expectValue('vi', 2, false, '');
  await review.fill('vi', 2, 'Theo ');
  await review.press('vi', 2, 'Control+k');
  const dialog = page.getByTestId('concordance-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('업무협약');
  const hits = dialog.getByRole('listbox').getByRole('option');
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator('mark')).toHaveText('업무협약');
  await expect(hits.first()).toContainText(approved);
  await expect(hits.first()).toContainText('서울시, 베트남과 스마트 모빌리티 협력');
  await screenshot(page, 'en-concordance.png');
  // A Vietnamese phrase is looked for in the translations, whatever its case.
  await dialog.getByRole('combobox', { name: /Phrase/ }).fill('hà nội');
  await expect(hits.first().locator('mark')).toHaveText('Hà Nội');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(review.cell('vi', 2)).toBeFocused();
  await review.expectValue('vi', 2, true, `Theo ${approved}`);
  await expect(review.status('vi', 2)).toHaveText('Edited');
  // Saved like typing: it is there after a reload.
  await page.reload();
  await review.expectValue('vi', 2, true, `Theo ${approved}`);
});

test('the memory search starts from the words selected in the cell, by Ctrl+K or from the cell menu', async ({
  review,
  page,
}) => {
  await approveSharedParagraph(review, page);
  await review.fill('vi', 2, 'Phóng viên tại Hà Nội');
  const select = () =>
    review.cell('vi', 2).evaluate((el, word) => {
      const box = el as unknown as {
        value: string;
        setSelectionRange(start: number, end: number): void;
      };
      box.setSelectionRange(box.value.indexOf(word), box.value.length);
    }, 'Hà Nội');
  await select();
  await review.press('vi', 2, 'Control+k');
  const dialog = page.getByTestId('concordance-dialog');
  const phrase = dialog.getByRole('combobox', { name: /Phrase/ });
  await expect(phrase).toHaveValue('Hà Nội');
  await expect(dialog.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The cell menu opens under its cell and offers the same search, from the same selection.
  await select();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Cell actions' });
  const cellBox = await review.cell('vi', 2).boundingBox();
  const menuBox = await menu.boundingBox();
  expect(menuBox && cellBox && menuBox.y).toBeGreaterThanOrEqual((cellBox?.y ?? 0) + (cellBox?.height ?? 0));
  await menu.getByRole('menuitem', { name: /^Search the memory/ }).click();
  await expect(phrase).toHaveValue('Hà Nội');
});

test('a fuzzy match shows its score in the grid without focusing the cell; taking it removes the badge', async ({
  review,
  page,
}) => {
  await approveSharedParagraph(review, page);
  const approved = APPROVED;

  const near = SHARED.replace('4일', '5일').replace('하노이시', '호찌민시');
  await paste(page, ['부산시, 일본과 관광 협력 확대', '관계없는 문장이다.', near].join('\n'));
  await review.expectValue('vi', 3, false, '');
  const row3 = review.row(3);
  const badge = row3.locator('[data-testid^="match-vi-"]');
  await expect(badge).toHaveText(/^Match (8[5-9]|9\d)%$/);
  // Whole, not cut to "Match 9…" in the unfocused row's corner.
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(row3.locator('[data-testid^="match-en-"]')).toHaveCount(0);
  await expect(review.row(2).locator('.chip-fuzzy')).toHaveCount(0);
  await review.focus('vi', 3);
  await review.press('vi', 3, 'Control+1');
  await review.expectValue('vi', 3, true, approved);
  await review.focus('vi', 2);
  await expect(badge).toHaveCount(0);
});
