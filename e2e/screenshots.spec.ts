import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';

// What a reviewer sees, in each UI language: committed under e2e/screenshots/ and looked at by people, not
// compared pixel by pixel. Each screen also asserts that no raw i18n key leaked into it.
const UI = [
  { lng: 'en', machine: 'Machine', export: 'Export…', settings: 'Settings' },
  { lng: 'ko', machine: '기계 번역', export: '내보내기…', settings: '설정' },
  { lng: 'vi', machine: 'Máy dịch', export: 'Xuất…', settings: 'Cài đặt' },
] as const;

const RAW_KEY =
  /\b(common|review|export|settings|projects|translate|errors|qa|cell|row|header|status|kind)[.:][a-zA-Z-]+\b/;

for (const ui of UI) {
  test(`screens in ${ui.lng}`, async ({ review, page }) => {
    await review.open();
    await review.expectValue('en', 1, false, '');
    await expect(review.mtSummary()).toBeVisible();
    await review.setUiLanguage(ui.lng);

    // Approve the headline, edit a sub-headline (typographic quotes, as an editor would): every status colour shows.
    await review.press('vi', 1, 'Control+Enter');
    await expect(review.status('vi', 1)).not.toHaveText(ui.machine);
    await review.fill('vi', 3, (await review.value('vi', 3)).replace(/^"(.*)"$/, '“$1”'));
    await review.cell('vi', 3).blur();
    await expect(review.status('vi', 3)).not.toHaveText(ui.machine);
    await review.focus('en', 1);
    const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
    await noRawKeys();
    await screenshot(page, `${ui.lng}-review.png`);

    await page.getByRole('button', { name: ui.export, exact: true }).click();
    const exportDialog = page.getByTestId('export-dialog');
    await expect(exportDialog.getByTestId('export-preview-vi')).toContainText(/1\D+17|17\D+1/);
    await noRawKeys();
    await screenshot(page, `${ui.lng}-export.png`);
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();

    await page.getByRole('button', { name: ui.settings, exact: true }).click();
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    await noRawKeys();
    await screenshot(page, `${ui.lng}-settings.png`);
  });
}
