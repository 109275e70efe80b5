/**
 * The sign-in door's admission: password hashes are slow on purpose (scrypt, 32 MiB each), so only a few run at
 * once, and waiting sign-ins are admitted in turn per client address (round robin), first come first served within
 * an address. A flood from some addresses then delays a colleague signing in from another by at most one hash per
 * flooding address, never by the whole flood.
 */
export class FairGate {
  private active = 0;
  /** Waiting jobs per key; the Map's order is the round robin (a key served goes to the back). */
  private readonly queues = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {}

  /** Run `job` once admitted under `key` (the client's address). */
  async run<T>(key: string, job: () => Promise<T>): Promise<T> {
    await new Promise<void>((admit) => {
      const queue = this.queues.get(key);
      if (queue) queue.push(admit);
      else this.queues.set(key, [admit]);
      this.pump();
    });
    try {
      return await job();
    } finally {
      this.active--;
      this.pump();
    }
  }

  /** Jobs waiting for admission. */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  private pump(): void {
    while (this.active < this.limit) {
      const first = this.queues.entries().next();
      if (first.done) return;
      const [key, queue] = first.value;
      const admit = queue.shift()!;
      this.queues.delete(key);
      if (queue.length) this.queues.set(key, queue);
      this.active++;
      admit();
    }
  }
}

/** Sign-in attempts per key (a name's skeleton, an address): failures in a window plus those in flight. */
export class AttemptLedger {
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Attempts that count against `key` now. */
  count(key: string): number {
    return this.recent(key).length + (this.inFlight.get(key) ?? 0);
  }

  /** Reserve an attempt for each key before the password is checked; returns the release. */
  reserve(keys: readonly string[]): (outcome: 'ok' | 'failed' | 'error') => void {
    for (const k of keys) this.inFlight.set(k, (this.inFlight.get(k) ?? 0) + 1);
    let done = false;
    return (outcome) => {
      if (done) return;
      done = true;
      for (const k of keys) {
        const n = (this.inFlight.get(k) ?? 1) - 1;
        if (n > 0) this.inFlight.set(k, n);
        else this.inFlight.delete(k);
        if (outcome === 'ok') this.failures.delete(k);
        else if (outcome === 'failed') this.failures.set(k, [...this.recent(k), this.now()]);
      }
    };
  }

  private recent(key: string): number[] {
    const now = this.now();
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
