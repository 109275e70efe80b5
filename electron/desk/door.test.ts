import { describe, expect, it } from 'vitest';
import { AttemptLedger, FairGate } from './door';

describe('sign-in door admission', () => {
  it('admits a real sign-in within one round while 300 bogus ones wait', async () => {
    const gate = new FairGate(2);
    const order: string[] = [];
    const releases: Array<() => void> = [];
    const job = (name: string) => () =>
      new Promise<void>((done) => {
        order.push(name);
        releases.push(done);
      });
    // 300 bogus sign-ins from three addresses are queued first.
    const flood = Array.from({ length: 300 }, (_, i) => gate.run(`10.0.0.${i % 3}`, job(`bogus${i}`)));
    expect(gate.waiting).toBe(298);
    const real = gate.run('192.168.1.20', job('real'));
    await new Promise((r) => setImmediate(r));
    // Let hashes finish one at a time until the real one runs.
    while (!order.includes('real')) {
      const next = releases.shift();
      if (!next) throw new Error('nothing running');
      next();
      await new Promise((r) => setImmediate(r));
    }
    // Admitted after at most one hash per flooding address (round robin), not after the 300.
    expect(order.indexOf('real')).toBeLessThanOrEqual(2 + 3);
    for (const r of releases.splice(0)) r();
    while (gate.waiting > 0 || releases.length) {
      for (const r of releases.splice(0)) r();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all([...flood, real]);
    expect(order).toHaveLength(301);
  });

  it('never runs more hashes at once than its limit', async () => {
    const gate = new FairGate(2);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gate.run(`a${i % 4}`, async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setImmediate(r));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('counts attempts in flight before their outcome, and failures for the window', () => {
    let now = 0;
    const ledger = new AttemptLedger(1000, () => now);
    const releases = Array.from({ length: 3 }, () => ledger.reserve(['n:boss', 'a:1']));
    expect(ledger.count('n:boss')).toBe(3);
    releases[0]!('failed');
    releases[1]!('error');
    releases[1]!('failed'); // a second release of the same attempt changes nothing
    expect(ledger.count('n:boss')).toBe(2); // one failure + one in flight
    releases[2]!('ok');
    expect(ledger.count('n:boss')).toBe(0); // a success clears the name's failures
    ledger.reserve(['a:1'])('failed');
    now = 1500;
    expect(ledger.count('a:1')).toBe(0);
  });
});
