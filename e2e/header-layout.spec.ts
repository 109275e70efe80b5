import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/** Whether `inner` lies wholly inside `outer` on screen (not cut off by its overflow). */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.x >= b.x && a.x + a.width <= b.x + b.width + 0.5 && a.width > 0;
}

for (const lng of ['en', 'ko', 'vi'] as const)
  test(`at 1366×768 in ${lng}, a long file name is cut with an ellipsis but stays readable, and "Reopen as" and every header control stay on screen`, async ({
    review,
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await review.open();
    await review.setUiLanguage(lng);
    const name = 'newsis-seoul-vietnam-smart-mobility-cooperation-2022-08-04-final.ko.txt';
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from('서울시 협력 발표\n서울시는 베트남과 협력한다고 밝혔다.'),
    });
    await expect(review.title()).toHaveText('서울시 협력 발표');
    const info = page.getByTestId('source-info');
    const reopen = info.getByRole('combobox');
    await expect(reopen).toBeVisible();
    // The whole select is inside the header's title block: it can be seen and clicked, not clipped away.
    expect(await within(reopen, page.locator('.subline'))).toBe(true);
    // The file name keeps a readable width beside it (it shrank to "N…" in Vietnamese): about 20 characters.
    const nameBox = await info.locator('.source-name').boundingBox();
    expect(nameBox?.width ?? 0).toBeGreaterThanOrEqual(120);
    // No control of the header is pushed out of the window.
    const controls = page.locator('.topbar').locator('button, select');
    for (let i = 0; i < (await controls.count()); i++) {
      const box = await controls.nth(i).boundingBox();
      if (!box) continue; // not shown (e.g. a closed menu's items)
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
    }
    // The name itself is whole on hover.
    await expect(info.locator('.source-name')).toHaveAttribute(
      'title',
      new RegExp(name.replace(/[.]/g, '\\.')),
    );
  });
