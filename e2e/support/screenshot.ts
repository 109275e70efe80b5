import { join } from 'node:path';
import { test, type Locator, type Page } from '@playwright/test';

/**
 * A screenshot for people to look at (not compared pixel by pixel). A test run writes it into the test's output
 * folder under test-results/, never over the committed copy; `npm run screenshots` (UPDATE_SCREENSHOTS=1)
 * writes e2e/screenshots/<name>, to be reviewed and committed.
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const path =
    process.env.UPDATE_SCREENSHOTS === '1' ? join('e2e', 'screenshots', name) : test.info().outputPath(name);
  await target.screenshot({ path });
}
