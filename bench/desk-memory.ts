// The shared-memory half of `npm run bench:desk`: lookups against a desk's memory of DESK_BENCH_UNITS units, with
// another desk in the same database whose units must never be offered.
import { sql } from 'kysely';
import { openPostgres, type PostgresDatabase } from '../electron/services/db/postgres';
import { TranslationMemory } from '../electron/services/tm';
import { PostgresTmRepository } from '../electron/services/tm/postgres';
import { ALL_MIGRATIONS } from '../electron/core/migrations';
import { p95 } from './desk-load';
import { line } from './desk-report';

const UNITS = Number(process.env.DESK_BENCH_UNITS ?? 1_000_000);
const MID_UNITS = Number(process.env.DESK_BENCH_MID_UNITS ?? 20_000);
const LOOKUP_RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The desk whose memory is looked up, and another desk sharing the database. */
const DESK = 'main';
const OTHER_DESK = 'sports';

/**
 * Generated Korean sentences `from`…`to` into a desk's memory, in SQL (fast): sentence `g` is the same in every desk,
 * its translation starts with `word`. Sentences of 10 words drawn by hash from a 5,000-word vocabulary over 2,000
 * Hangul syllables: news-like variety (a small alphabet, or words picked by a linear formula, make thousands of
 * near-duplicates). Hashes as the memory computes them are not needed: lookups of perturbed sentences go the fuzzy way.
 */
async function fill(
  db: PostgresDatabase,
  desk: string,
  from: number,
  to: number,
  word: string,
): Promise<void> {
  await sql`INSERT INTO tm_unit (desk, pair_hash, source_hash, lang, source, target, at)
    SELECT ${desk}, 'p' || g, 's' || g, 'vi', s, ${word} || ' ' || g, '2026-01-01T00:00:00Z'
    FROM (SELECT g, (SELECT string_agg(
                       chr(44032 + (w * 31) % 2000) || chr(44032 + (w * 17 + 5) % 2000)
                         || CASE WHEN w % 3 = 0 THEN chr(44032 + (w * 13 + 11) % 2000) ELSE '' END, ' ')
                     FROM (SELECT abs(hashint8(g::bigint * 16 + k) % 5000) AS w FROM generate_series(1, 10) k) words) AS s
          FROM generate_series(${from}::int, ${to}::int) g) t`.execute(db.db);
}

/**
 * Fill two desks' memories, then look up perturbed sentences in one of them: at a memory of DESK_BENCH_MID_UNITS
 * (20,000: where pg_trgm's planner once preferred reading every unit to its index, 170 ms a lookup), then at
 * DESK_BENCH_UNITS.
 */
export async function memoryBench(url: string): Promise<void> {
  const db = await openPostgres(url, ALL_MIGRATIONS);
  let filled = 0;
  for (const size of [...new Set([Math.min(MID_UNITS, UNITS), UNITS])]) {
    const t0 = performance.now();
    await fill(db, DESK, filled + 1, size, 'câu');
    await fill(db, OTHER_DESK, Math.round(filled / 10) + 1, Math.round(size / 10), 'khác');
    filled = size;
    await sql`ANALYZE tm_unit`.execute(db.db);
    const took = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `memory fill: ${size} units in desk '${DESK}' + ${size / 10} in desk '${OTHER_DESK}' in ${took} s`,
    );
    await lookups(db, size);
  }
  await db.close();
}

/** 200 near matches looked up LOOKUP_RUNS times in a memory of `size` units: p95, found, leaked from the other desk. */
async function lookups(db: PostgresDatabase, size: number): Promise<void> {
  const memory = new TranslationMemory(new PostgresTmRepository(db));
  // The first sentences: the other desk holds each of them too (with another translation).
  const samples = await sql<{
    source: string;
  }>`SELECT source FROM tm_unit WHERE desk = ${DESK} ORDER BY id LIMIT 200`.execute(db.db);
  const runs: number[] = [];
  let found = 0;
  let leaked = 0;
  for (let run = 0; run < LOOKUP_RUNS; run++) {
    const times: number[] = [];
    for (const { source } of samples.rows) {
      const query = source.slice(0, -3) + '협력'; // a near match, as a revised sentence would be
      const t = performance.now();
      const matches = await memory.lookup(DESK, { lang: 'vi', source: query });
      times.push(performance.now() - t);
      if (run === 0 && matches.length) found++;
      if (run === 0) leaked += matches.filter((m) => m.target.startsWith('khác')).length;
    }
    runs.push(p95(times));
  }
  console.log(`memory lookups with a ≥75 % match (${size} units): ${found} of ${samples.rows.length}`);
  line(`memory lookup p95 (${size} units in the desk)`, runs[0]!, median(runs), 'ms', { op: '<', value: 50 });
  line(`memory matches from another desk (${size} units)`, leaked, leaked, 'count', { op: '=', value: 0 });
}
