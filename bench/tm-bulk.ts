// `npx tsx bench/tm-bulk.ts`: the memory's offered matches row by row (`lookup` per row) against one bulk lookup
// (`lookupMany`) on SQLite, with 20,000 stored units: the grid's badges for 200 visible rows and the review
// report for a 2,000-row article (a third exact repeats, a third with a figure changed, a third new text).
// Printed: median of 5 runs for each, and whether both paths gave the same matches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openSqlite } from '../electron/services/db';
import { TranslationMemory } from '../electron/services/tm/memory';
import { SqliteTmRepository } from '../electron/services/tm/sqlite';
import { paragraphs } from './tm-corpus';
import { EMBEDDED_DESK } from '../electron/services/db/desk-scope';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

const D = EMBEDDED_DESK;
const UNITS = 20_000;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  let out!: T;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = await run();
    times.push(performance.now() - t0);
  }
  return [median(times), out];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tm-bulk-bench-'));
  const database = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
  const tm = new TranslationMemory(new SqliteTmRepository(database));
  try {
    const next = paragraphs(42);
    const stored = Array.from({ length: UNITS }, () => next());
    const at = (i: number) => new Date(1_700_000_000_000 + i).toISOString();
    await tm.remember(
      D,
      stored.map((source, i) => ({ source, target: `Bản dịch ${i}`, lang: 'vi' as const, at: at(i) })),
    );
    const probe = paragraphs(7);
    const sources = Array.from({ length: 2_000 }, (_, i) => {
      const known = stored[(i * 7919) % stored.length]!;
      if (i % 3 === 0) return known;
      if (i % 3 === 1) return known.replace(/\d/, (d) => String((Number(d) + 1) % 10));
      return probe();
    });
    const rows = sources.map((source, i) => ({ source, previous: sources[i - 1], next: sources[i + 1] }));
    for (const [name, list] of [
      ['badges, 200 visible rows', rows.slice(0, 200)],
      ['report, 2,000-row article', rows],
    ] as const) {
      const [single, a] = await time(() => Promise.all(list.map((r) => tm.lookup(D, { ...r, lang: 'vi' }))));
      const [bulk, b] = await time(() => tm.lookupMany(D, 'vi', list));
      console.log(
        `tm offered ${name}: per row ${single.toFixed(0)} ms, bulk ${bulk.toFixed(0)} ms (median of ${RUNS}; same matches: ${isDeepStrictEqual(a, b)})`,
      );
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
