import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';

// Every screen a reviewer meets, in each UI language, at a laptop's and a desktop's size: looked at by people
// (see support/screenshot.ts: `npm run screenshots` writes e2e/screenshots/), and checked here for raw i18n keys
// and for a dialog that fits the window.
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const RAW_KEY =
  /\b(common|review|export|settings|projects|translate|errors|qa|editor|menu|tm|desk|storage)[.:][a-zA-Z-]+\.[a-zA-Z-]+\b/;
async function shot(page: Page, name: string): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
  await screenshot(page, `${name}.png`);
}

/** Open a dialog by a key or a click, take its picture, close it with Esc (every dialog closes so). */
async function dialog(page: Page, testId: string, name: string, open: () => Promise<void>): Promise<void> {
  await open();
  const root = page.getByTestId(testId);
  await expect(root).toBeVisible();
  const box = await root.boundingBox();
  const view = page.viewportSize();
  expect(box && view && box.y + box.height <= view.height + 1, `${testId} fits the window`).toBe(true);
  // Focus moves into a dialog as it opens; Escape is pressed there, as a person would.
  await expect.poll(() => root.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
  await shot(page, name);
  await page.keyboard.press('Escape');
  await expect(root).toBeHidden();
}

for (const lng of ['en', 'ko', 'vi'] as const)
  for (const size of SIZES)
    test(`screens in ${lng} at ${size.width}×${size.height}`, async ({ review, page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(size);
      await review.open();
      await review.expectValue('en', 1, false, '');
      await review.setUiLanguage(lng);
      const at = `${lng}-${size.width}`;
      await page.getByTestId('reviewer-prompt').getByRole('button').last().click();
      await review.focus('vi', 2);
      await shot(page, `${at}-review`);

      await page.getByTestId('article-menu').click();
      await expect(page.getByRole('menu')).toBeVisible();
      await shot(page, `${at}-menu-article`);
      await page.keyboard.press('Escape');

      const header = (i: number) => () => page.getByRole('toolbar').getByRole('button').nth(i).click();
      // Tool bar order: Article, Machine, Terms, Check, Export…, Settings, Help.
      await dialog(page, 'terms-dialog', `${at}-terms`, header(2));
      await dialog(page, 'export-dialog', `${at}-export`, header(4));
      await dialog(page, 'settings-dialog', `${at}-settings`, header(5));
      await dialog(page, 'settings-dialog', `${at}-settings-house-style`, async () => {
        await header(5)();
        await page.getByTestId('house-style').scrollIntoViewIfNeeded();
      });
      await dialog(page, 'about-dialog', `${at}-help`, header(6));
      await review.focus('vi', 2);
      await dialog(page, 'replace-dialog', `${at}-replace`, async () => {
        await page.keyboard.press('Control+h');
        await page.keyboard.type('Seoul');
        await expect(page.getByTestId('replace-list')).toBeVisible();
      });
      await review.focus('vi', 2);
      await dialog(page, 'history-dialog', `${at}-history`, () => page.keyboard.press('Control+Shift+H'));
      await review.focus('vi', 2);
      await dialog(page, 'comment-dialog', `${at}-comment`, () => page.keyboard.press('Shift+F2'));
      await review.focus('vi', 2);
      await page.keyboard.press('Escape');
      await dialog(page, 'shortcut-sheet', `${at}-shortcuts`, () => page.keyboard.press('F1'));
      await header(3)();
      await expect(page.getByTestId('qa-panel')).toBeVisible();
      await shot(page, `${at}-qa-panel`);
    });
