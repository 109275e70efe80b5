// `npm run bench:soak`: the model-based integrity test (electron/core/integrity.model.test.ts) as a long soak.
// Runs random operation sequences against the real core and store until SOAK_OPS operations (default 100,000)
// have run, and prints every failing seed and path so it can be replayed:
//   SOAK_SEED=<seed> SOAK_PATH=<path> npm run bench:soak
// SOAK_OPS, SOAK_SEED (first seed, default the time), SOAK_LENGTH (operations per sequence, default 40);
// SOAK_SHRINK=1 also shortens each failing sequence (drops operations while it still fails) and prints the
// shortest, ready to add to test/support/integrity-found.ts. SOAK_PG=1 runs the store on PostgreSQL (the desk's
// database: a throwaway cluster, one database per sequence) instead of the embedded SQLite.
import fc from 'fast-check';
import { opArb, type Op } from '../test/support/integrity-ops';
import { Run } from '../test/support/integrity-run';
import { startPgTestCluster, type PgTestCluster } from '../test/support/pg-cluster';

const env = process.env;
const TOTAL = Number(env.SOAK_OPS ?? 100_000);
const LENGTH = Number(env.SOAK_LENGTH ?? 40);
const firstSeed = Number(env.SOAK_SEED ?? Date.now() % 2 ** 31);
let ops = 0;
let sequences = 0;
const failures: string[] = [];

let cluster: PgTestCluster | null = null;
let databases = 0;

async function sequence(list: Op[], count = true): Promise<void> {
  const run = await Run.start(cluster ? await cluster.createDatabase(`soak${databases++}`) : undefined);
  try {
    for (const op of list) {
      await run.step(op);
      if (count) ops++;
    }
  } finally {
    await run.close();
  }
}

/** The sequence with operations dropped one at a time while it still fails (the shortest this finds). */
async function shorten(list: Op[]): Promise<Op[]> {
  const fails = (l: Op[]) =>
    sequence(l, false).then(
      () => false,
      () => true,
    );
  let best = list;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = best.length - 1; i >= 0; i--) {
      const shorter = best.filter((_, j) => j !== i);
      if (await fails(shorter)) [best, changed] = [shorter, true];
    }
  }
  return best;
}

async function main(): Promise<void> {
  if (env.SOAK_PG) cluster = await startPgTestCluster();
  const started = performance.now();
  let seed = firstSeed;
  let last = seed;
  while (ops < TOTAL) {
    last = seed;
    const result = await fc.check(
      fc.asyncProperty(fc.array(opArb, { minLength: LENGTH, maxLength: LENGTH }), (l) => sequence(l)),
      { numRuns: 10, seed, ...(env.SOAK_PATH ? { path: env.SOAK_PATH } : {}), endOnFailure: true },
    );
    sequences += result.numRuns;
    if (result.failed) {
      const line = `FAILED seed=${result.seed} path=${result.counterexamplePath}: ${String(result.errorInstance).split('\n')[0]}`;
      failures.push(line);
      console.log(line);
      console.log(`  ops: ${JSON.stringify(result.counterexample?.[0])}`);
      if (env.SOAK_SHRINK)
        console.log(`  shortest: ${JSON.stringify(await shorten(result.counterexample![0]))}`);
    }
    if (env.SOAK_PATH) break;
    seed = (seed + 1) % 2 ** 31;
    const s = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r${ops} operations, ${sequences} sequences, ${failures.length} failing, ${s.toFixed(0)} s`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nsoak: ${ops} operations in ${sequences} sequences (seeds ${firstSeed}..${last}, 10 sequences each), ${failures.length} failing, ${seconds.toFixed(0)} s`,
  );
  process.exitCode = failures.length ? 1 : 0;
  await cluster?.stop();
}

void main();
