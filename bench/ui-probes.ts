// In-page probes of the UI bench: functions passed to `page.evaluate`, so they must be self-contained.
// (Type-checked without DOM types, hence the casts to a minimal window shape.)

/** What the probes read from the page's window. */
interface ProbeWindow {
  __probe?: { keyLatencies: number[]; approveLatencies: number[]; longTasks: number; observing: boolean };
  PerformanceObserver: new (cb: (list: { getEntries(): Array<{ duration: number }> }) => void) => {
    observe(o: { type: string; buffered?: boolean }): void;
  };
  requestAnimationFrame(cb: () => void): void;
  setTimeout(cb: () => void, ms: number): void;
  addEventListener(
    type: string,
    cb: (e: { key: string; ctrlKey: boolean; timeStamp: number }) => void,
    capture: boolean,
  ): void;
  document: { addEventListener(type: string, cb: (e: { target: unknown }) => void, capture: boolean): void };
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
}

/**
 * Install the probes: for each keydown, the time to the next paint (keydown → rAF → a task after it, i.e. the
 * frame was produced); for Ctrl+Enter, the time until a text box gets the focus; long tasks while observing.
 */
export function installProbes(): void {
  const w = globalThis as unknown as ProbeWindow;
  const probe = {
    keyLatencies: [] as number[],
    approveLatencies: [] as number[],
    longTasks: 0,
    observing: false,
  };
  w.__probe = probe;
  new w.PerformanceObserver((list) => {
    if (probe.observing) probe.longTasks += list.getEntries().filter((e) => e.duration > 50).length;
  }).observe({ type: 'longtask' });
  let approveAt: number | null = null;
  w.addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      if (e.key === 'Enter' && e.ctrlKey) approveAt = start;
      else
        w.requestAnimationFrame(() =>
          w.setTimeout(() => probe.keyLatencies.push(w.performance.now() - start), 0),
        );
    },
    true,
  );
  w.document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target as { tagName?: string };
      if (approveAt !== null && el.tagName === 'TEXTAREA') {
        const at = approveAt;
        approveAt = null;
        w.requestAnimationFrame(() =>
          w.setTimeout(() => probe.approveLatencies.push(w.performance.now() - at), 0),
        );
      }
    },
    true,
  );
}

/** Start or stop counting long tasks. */
export function observeLongTasks(on: boolean): void {
  const p = (globalThis as unknown as ProbeWindow).__probe;
  if (p) p.observing = on;
}

/** The figures gathered so far. */
export function readProbes(): { keyLatencies: number[]; approveLatencies: number[]; longTasks: number } {
  const p = (globalThis as unknown as ProbeWindow).__probe;
  return p ?? { keyLatencies: [], approveLatencies: [], longTasks: 0 };
}

/** Used JS heap in bytes (Chromium). */
export function heapBytes(): number {
  return (globalThis as unknown as ProbeWindow).performance.memory?.usedJSHeapSize ?? 0;
}
