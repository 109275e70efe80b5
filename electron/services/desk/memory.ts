import { randomUUID } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { sql, type Kysely } from 'kysely';
import type { TargetLang } from '../../contract';
import type { PostgresDatabase } from '../db/postgres';

/**
 * The Korean a memory score is computed on: NFC, whitespace runs collapsed, trimmed.
 * MERGE NOTE: this and {@link memoryScore} must be the embedded memory's own functions (electron/services/tm) once
 * that lands, so both backends rank alike; they are spelled out here only until then.
 */
export function normalizeSource(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** 0–100: 100 × (1 − Levenshtein distance / length of the longer text), on normalized text; rounded down. */
export function memoryScore(a: string, b: string): number {
  const x = normalizeSource(a);
  const y = normalizeSource(b);
  const longest = Math.max([...x].length, [...y].length);
  if (longest === 0) return 100;
  return Math.floor(100 * (1 - distance(x, y) / longest));
}

/** One unit of the shared memory. */
export interface SharedUnit {
  desk: string;
  lang: TargetLang;
  source: string;
  target: string;
  projectName?: string;
  reviewer?: string;
  at: string;
}

/** A ranked match. */
export interface SharedMatch extends SharedUnit {
  id: string;
  score: number;
}

// Candidates are pre-selected by trigram similarity through the GIN index, then ranked exactly by the
// edit-distance score. First at pg_trgm's default threshold (0.3) in one round trip; only when that finds nothing
// good enough, again at a looser one set for that transaction (short Korean sentences share few trigrams even
// when one syllable differs).
const TRIGRAM_THRESHOLDS = [null, 0.2] as const;
const CANDIDATES = 200;

/** The desk's shared translation memory on PostgreSQL: pg_trgm candidate search, edit-distance ranking. */
export class SharedMemory {
  constructor(private readonly database: PostgresDatabase) {}

  /** Add units (one transaction). */
  async add(units: readonly SharedUnit[]): Promise<void> {
    if (!units.length) return;
    const rows = units.map((u) => ({
      id: randomUUID(),
      desk: u.desk,
      lang: u.lang,
      source: u.source,
      source_norm: normalizeSource(u.source),
      target: u.target,
      project_name: u.projectName ?? null,
      reviewer: u.reviewer ?? null,
      at: u.at,
    }));
    await this.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 1000)
        await trx
          .insertInto('desk_tm_units')
          .values(rows.slice(i, i + 1000))
          .execute();
    });
  }

  /** Matches of `source` in one desk and language with score ≥ minScore, best first. */
  async lookup(q: {
    desk: string;
    lang: TargetLang;
    source: string;
    minScore?: number;
    limit?: number;
  }): Promise<SharedMatch[]> {
    const norm = normalizeSource(q.source);
    const min = q.minScore ?? 75;
    let matches: Array<SharedMatch & { norm: string }> = [];
    for (const threshold of TRIGRAM_THRESHOLDS) {
      matches = (await this.candidates(q.desk, q.lang, norm, threshold))
        .map((r) => ({ ...r, score: memoryScore(norm, r.norm) }))
        .filter((m) => m.score >= min);
      if (matches.length) break;
    }
    return matches
      .map(({ norm: _n, ...m }) => m)
      .sort((a, b) => b.score - a.score || b.at.localeCompare(a.at))
      .slice(0, q.limit ?? 10);
  }

  /** Units whose normalized source has trigram similarity ≥ threshold with `norm`, most similar first. */
  private async candidates(
    desk: string,
    lang: TargetLang,
    norm: string,
    threshold: number | null,
  ): Promise<Array<Omit<SharedMatch, 'score'> & { norm: string }>> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle is untyped (see db/index.ts)
    const query = (db: Kysely<any>) =>
      db
        .selectFrom('desk_tm_units')
        .selectAll()
        .where('desk', '=', desk)
        .where('lang', '=', lang)
        .where(sql<boolean>`source_norm % ${norm}`)
        .orderBy(sql`similarity(source_norm, ${norm})`, 'desc')
        .limit(CANDIDATES)
        .execute();
    const rows =
      threshold === null
        ? await query(this.database.db)
        : await this.database.db.transaction().execute(async (trx) => {
            await sql`SET LOCAL pg_trgm.similarity_threshold = ${sql.lit(threshold)}`.execute(trx);
            return query(trx);
          });
    return rows.map((r) => ({
      id: r.id as string,
      desk: r.desk as string,
      lang: r.lang as TargetLang,
      source: r.source as string,
      norm: r.source_norm as string,
      target: r.target as string,
      projectName: (r.project_name as string | null) ?? undefined,
      reviewer: (r.reviewer as string | null) ?? undefined,
      at: r.at as string,
    }));
  }
}
