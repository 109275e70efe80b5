import { describe, expect, it } from 'vitest';
import { ACKS_PER_ROUND, runCrashLoop } from '../../../test/support/crash-driver';

// Kill -9 the loopback host at random moments while edits and approvals stream in: nothing acknowledged is lost.
describe('crash safety', () => {
  it('keeps every acknowledged change across 50 SIGKILLs and the database stays sound', async () => {
    const report = await runCrashLoop(50);
    expect(report.kills).toBe(50);
    expect(report.acknowledged).toBeGreaterThanOrEqual(50 * ACKS_PER_ROUND.min);
    expect(report.lost).toBe(0);
    expect(report.integrityFailures).toBe(0);
  }, 600_000);
});
