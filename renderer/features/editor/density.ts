import { useSyncExternalStore } from 'react';

/** How much of the article a screen shows: compact (the default) clamps rows that are not focused to 3 lines. */
export type Density = 'compact' | 'comfortable';
export const DENSITIES: readonly Density[] = ['compact', 'comfortable'];

const KEY = 'review.density';
const listeners = new Set<() => void>();

function read(): Density {
  try {
    return localStorage.getItem(KEY) === 'comfortable' ? 'comfortable' : 'compact';
  } catch {
    return 'compact';
  }
}

/** Change the density; it is a property of this screen (kept in the browser's storage), not of the project. */
export function setDensity(d: Density): void {
  try {
    localStorage.setItem(KEY, d);
  } catch {
    // Storage refused (private mode): the choice lasts until reload.
  }
  current = d;
  for (const l of listeners) l();
}

let current: Density | null = null;

/** The current density, re-rendering on change. */
export function useDensity(): Density {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (current ??= read()),
  );
}
