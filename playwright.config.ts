import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Project } from '@playwright/test';

/** Path of the Electron binary, or null where it was never downloaded (the package's index throws then). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const projects: Project[] = [
  {
    name: 'chromium',
    testIgnore: /electron\//,
    use: {
      browserName: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
  },
];
// The desktop window is tested wherever an Electron binary is installed; elsewhere the project is left out.
if (electronBinary()) projects.push({ name: 'electron', testMatch: /electron\/.*\.spec\.ts/ });

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts/,
  // Every temp folder of the run under one, removed at the end (test/support/temp-root.ts).
  globalSetup: './test/support/temp-root.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { viewport: { width: 1440, height: 900 }, locale: 'en-US', trace: 'retain-on-failure' },
  projects,
});
