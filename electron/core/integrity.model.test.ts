/**
 * The model-based integrity test (issue #17): random sequences of what reviewers and the system do, against the
 * real core and store and a small reference model (test/support/integrity-*.ts). A fixed seed budget runs here,
 * after the sequences the soak found (shortened), so each stays fixed; `npm run bench:soak` runs the long soak and
 * prints failing seeds and paths for replay.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { found } from '../../test/support/integrity-found';
import { opArb, type Op } from '../../test/support/integrity-ops';
import { Run } from '../../test/support/integrity-run';

async function runs(ops: Op[]): Promise<void> {
  const run = await Run.start();
  try {
    for (const op of ops) await run.step(op);
  } finally {
    await run.close();
  }
}

describe('model-based integrity', () => {
  it('every acknowledged state survives restarts; undo, history and approvals are exactly what happened', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), runs), {
      numRuns: 20,
      seed: 1707,
      endOnFailure: true,
      examples: found.map((ops) => [ops]),
    });
  }, 120_000);
});
