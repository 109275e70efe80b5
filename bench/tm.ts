// `npx tsx bench/tm.ts`: translation-memory lookup against 100,000 and 1,000,000 stored units in an SQLite file
// (target: p95 < 50 ms). The memory is filled with synthetic Korean news paragraphs of one to three sentences
// (bench/tm-corpus.ts) in batched transactions; queries mix exact repeats, paragraphs differing by a figure, and
// new paragraphs (often near misses of stored ones, as in real wire copy).
// Printed: build time, then lookup median and p95 over the queries and the first lookup (cold statements).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../electron/services/db';
import { TranslationMemory, type ApprovedRow } from '../electron/services/tm/memory';
import { SqliteTmRepository } from '../electron/services/tm/sqlite';
import { paragraphs } from './tm-corpus';
import { EMBEDDED_DESK } from '../electron/services/db/desk-scope';
import { ALL_MIGRATIONS } from '../electron/core/migrations';

/** The desk whose memory is measured (the embedded app's). */
const D = EMBEDDED_DESK;

const TARGET_P95_MS = 50;
const SIZES = (process.env.TM_BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const QUERIES = 300;
const BATCH = 50_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tm-bench-'));
  const database = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
  const tm = new TranslationMemory(new SqliteTmRepository(database));
  const next = paragraphs(42);
  const stored: string[] = [];
  let failed = false;
  try {
    let have = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      while (have < size) {
        const rows: ApprovedRow[] = [];
        for (let i = 0; i < Math.min(BATCH, size - have); i++) {
          const source = next();
          if (stored.length < 20_000) stored.push(source);
          rows.push({
            source,
            target: `Bản dịch ${have + i}`,
            lang: 'vi',
            at: new Date(1_700_000_000_000 + have + i).toISOString(),
            projectName: 'bench',
            reviewer: 'bench',
          });
        }
        await tm.remember(D, rows);
        have += rows.length;
      }
      const count = await tm.repo.count(D);
      console.log(
        `tm build ${size.toLocaleString('en-US')}: ${((performance.now() - t0) / 1000).toFixed(1)} s (${count.toLocaleString('en-US')} distinct units)`,
      );
      const probe = paragraphs(size + 7);
      const queries = Array.from({ length: QUERIES }, (_, i) => {
        const known = stored[(i * 7919) % stored.length]!;
        if (i % 3 === 0) return known; // exact repeat
        if (i % 3 === 1) return known.replace(/\d/, (d) => String((Number(d) + 1) % 10)); // a figure changed
        return probe(); // new text (often a near miss of stored units, as in real wire copy)
      });
      const times: number[] = [];
      const cpu: number[] = [];
      let found = 0;
      for (const source of queries) {
        const c = process.cpuUsage();
        const s = performance.now();
        const m = await tm.lookup(D, { source, lang: 'vi' });
        times.push(performance.now() - s);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        if (m.length) found++;
      }
      const p95 = pct(times, 0.95);
      const ok = p95 < TARGET_P95_MS;
      failed ||= !ok;
      console.log(`tm lookup ${size.toLocaleString('en-US')} units first: ${times[0]!.toFixed(2)} ms`);
      console.log(`tm lookup ${size.toLocaleString('en-US')} units median: ${pct(times, 0.5).toFixed(2)} ms`);
      // CPU time of this process per lookup: what the lookup costs, without the wait for a CPU on a loaded machine.
      console.log(
        `tm lookup ${size.toLocaleString('en-US')} units CPU time median / p95: ${pct(cpu, 0.5).toFixed(2)} / ${pct(cpu, 0.95).toFixed(2)} ms (informational)`,
      );
      console.log(
        `tm lookup ${size.toLocaleString('en-US')} units p95: ${p95.toFixed(2)} ms (target < ${TARGET_P95_MS} ms) ${ok ? 'PASS' : 'FAIL'}   [${found}/${QUERIES} queries matched]`,
      );
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
