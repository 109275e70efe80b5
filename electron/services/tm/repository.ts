/**
 * The storage interface of the translation memory. The SQL lives behind it so the same memory runs embedded
 * (SQLite, {@link ./sqlite}) and on a team desk (PostgreSQL with pg_trgm, {@link ./postgres}).
 *
 * Contract for an implementation:
 * - every method works within one desk (newsroom; `''` for the embedded app, see services/desk/scope.ts): a unit
 *   stored for one desk is never returned, counted, exported or replaced for another.
 * - `upsert` keys a unit by its desk and `pairHash` (normalized source, language, target): an identical pair of the
 *   same desk replaces the older one, keeping the newest date, reviewer, project and context.
 * - `exact` returns every unit of that desk and language whose `sourceHash` is equal; `exactMany` the same for a
 *   list of hashes at once.
 * - `concordance` returns up to `limit` units of that desk (and language, when given) whose source (or target, as
 *   asked) holds the phrase, ignoring case, newest first; the phrase is plain text (no wildcards).
 * - `candidates` returns up to `limit` units of that desk and language whose source length lies in
 *   `[minLength, maxLength]`
 *   and that share as much of their text with `source` as the engine can tell cheaply (FTS5 trigrams on SQLite,
 *   `similarity()`/`%` of pg_trgm on PostgreSQL), most similar first. Candidates are only proposals: the memory
 *   scores them itself with `fuzzyScore` (text.ts), so a match has the same score and rank on every engine; an
 *   engine only has to make sure good candidates are not left out.
 */
import type { TargetLang } from '../../contract';

/** One stored translation unit (one Korean source and its translation into one language). */
export interface TmUnit {
  id: string;
  /** The Korean source as approved (NFC, trimmed). */
  source: string;
  target: string;
  lang: TargetLang;
  /** Hash of the normalized source (exact lookups). */
  sourceHash: string;
  /** Hash of the normalized source, language and target (one unit per identical pair). */
  pairHash: string;
  /** Hashes of the previous and next rows' sources (`neighbourHash`); null when unknown (e.g. from TMX). */
  prevHash: string | null;
  nextHash: string | null;
  projectId: string | null;
  projectName: string | null;
  reviewer: string | null;
  /** ISO time of the approval (or the TMX change date). */
  at: string;
}

/** A unit to store; the id is given by the repository. */
export type NewTmUnit = Omit<TmUnit, 'id'>;

/** A fuzzy candidate query: the normalized source and the length window that can still reach the threshold. */
export interface CandidateQuery {
  /** The desk whose units are searched. */
  desk: string;
  source: string;
  lang: TargetLang;
  minLength: number;
  maxLength: number;
  limit: number;
}

/** Fuzzy candidate queries of many rows of one desk and language at once (an article's visible rows, a report). */
export interface CandidatesQuery {
  desk: string;
  lang: TargetLang;
  limit: number;
  rows: readonly Pick<CandidateQuery, 'source' | 'minLength' | 'maxLength'>[];
}

/** A concordance query: a phrase searched in the sources and targets of a desk's memory. */
export interface ConcordanceQuery {
  desk: string;
  /** Normalized (NFC, single spaces), not empty. */
  phrase: string;
  /** Search the Korean sources or the translations. */
  side: 'source' | 'target';
  /** Only units of this target language; both when absent. */
  lang?: TargetLang;
  limit: number;
}

/** A LIKE pattern matching `phrase` anywhere, its wildcards escaped with a backslash (`ESCAPE '\\'`). */
export const containsPattern = (phrase: string) => `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Whether a phrase holds a LIKE wildcard or the escape character (then only an escaped pattern finds it). */
export const hasWildcard = (phrase: string) => /[\\%_]/.test(phrase);

/** Where the memory's units are kept. */
export interface TmRepository {
  /**
   * Store units in a desk's memory (one transaction); returns how many were new pairs rather than updates of a
   * stored pair.
   */
  upsert(desk: string, units: readonly NewTmUnit[]): Promise<number>;
  /** Units of the desk and language with this source hash. */
  exact(desk: string, sourceHash: string, lang: TargetLang): Promise<TmUnit[]>;
  /**
   * Units of the desk and language whose source hash is one of `sourceHashes`, newest first, in one pass (a few
   * queries for a whole article, never one per row): pre-translation looks a whole article up at once.
   */
  exactMany(desk: string, sourceHashes: readonly string[], lang: TargetLang): Promise<TmUnit[]>;
  /** Units holding a phrase in their source or target (see the contract above). */
  concordance(query: ConcordanceQuery): Promise<TmUnit[]>;
  /** Fuzzy candidates of the query's desk (see the contract above). */
  candidates(query: CandidateQuery): Promise<TmUnit[]>;
  /**
   * For each row of the query, the same units `candidates` returns for it alone, in a few queries for the whole
   * list (never one per row).
   */
  candidatesMany(query: CandidatesQuery): Promise<TmUnit[][]>;
  /** Every unit of the desk, oldest first, in pages (export). */
  all(desk: string, pageSize?: number): AsyncIterable<TmUnit[]>;
  /** How many units the desk's memory holds. */
  count(desk: string): Promise<number>;
}

/** A `tm_unit` row as both engines return it (the same table and columns on SQLite and PostgreSQL). */
export interface TmUnitRow {
  id: string | number;
  desk: string;
  pair_hash: string;
  source_hash: string;
  source: string;
  target: string;
  lang: string;
  prev_hash: string | null;
  next_hash: string | null;
  project_id: string | null;
  project_name: string | null;
  reviewer: string | null;
  at: string;
}

/** A `tm_unit` row as a {@link TmUnit}. */
export const unitFromRow = (r: TmUnitRow): TmUnit => ({
  id: String(r.id),
  pairHash: r.pair_hash,
  sourceHash: r.source_hash,
  source: r.source,
  target: r.target,
  lang: r.lang as TargetLang,
  prevHash: r.prev_hash,
  nextHash: r.next_hash,
  projectId: r.project_id,
  projectName: r.project_name,
  reviewer: r.reviewer,
  at: r.at,
});
