// The import-graph check `npm run lint` runs: the real tree has no cycle and no upward import, and a cycle or an
// upward import planted in a tree of real files makes the check fail (exit 1) and name it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cycles, domainCycles, importGraph, problems, type Graph } from './import-graph.mjs';

const SCRIPT = join(import.meta.dirname, 'import-graph.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A throwaway tree of source files (path → content), as the repository lays them out. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** What the check finds in a tree, in this process (the exit code is tested on the real tree and one plant). */
const found = (dir: string): string[] => problems(importGraph(dir));

function check(dir?: string): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...(dir ? [dir] : [])], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** A layered tree without problems: db below the domains, the composition root passing migrations in. */
const CLEAN = {
  'electron/contract.ts': 'export type Lang = string;\n',
  'electron/services/db/index.ts': "import type { Lang } from '../../contract';\nexport const open = 1;\n",
  'electron/services/tm/migrations.ts': "import { open } from '../db';\nexport const TM = [open];\n",
  'electron/services/export/index.ts':
    "import { base } from '../interchange/baseline';\nexport const x = base;\n",
  'electron/services/interchange/baseline.ts': "import { open } from '../db';\nexport const base = open;\n",
  'electron/core/migrations.ts': "import { TM } from '../services/tm/migrations';\nexport const ALL = TM;\n",
  'electron/handlers.ts': "import { ALL } from './core/migrations';\nexport const core = ALL;\n",
};

describe('tools/import-graph.mjs', () => {
  it('finds nothing in the real tree, and exits 0', () => {
    expect(problems(importGraph())).toEqual([]);
    expect(check()).toEqual({ status: 0, stderr: '' });
  });

  it('passes a clean layered tree', () => {
    expect(found(tree(CLEAN))).toEqual([]);
  });

  it('fails on a file cycle through a type-only import (db knowing a domain), naming the files', () => {
    const dir = tree({
      ...CLEAN,
      'electron/services/db/index.ts':
        "import type { TM } from '../tm/migrations';\nexport const open = 1;\n",
    });
    const { status, stderr } = check(dir);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'import cycle (2 files): electron/services/db/index.ts, electron/services/tm/migrations.ts',
    );
    expect(stderr).toContain(
      'upward import: electron/services/db/index.ts → electron/services/tm/migrations.ts',
    );
  });

  it('fails on a cycle through a dynamic import', () => {
    const dir = tree({
      ...CLEAN,
      'electron/services/tm/a.ts': "export const a = () => import('./b');\n",
      'electron/services/tm/b.ts': "import { a } from './a';\nexport const b = a;\n",
    });
    expect(found(dir)).toEqual([
      'import cycle (2 files): electron/services/tm/a.ts, electron/services/tm/b.ts',
    ]);
  });

  it('fails on a cycle between domain folders that no file cycle shows', () => {
    const dir = tree({
      ...CLEAN,
      'electron/services/interchange/omegat.ts':
        "import { rows } from '../export/rows';\nexport const o = rows;\n",
      'electron/services/export/rows.ts': 'export const rows = 1;\n',
    });
    const graph = importGraph(dir);
    expect(cycles(graph)).toEqual([]);
    expect(domainCycles(graph)).toEqual([['export', 'interchange']]);
    expect(problems(graph)).toEqual(['domain cycle: services/{export,interchange}']);
  });

  it('lets a test drive any domain (tests are left out of domain cycles and layers)', () => {
    const dir = tree({
      ...CLEAN,
      'electron/services/interchange/omegat.test.ts':
        "import { x } from '../export';\nimport { ALL } from '../../core/migrations';\nexport const t = [x, ALL];\n",
    });
    expect(found(dir)).toEqual([]);
  });

  it('fails on an upward import (a domain importing the core)', () => {
    const dir = tree({
      ...CLEAN,
      'electron/services/tm/memory.ts':
        "import { ALL } from '../../core/migrations';\nexport const m = ALL;\n",
    });
    expect(found(dir)).toEqual([
      'upward import: electron/services/tm/memory.ts → electron/core/migrations.ts',
    ]);
  });

  it('reports exactly the files that lie on a cycle, for any graph', () => {
    const edges = fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 20 });
    fc.assert(
      fc.property(edges, (pairs) => {
        const graph: Graph = new Map();
        for (let i = 0; i < 8; i++) graph.set(`f${i}`, []);
        for (const [a, b] of pairs) graph.get(`f${a}`)!.push(`f${b}`);
        // A file is on a cycle when it reaches itself: the model, by plain search.
        const reaches = (from: string, to: string): boolean => {
          const seen = new Set<string>();
          const todo = [...graph.get(from)!];
          while (todo.length) {
            const v = todo.pop()!;
            if (v === to) return true;
            if (seen.has(v)) continue;
            seen.add(v);
            todo.push(...graph.get(v)!);
          }
          return false;
        };
        const onCycle = [...graph.keys()].filter((f) => reaches(f, f)).sort();
        const found = cycles(graph);
        expect(found.flat().sort()).toEqual(onCycle);
        // Each reported cycle is one strongly connected group: every file in it reaches every other.
        for (const c of found) for (const a of c) for (const b of c) expect(reaches(a, b)).toBe(true);
      }),
    );
  });
});
