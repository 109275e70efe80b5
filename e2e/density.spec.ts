import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A laptop must show enough of the article to work in (issue #22): rows wholly inside the grid's viewport, with
// the sample article, machine text filled, the reviewer-name prompt answered and nothing focused.
async function rowsVisible(page: Page): Promise<number> {
  return page.getByTestId('grid').evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const rows = [...grid.querySelectorAll('[data-testid^="row-"]')];
    return rows.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top - 1 && b.bottom <= box.bottom + 1 && b.height > 0;
    }).length;
  });
}

for (const size of [
  { width: 1366, height: 768, min: 8 },
  { width: 1920, height: 1080, min: 14 },
]) {
  test(`at least ${size.min} rows at ${size.width}×${size.height}`, async ({ review, page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await review.open();
    await review.expectValue('en', 1, false, '');
    await expect(review.mtSummary()).toBeVisible();
    await page.getByRole('button', { name: 'Later' }).click();
    const n = await rowsVisible(page);
    console.log(`rows visible at ${size.width}x${size.height}: ${n}`);
    expect(n).toBeGreaterThanOrEqual(size.min);
  });
}
