// The largest-units report (`npm run units`): a unit over the limit is listed with its lines of logic, one under
// it is not, comment and blank lines do not count, and test files are left out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { largestUnits } from './largest-units.mjs';

const SCRIPT = join(import.meta.dirname, 'largest-units.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A throwaway tree of source files (path → content), as the repository lays them out. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'largest-units-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A function of exactly `lines` lines of logic (header and closing brace included), padded as asked. */
function fn(name: string, lines: number, pad = ''): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  total += ${i};${pad}`);
  return [`export function ${name}(total: number): number {`, ...body, '}'].join('\n') + '\n';
}

it('lists a 100-line function with its count and leaves a 20-line one out', () => {
  const dir = tree({
    'electron/services/plant/big.ts': `import x from 'y';\n\n${fn('small', 20)}\n${fn('big', 100)}`,
  });
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^\s*100 {2}electron\/services\/plant\/big\.ts:24 {2}big$/m);
  expect(run.stdout).not.toContain('small');
  expect(run.stdout).toContain('1 unit(s) over 80 lines of logic');
});

it('counts lines of logic only, largest first, in every source folder but not in tests', () => {
  const commented = fn('commented', 60, '\n  // a comment line\n');
  const arrow = `export const Panel = () => {\n${'  use();\n'.repeat(88)}  return null;\n};\n`;
  const dir = tree({
    'common/a.ts': commented,
    'renderer/features/p/Panel.tsx': arrow,
    'electron/b.ts': fn('b', 81),
    'electron/b.test.ts': fn('inTest', 200),
    'bench/c.ts': fn('outside', 200),
  });
  expect(largestUnits(dir)).toEqual([
    { file: 'renderer/features/p/Panel.tsx', line: 1, name: 'Panel', lines: 91 },
    { file: 'electron/b.ts', line: 1, name: 'b', lines: 81 },
  ]);
  expect(largestUnits(dir, 50).map((u) => [u.name, u.lines])).toContainEqual(['commented', 60]);
});
