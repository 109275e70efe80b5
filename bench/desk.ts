// `npm run bench:desk`: the team desk against a local PostgreSQL (a throwaway, durable cluster, or
// DESK_BENCH_DATABASE_URL). Two desk server processes' worth of hosts share the database:
//   - 20 and 50 simulated reviewers edit through the HTTP API for DESK_BENCH_SECONDS (default 60) on host A while an
//     observer on host B measures change propagation: edits/s, p95 latency, lost updates (must be 0), p95 fan-out
//     (< 1 s);
//   - shared-memory lookup p95 against DESK_BENCH_UNITS units of one desk (default 1,000,000; < 50 ms), with another
//     desk holding a tenth as many units (the same sentences, other translations) that must never be offered.
// DESK_BENCH_ONLY=load or =memory runs one half.
// Until the storage repository is merged, projects live in host A's JSON store (the edits go to A only); the
// harness needs no change when they move to PostgreSQL.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startDeskServer } from '../electron/desk/server';
import { startPgTestCluster } from '../test/support/pg-cluster';
import { openPostgres, type PostgresDatabase } from '../electron/services/db/postgres';
import { TranslationMemory } from '../electron/services/tm';
import { PostgresTmRepository } from '../electron/services/tm/postgres';
import { p95, prepare, runLoad } from './desk-load';

const env = process.env;
const SECONDS = Number(env.DESK_BENCH_SECONDS ?? 60);
const UNITS = Number(env.DESK_BENCH_UNITS ?? 1_000_000);
const LOOKUP_RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let failed = 0;

function line(
  name: string,
  first: number,
  med: number,
  unit: string,
  target?: { op: '<' | '>=' | '='; value: number },
) {
  const ok =
    !target ||
    (target.op === '<'
      ? med < target.value
      : target.op === '>='
        ? med >= target.value
        : med === target.value);
  if (!ok) failed++;
  const goal = target ? ` (target ${target.op} ${target.value}) ${ok ? 'PASS' : 'FAIL'}` : '';
  console.log(
    `${name}: ${med.toFixed(unit === 'count' ? 0 : 1)} ${unit} (first run ${first.toFixed(1)})${goal}`,
  );
}

/** The desk whose memory is looked up, and another desk sharing the database. */
const DESK = 'main';
const OTHER_DESK = 'sports';

/**
 * `count` generated Korean sentences into a desk's memory, in SQL (fast): sentence `g` is the same in every desk,
 * its translation starts with `word`. Sentences of 10 words drawn by hash from a 5,000-word vocabulary over 2,000
 * Hangul syllables: news-like variety (a small alphabet, or words picked by a linear formula, make thousands of
 * near-duplicates). Hashes as the memory computes them are not needed: lookups of perturbed sentences go the fuzzy way.
 */
async function fill(db: PostgresDatabase, desk: string, count: number, word: string): Promise<void> {
  await sql`INSERT INTO tm_unit (desk, pair_hash, source_hash, lang, source, target, at)
    SELECT ${desk}, 'p' || g, 's' || g, 'vi', s, ${word} || ' ' || g, '2026-01-01T00:00:00Z'
    FROM (SELECT g, (SELECT string_agg(
                       chr(44032 + (w * 31) % 2000) || chr(44032 + (w * 17 + 5) % 2000)
                         || CASE WHEN w % 3 = 0 THEN chr(44032 + (w * 13 + 11) % 2000) ELSE '' END, ' ')
                     FROM (SELECT abs(hashint8(g::bigint * 16 + k) % 5000) AS w FROM generate_series(1, 10) k) words) AS s
          FROM generate_series(1, ${count}) g) t`.execute(db.db);
}

/** Fill two desks' memories, then look up perturbed sentences in one of them. */
async function memoryBench(url: string): Promise<void> {
  const db = await openPostgres(url);
  const t0 = performance.now();
  const otherUnits = Math.round(UNITS / 10);
  await fill(db, DESK, UNITS, 'câu');
  await fill(db, OTHER_DESK, otherUnits, 'khác');
  await sql`ANALYZE tm_unit`.execute(db.db);
  console.log(
    `memory fill: ${UNITS} units in desk '${DESK}' + ${otherUnits} in desk '${OTHER_DESK}' in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
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
  console.log(`memory lookups with a ≥75 % match: ${found} of ${samples.rows.length}`);
  line(`memory lookup p95 (${UNITS} units in the desk)`, runs[0]!, median(runs), 'ms', {
    op: '<',
    value: 50,
  });
  line(`memory matches from another desk`, leaked, leaked, 'count', { op: '=', value: 0 });
  await db.close();
}

async function main(): Promise<void> {
  const cluster = env.DESK_BENCH_DATABASE_URL ? null : await startPgTestCluster({ durable: true });
  const url = env.DESK_BENCH_DATABASE_URL ?? (await cluster!.createDatabase('bench'));
  const work = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  await mkdir(join(work, 'renderer'));
  await writeFile(join(work, 'renderer', 'index.html'), '<html><head></head></html>');
  const start = (n: string) =>
    startDeskServer({
      databaseUrl: url,
      listen: '127.0.0.1:0',
      dataDir: join(work, n),
      rendererDir: join(work, 'renderer'),
      env: {},
    });
  const [a, b] = [await start('a'), await start('b')];
  try {
    for (const reviewers of env.DESK_BENCH_ONLY === 'memory' ? [] : [20, 50]) {
      const tag = `n${reviewers}`;
      const { project, clients } = await prepare(url, a, reviewers, tag);
      const r = await runLoad(a, b, project, clients, SECONDS, tag);
      console.log(`\n${reviewers} reviewers, ${SECONDS} s, ${r.edits} edits`);
      line(`desk ${reviewers} reviewers edits/s`, r.editsPerSecond, r.editsPerSecond, 'edits/s');
      line(`desk ${reviewers} reviewers edit latency p95`, r.p95LatencyMs, r.p95LatencyMs, 'ms');
      line(`desk ${reviewers} reviewers lost updates`, r.lostUpdates, r.lostUpdates, 'count', {
        op: '=',
        value: 0,
      });
      line(`desk ${reviewers} reviewers undelivered events`, r.undelivered, r.undelivered, 'count', {
        op: '=',
        value: 0,
      });
      line(
        `desk ${reviewers} reviewers send-to-other-client p95`,
        r.p95SendToOtherMs,
        r.p95SendToOtherMs,
        'ms',
      );
      line(`desk ${reviewers} reviewers fan-out after ack p95`, r.p95FanoutMs, r.p95FanoutMs, 'ms', {
        op: '<',
        value: 1000,
      });
    }
  } finally {
    await a.close();
    await b.close();
  }
  console.log('');
  if (env.DESK_BENCH_ONLY !== 'load') await memoryBench(url);
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
