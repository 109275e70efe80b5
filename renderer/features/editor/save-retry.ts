/** A failed save is retried after this, doubling up to {@link MAX_RETRY_MS}. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** The timers the save queue uses (injected in unit tests). */
export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

/** One pending retry of the save queue, backing off from {@link FIRST_RETRY_MS} to {@link MAX_RETRY_MS}. */
export class RetrySchedule {
  private timer: number | null = null;
  private delay = FIRST_RETRY_MS;

  constructor(
    private readonly timers: Timers,
    private readonly retry: () => void,
  ) {}

  /** Retry after the current delay (unless a retry is already scheduled); the next delay doubles. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.retry();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }

  /** A save went through, or the other side is back: the next failure waits the first delay again. */
  reset(): void {
    this.delay = FIRST_RETRY_MS;
  }

  /** Forget the scheduled retry (and start again from the first delay). */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
