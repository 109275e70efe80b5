import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'locales/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'e2e/support/**/*.test.ts',
      'common/**/*.test.{ts,tsx}',
      'tools/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
