import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startDeeplServer } from '../support/deepl-server';

// Runs only where an Electron binary is installed (see playwright.config.ts): the real desktop window.
test('the desktop window opens the sample, fills it from DeepL, and exposes only the contract', async () => {
  const fake = await startDeeplServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'review-electron-'));
  const app = await electron.launch({
    args: ['dist/electron/main.mjs'],
    env: { ...process.env, REVIEW_DATA_DIR: dataDir, DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fake.url },
  });
  try {
    const page = await app.firstWindow();
    const firstVi = page.locator('[data-testid^="row-"]').first().locator('[data-testid^="cell-vi-"]');
    await expect(firstVi).not.toHaveValue('');
    // The renderer sees the typed API and nothing of Node or Electron.
    // (Page functions run in the window; this file is type-checked without DOM types, hence the casts.)
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as {
        reviewApi?: { translate?: unknown };
        require?: unknown;
        process?: unknown;
      };
      return { api: typeof w.reviewApi?.translate, require: typeof w.require, process: typeof w.process };
    });
    expect(globals).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
    // No way out of the app: pop-ups are denied and navigation is blocked.
    const opened = await page.evaluate(
      () => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null,
    );
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    await fake.close();
  }
});
