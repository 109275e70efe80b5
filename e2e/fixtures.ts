import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startWebHost, type WebHost } from '../electron/web';
import { startDeeplServer, type DeeplFake } from './support/deepl-server';
import { ReviewPage } from './pages/review-page';

interface Fixtures {
  /** The DeepL-compatible test server, fresh per test. */
  deepl: DeeplFake;
  /** Environment the app is started with; a test may override it (e.g. no key). */
  appEnv: Record<string, string | undefined>;
  /** The loopback host with an empty data folder, started in this worker. */
  host: WebHost;
  review: ReviewPage;
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  deepl: async ({}, use) => {
    const fake = await startDeeplServer();
    await use(fake);
    await fake.close();
  },
  appEnv: async ({ deepl }, use) => {
    await use({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url });
  },
  host: async ({ appEnv }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'review-e2e-'));
    const host = await startWebHost({ dataDir, port: 0, rendererDir: 'dist/renderer', env: appEnv });
    await use(host);
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  },
  review: async ({ page, host }, use) => {
    await use(new ReviewPage(page, host.url));
  },
});

export { expect } from '@playwright/test';
