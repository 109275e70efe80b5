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

/** What the memory's concordance search looks for: a phrase, in one language's units or both. */
export interface TmConcordanceQuery {
  /** Korean (searched in the sources) or Vietnamese/English (searched in the translations). */
  phrase: string;
  lang?: TargetLang;
}

/** One memory unit holding the searched phrase: a match without a score. */
export type TmConcordanceHit = Omit<TmMatch, 'score' | 'kind'>;

/** The concordance's answer: where it searched, the newest hits, and whether there were more. */
export interface TmConcordanceResult {
  side: 'source' | 'target';
  hits: TmConcordanceHit[];
  more: boolean;
}

/** Longest phrase the concordance searches for. */
export const CONCORDANCE_MAX_PHRASE = 200;
/** Most hits the concordance returns. */
export const CONCORDANCE_LIMIT = 50;

/** The best memory match of a cell not yet approved, when it reaches Settings › Memory's badge threshold. */
export interface TmBadge {
  segmentId: string;
  lang: TargetLang;
  score: number;
  /** The match's translation (the badge goes once the cell holds it). */
  target: string;
}

/** Most rows one badge request may name (about a screenful, several times over). */
export const TM_BADGE_ROWS = 200;
