// `npm run bench:soak`: the model-based integrity test (electron/core/integrity.model.test.ts) as a long soak.
// Runs random operation sequences against the real core and store until SOAK_OPS operations (default 100,000)
// have run, and prints every failing seed and path so it can be replayed:
//   SOAK_SEED=<seed> SOAK_PATH=<path> npm run bench:soak
// SOAK_OPS, SOAK_SEED (first seed, default the time), SOAK_LENGTH (operations per sequence, default 40);
// SOAK_SHRINK=1 shrinks a failure to its shortest sequence (slower; for replaying one seed).
import fc from 'fast-check';
import { opArb, type Op } from '../test/support/integrity-ops';
import { Run } from '../test/support/integrity-run';

const env = process.env;
const TOTAL = Number(env.SOAK_OPS ?? 100_000);
const LENGTH = Number(env.SOAK_LENGTH ?? 40);
const firstSeed = Number(env.SOAK_SEED ?? Date.now() % 2 ** 31);
let ops = 0;
let sequences = 0;
const failures: string[] = [];

async function sequence(list: Op[]): Promise<void> {
  const run = await Run.start();
  try {
    for (const op of list) {
      await run.step(op);
      ops++;
    }
  } finally {
    await run.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  let seed = firstSeed;
  while (ops < TOTAL) {
    const result = await fc.check(
      fc.asyncProperty(fc.array(opArb, { minLength: LENGTH, maxLength: LENGTH }), sequence),
      {
        numRuns: 10,
        seed,
        ...(env.SOAK_PATH ? { path: env.SOAK_PATH } : {}),
        endOnFailure: !env.SOAK_SHRINK,
      },
    );
    sequences += result.numRuns;
    if (result.failed) {
      const line = `FAILED seed=${result.seed} path=${result.counterexamplePath}: ${String(result.errorInstance).split('\n')[0]}`;
      failures.push(line);
      console.log(line);
      console.log(`  ops: ${JSON.stringify(result.counterexample?.[0])}`);
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
    `\nsoak: ${ops} operations in ${sequences} sequences (seeds ${firstSeed}..${seed}), ${failures.length} failing, ${seconds.toFixed(0)} s`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

void main();
