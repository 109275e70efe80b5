/**
 * The translation memory: approved translations kept across projects, and the matches it offers for a row
 * (101 % in context, 100 % exact, fuzzy from 75 %), best first.
 */
import type { TargetLang, TmConcordanceResult, TmMatch } from '../../contract';
import type { NewTmUnit, TmRepository, TmUnit } from './repository';
import {
  CONTEXT_SCORE,
  EXACT_SCORE,
  FUZZY_THRESHOLD,
  fuzzyScore,
  hashOf,
  lengthWindow,
  neighbourHash,
  normalize,
} from './text';

/** A row of an article as the memory sees it: its source and its neighbours' (undefined at either end). */
export interface RowInContext {
  source: string;
  lang: TargetLang;
  previous?: string;
  next?: string;
}

/** An approved translation to remember, with where it came from. */
export interface ApprovedRow extends RowInContext {
  target: string;
  projectId?: string;
  projectName?: string;
  reviewer?: string;
  at: string;
}

/** Most matches shown for one row. */
export const MAX_MATCHES = 5;
/** Candidates the index proposes for scoring; more costs time, fewer risks missing a good one. */
const CANDIDATES = 60;

/** Build the stored unit of one translation; `context: false` for units without known neighbours (TMX). */
export function unitOf(row: ApprovedRow, context = true): NewTmUnit {
  const source = normalize(row.source);
  const target = row.target.normalize('NFC').trim();
  return {
    source,
    target,
    lang: row.lang,
    sourceHash: hashOf(source),
    pairHash: hashOf(source, row.lang, target),
    prevHash: context ? neighbourHash(row.previous) : null,
    nextHash: context ? neighbourHash(row.next) : null,
    projectId: row.projectId ?? null,
    projectName: row.projectName ?? null,
    reviewer: row.reviewer ?? null,
    at: row.at,
  };
}

function toMatch(u: TmUnit, score: number, kind: TmMatch['kind']): TmMatch {
  return {
    id: u.id,
    score,
    kind,
    source: u.source,
    target: u.target,
    lang: u.lang,
    ...(u.projectName ? { projectName: u.projectName } : {}),
    ...(u.reviewer ? { reviewer: u.reviewer } : {}),
    at: u.at,
  };
}

/** Best first: higher score, then the newer unit (then the later stored, so every engine and path agree). */
const byRank = (a: TmMatch, b: TmMatch) =>
  b.score - a.score || b.at.localeCompare(a.at) || Number(b.id) - Number(a.id);

/**
 * The memory over a {@link TmRepository}. Every call names the desk (newsroom) whose memory it reads or writes
 * (`''` for the embedded app; the core passes the caller's): one database holds the separate memories of all desks.
 */
export class TranslationMemory {
  constructor(readonly repo: TmRepository) {}

  /**
   * Remember approved translations in a desk's memory; empty sources or targets are not worth a unit. Returns how
   * many were new.
   */
  async remember(desk: string, rows: readonly ApprovedRow[], context = true): Promise<number> {
    const units = rows.map((r) => unitOf(r, context)).filter((u) => u.source && u.target);
    return units.length ? this.repo.upsert(desk, units) : 0;
  }

  /**
   * The best exact match (101 % in context before 100 %, then the newest) of each row, from one bulk lookup of the
   * whole list: `null` where the memory has no unit with that source. Rows must be of one language.
   */
  async exactMatches(
    desk: string,
    lang: TargetLang,
    rows: readonly Omit<RowInContext, 'lang'>[],
  ): Promise<Array<TmMatch | null>> {
    const sources = rows.map((r) => normalize(r.source));
    const hashes = sources.map((s) => (s ? hashOf(s) : ''));
    const units = await this.repo.exactMany(
      desk,
      hashes.filter((h) => h),
      lang,
    );
    const byHash = groupBy(units, (u) => u.sourceHash);
    return rows.map((row, i) => {
      const found = hashes[i] ? byHash.get(hashes[i]) : undefined;
      if (!found) return null;
      const prev = neighbourHash(row.previous);
      const next = neighbourHash(row.next);
      const inContext = found.find((u) => u.prevHash === prev && u.nextHash === next);
      // Units come newest first: without a context match, the newest approval of that source.
      return inContext
        ? toMatch(inContext, CONTEXT_SCORE, 'context')
        : toMatch(found[0]!, EXACT_SCORE, 'exact');
    });
  }

