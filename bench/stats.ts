// Shared by the benches: time a piece of work several times and print one line per figure, as
// `name: value unit (target …) PASS|FAIL`, with a verdict only where there is a target.

/** The first run (what a user waits for, caches cold) and the median of all runs (what the code costs). */
export interface Timing {
  first: number;
  median: number;
  runs: number[];
}

/** Run `work` `runs` times, in sequence, timing each run in milliseconds. */
export async function time(work: () => unknown, runs = 5): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { first: times[0]!, median, runs: times };
}

/** A target a figure is judged against: below `max`. */
export interface Target {
  max: number;
}

/** Print one figure; returns false when it misses its target (informational figures never fail). */
export function report(name: string, value: number, unit: string, target?: Target): boolean {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 0);
  if (!target) {
    console.log(`${name}: ${shown} ${unit} (informational)`);
    return true;
  }
  const ok = value < target.max;
  console.log(`${name}: ${shown} ${unit} (target < ${target.max} ${unit}) ${ok ? 'PASS' : 'FAIL'}`);
  return ok;
}

/** Print a timing: the median against the target, the first run as information. */
export function reportTiming(name: string, t: Timing, target?: Target): boolean {
  const ok = report(`${name} median of ${t.runs.length}`, t.median, 'ms', target);
  report(`${name} first run`, t.first, 'ms');
  return ok;
}
