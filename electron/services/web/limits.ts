/**
 * A token bucket: `capacity` requests at once, refilled at `perSecond`. The host runs one for failed sign-ins
 * (guessing) and one for API calls (a runaway or hostile page), so neither can flood the services.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.tokens = capacity;
    this.last = clock();
  }

  /** Take one token; false when the bucket is empty (the caller answers 429). */
  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * One {@link RateLimiter} per key (a client address): one address spending its attempts never refuses another's.
 * Past `maxKeys` addresses the oldest are forgotten (they start again with a full bucket).
 */
export class PerKeyLimiter {
  private readonly buckets = new Map<string, RateLimiter>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = new RateLimiter(this.capacity, this.perSecond);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}

/** `decodeURIComponent` that reports a malformed `%` sequence as null instead of throwing (→ 400, not 500). */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