  /**
   * Concordance: the newest units of a desk holding `phrase` (at most `limit`, and whether there were more). A
   * phrase with Hangul is looked for in the Korean sources, any other in the translations.
   */
  async concordance(
    desk: string,
    phrase: string,
    lang: TargetLang | undefined,
    limit: number,
  ): Promise<TmConcordanceResult> {
    const text = normalize(phrase);
    const side = /\p{Script=Hangul}/u.test(text) ? 'source' : 'target';
    if (!text) return { side, hits: [], more: false };
    const units = await this.repo.concordance({ desk, phrase: text, side, lang, limit: limit + 1 });
    const hits = units.slice(0, limit).map(({ id, source, target, lang: l, projectName, reviewer, at }) => ({
      id,
      source,
      target,
      lang: l,
      ...(projectName ? { projectName } : {}),
      ...(reviewer ? { reviewer } : {}),
      at,
    }));
    return { side, hits, more: units.length > limit };
  }

  /** Matches for a row from a desk's memory, best first, at most {@link MAX_MATCHES}; one per distinct target. */
  async lookup(desk: string, row: RowInContext): Promise<TmMatch[]> {
    const source = normalize(row.source);
    if (!source) return [];
    const exact = await this.repo.exact(desk, hashOf(source), row.lang);
    const candidates =
      exact.length < MAX_MATCHES
        ? await this.repo.candidates({ desk, lang: row.lang, limit: CANDIDATES, ...candidateWindow(source) })
        : [];
    return ranked(source, row, exact, candidates);
  }

  /**
   * {@link lookup} for many rows of one language at once: one bulk exact lookup and one bulk candidate lookup
   * for the whole list, the same matches for every row as `lookup` gives it alone.
   */
  async lookupMany(
    desk: string,
    lang: TargetLang,
    rows: readonly Omit<RowInContext, 'lang'>[],
  ): Promise<TmMatch[][]> {
    const sources = rows.map((r) => normalize(r.source));
    const hashes = sources.map((s) => (s ? hashOf(s) : ''));
    const units = await this.repo.exactMany(desk, [...new Set(hashes.filter((h) => h))], lang);
    const byHash = groupBy(units, (u) => u.sourceHash);
    // Candidates once per distinct source that still has room for fuzzy matches.
    const fuzzy = [
      ...new Set(sources.filter((s, i) => s && (byHash.get(hashes[i]!)?.length ?? 0) < MAX_MATCHES)),
    ];
    const found = await this.repo.candidatesMany({
      desk,
      lang,
      limit: CANDIDATES,
      rows: fuzzy.map(candidateWindow),
    });
    const bySource = new Map(fuzzy.map((s, i) => [s, found[i] ?? []]));
    return rows.map((row, i) => {
      const source = sources[i]!;
      if (!source) return [];
      return ranked(source, row, byHash.get(hashes[i]!) ?? [], bySource.get(source) ?? []);
    });
  }
}

/** A source and the length window its fuzzy candidates must lie in. */
function candidateWindow(source: string) {
  const { min, max } = lengthWindow(source.length);
  return { source, minLength: min, maxLength: max };
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t));
    if (list) list.push(t);
    else out.set(key(t), [t]);
  }
  return out;
}

/**
 * A row's matches from its exact units (101 % when the neighbours agree) and its fuzzy candidates, best first, at
 * most {@link MAX_MATCHES}, one per distinct target.
 */
function ranked(
  source: string,
  row: Omit<RowInContext, 'lang'>,
  exact: readonly TmUnit[],
  candidates: readonly TmUnit[],
): TmMatch[] {
  const prev = neighbourHash(row.previous);
  const next = neighbourHash(row.next);
  const matches = exact.map((u) =>
    u.prevHash === prev && u.nextHash === next
      ? toMatch(u, CONTEXT_SCORE, 'context')
      : toMatch(u, EXACT_SCORE, 'exact'),
  );
  if (matches.length < MAX_MATCHES)
    for (const u of candidates) {
      if (u.source === source) continue;
      const score = fuzzyScore(source, u.source);
      if (score >= FUZZY_THRESHOLD) matches.push(toMatch(u, score, 'fuzzy'));
    }
  const seen = new Set<string>();
  return matches
    .sort(byRank)
    .filter((m) => !seen.has(m.target) && seen.add(m.target))
    .slice(0, MAX_MATCHES);
}
