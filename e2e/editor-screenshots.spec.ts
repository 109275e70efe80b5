import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';

// The editor's screens in each UI language, committed under e2e/screenshots/ and looked at by people: the grid
// with an edited cell and its diff against the machine, the Korean diff of a revised paragraph, a filter with a
// search, and the shortcut sheet. Each asserts that no raw i18n key leaked into the page.
const SAMPLE = readFileSync('samples/newsis-seoul-vietnam-smart-mobility.ko.txt', 'utf8');
const RAW_KEY = /\b(editor|review|common|projects)[.:][a-zA-Z-]+\.[a-zA-Z-]+\b/;

for (const lng of ['en', 'ko', 'vi'] as const) {
  test(`editor screens in ${lng}`, async ({ review, page }) => {
    await review.open();
    await review.expectValue('en', 1, true, /Oh Se-hoon/);
    await review.setUiLanguage(lng);
    const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);

    // Grid: one edited cell with its diff against the machine text, another approved.
    await review.press('vi', 1, 'Control+Enter');
    const text = await review.value('vi', 2);
    await review.fill('vi', 2, text.replace(/^(\S+)/, '$1 mới'));
    await page.keyboard.press('Alt+d');
    await expect(review.row(2).locator('.mt-diff ins')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText(/✓/);
    await noRawKeys();
    await screenshot(page, `${lng}-grid.png`);

    // Filter and search.
    await page.getByTestId('filter-select').selectOption('needsReview');
    await page.getByTestId('search').fill('서울');
    await expect(page.locator('.source-text mark').first()).toBeVisible();
    await noRawKeys();
    await screenshot(page, `${lng}-filters.png`);
    await page.getByTestId('search').fill('');
    await page.getByTestId('filter-select').selectOption('all');

    // Shortcut sheet.
    await page.getByTestId('search').press('F1');
    await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
    await noRawKeys();
    await screenshot(page, `${lng}-shortcuts.png`);
    await page.keyboard.press('Escape');

    // Korean diff of a paragraph the revised article changed.
    await page.getByTestId('revised-input').setInputFiles({
      name: 'revised.ko.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(SAMPLE.replace('2시20분', '2시30분')),
    });
    await page.getByTestId('filter-select').selectOption('changed');
    const changed = review.rows().first();
    await changed.locator('.diff-toggle').click();
    await expect(changed.locator('[data-testid^="ko-diff-"] ins')).toBeVisible();
    await noRawKeys();
    await screenshot(page, `${lng}-diff.png`);
  });
}
