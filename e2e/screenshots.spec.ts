import { expect, test } from './fixtures';

// What a reviewer sees, in each UI language: committed under e2e/screenshots/ and looked at by people, not
// compared pixel by pixel. Each screen also asserts that no raw i18n key leaked into it.
const UI = [
  { lng: 'en', export: 'Export…', settings: 'Settings' },
  { lng: 'ko', export: '내보내기…', settings: '설정' },
  { lng: 'vi', export: 'Xuất…', settings: 'Cài đặt' },
] as const;

for (const ui of UI) {
  test(`screens in ${ui.lng}`, async ({ review, page }) => {
    await review.open();
    await page
      .getByRole('combobox', { name: /Interface language|인터페이스 언어|Ngôn ngữ giao diện/ })
      .selectOption(ui.lng);
    await expect(page.locator('html')).toHaveAttribute('lang', ui.lng);
    await expect(review.cell('en', 1)).not.toHaveValue('');
    await expect(page.getByRole('status').filter({ hasText: /\d/ }).first()).toBeVisible();
    // Approve a couple of cells so the screenshot shows every status.
    await review.cell('vi', 1).press('Control+Enter');
    await review.cell('vi', 2).fill((await review.cell('vi', 2).inputValue()) + ' ');
    await review.cell('vi', 2).blur();
    await expect(page.locator('[data-testid^="status-vi-"]').nth(1)).not.toHaveText(/machine|기계|Máy/i);
    const noRawKeys = async () =>
      expect(await page.locator('body').innerText()).not.toMatch(
        /\b(cell|export|settings|header|errors)\.[a-zA-Z]+\b/,
      );
    await noRawKeys();
    await page.screenshot({ path: `e2e/screenshots/${ui.lng}-review.png` });

    await page.getByRole('button', { name: ui.export }).click();
    await expect(page.getByTestId('export-preview')).toContainText(/15/);
    await noRawKeys();
    await page.screenshot({ path: `e2e/screenshots/${ui.lng}-export.png` });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: ui.settings, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await noRawKeys();
    await page.screenshot({ path: `e2e/screenshots/${ui.lng}-settings.png` });
  });
}
