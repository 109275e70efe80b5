import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers: `quick` (the inner loop: `npm run test:quick`, under 90 s; two workers: vitest's default, one
// fewer than the cores, is a single worker on a 2-core machine) and `slow`; `vitest run` (`npm run
// test:unit`, `npm test`) runs both. A test file is slow, and left out of the quick tier, when
//   - it uses one of the heavy harnesses in SLOW_HARNESSES (a throwaway PostgreSQL cluster, a desk server on one,
//     the SIGKILL crash loop, OmegaT or translate-toolkit, test/support/real-tools), found by what the file imports or runs, or
//   - it says so on a line of its own, `// @slow: <why>` (for anything else slow: fuzzing every method, zip bombs).
// A new slow test is kept out by the harness it uses, or by that line: there is no list to keep up to date.
const SLOW_HARNESSES: RegExp[] = [
  /test\/support\/pg-(cluster|database)['"]/,
  /test\/support\/desk(-project)?['"]/,
  /test\/support\/crash-driver['"]/,
  /test\/support\/real-tools['"]/,
  /OmegaT\.jar|['"]java['"]/,
  /import translate\b/,
  /^\/\/ @slow:/m,
];
const FOLDERS = ['electron', 'renderer', 'common', 'locales', 'e2e/support', 'test', 'tools'];

const include = FOLDERS.map((f) => `${f}/**/*.test.{ts,tsx}`);

function testFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const root = import.meta.dirname;
const slow = FOLDERS.flatMap((f) => testFiles(join(root, f)))
  .filter((f) => SLOW_HARNESSES.some((re) => re.test(readFileSync(f, 'utf8'))))
  .map((f) => relative(root, f).split('\\').join('/'));

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Every temp folder of the run under one, removed at the end (test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
    projects: [
      { extends: true, test: { name: 'quick', include, exclude: [...configDefaults.exclude, ...slow] } },
      { extends: true, test: { name: 'slow', include: slow.length > 0 ? slow : ['no-slow-test-files'] } },
    ],
  },
});
