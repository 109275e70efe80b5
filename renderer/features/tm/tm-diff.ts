import { diffWords } from 'diff';

/** One piece of the Korean diff: text both share, or text only the row (`row`) or only the memory (`memory`) has. */
export interface DiffPart {
  text: string;
  side: 'both' | 'row' | 'memory';
}

/**
 * A word-level diff of the row's Korean against a memory unit's source, for the reviewer to see what differs in a
 * fuzzy match (a figure, a name). Both sides are compared in NFC, as the memory scores them.
 */
export function koreanDiff(rowSource: string, memorySource: string): DiffPart[] {
  return diffWords(rowSource.normalize('NFC').trim(), memorySource.normalize('NFC').trim()).map((c) => ({
    text: c.value,
    side: c.added ? 'memory' : c.removed ? 'row' : 'both',
  }));
}

/** The match a key press takes: Ctrl+1 the first, up to Ctrl+3; null for any other key. */
export function matchIndexForKey(e: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): number | null {
  if (!e.ctrlKey || e.altKey || e.metaKey) return null;
  const n = Number(e.key);
  return Number.isInteger(n) && n >= 1 && n <= TAKE_KEYS ? n - 1 : null;
}

/** How many matches have a key. */
export const TAKE_KEYS = 3;
