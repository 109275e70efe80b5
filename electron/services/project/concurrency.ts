/**
 * What keeps several processes writing one database correct: a change computed from a copy that another process
 * has since changed is refused by the database (conditional updates on cell revisions and the project's version),
 * and redone on fresh data; changes within a process are queued per project, so different projects never wait for
 * each other.
 */

/** The copy a change was computed from is older than the database: refresh it and compute the change again. */
export class StaleError extends Error {
  /** The rows found changed (refresh only them), or null when the whole project must be reloaded. */
  constructor(readonly segmentIds: string[] | null) {
    super('stale project copy');
  }
}

/** How many times a change is recomputed on fresh data before the caller is told the project is busy. */
export const MAX_STALE_RETRIES = 20;

/** Jobs run one at a time per key (a project), in order; keys run independently. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const run = prev.then(job, job);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves once every job queued so far has settled. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}

/** A write refused because the copy was stale, or a deadlock the database broke (both: compute again). */
export function staleOf(e: unknown): StaleError | null {
  if (e instanceof StaleError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' ? new StaleError(null) : null;
}
