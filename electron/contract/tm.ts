import type { TargetLang } from './model';

// Translation memory.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/**
 * A memory match for one cell. `score` is 0–100 (normalized edit distance of the Korean), 101 for an exact match
 * whose neighbouring rows match too (`kind: 'context'`).
 */
export interface TmMatch {
  id: string;
  score: number;
  kind: 'context' | 'exact' | 'fuzzy';
  /** The memory's Korean source (diff it against the row's source to see what differs). */
  source: string;
  target: string;
  lang: TargetLang;
  projectName?: string;
  reviewer?: string;
  at: string;
}

/** What a TMX import added to the memory. */
export interface TmImportSummary {
  imported: number;
  skipped: number;
}
