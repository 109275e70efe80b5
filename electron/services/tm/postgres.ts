/**
 * The translation memory on PostgreSQL (the team desk): units in the same `tm_unit` table as the embedded memory,
 * one memory per desk (migration 0201), fuzzy candidates from pg_trgm's GIN index on `source` (0200) filtered by desk. The memory scores the candidates itself
 * (text.ts), so a match has the same score and rank as on SQLite.
 */
import { sql, type Kysely } from 'kysely';
import type { TargetLang } from '../../contract';
import type { PostgresDatabase } from '../db/postgres';
import {
  containsPattern,
  unitFromRow,
  type CandidateQuery,
  type CandidatesQuery,
  type ConcordanceQuery,
  type NewTmUnit,
  type TmRepository,
  type TmUnit,
  type TmUnitRow,
} from './repository';
import { FUZZY_THRESHOLD, fuzzyScore } from './text';

type Row = TmUnitRow;

const toUnit = unitFromRow;

/** Units per INSERT statement (12 parameters each, well under PostgreSQL's 65,535). */
const BATCH = 1000;
// First at pg_trgm's default similarity threshold (0.3), which the GIN index answers fast; only when no candidate
// of that pass reaches the fuzzy threshold, once more at a looser one for that transaction: short Korean
// sentences share few trigrams even when one syllable differs.
const LOOSE_THRESHOLD = 0.2;

/** Of several units with one pair hash in a batch, the newest (ON CONFLICT may touch a row once per statement). */
function newestPerPair(units: readonly NewTmUnit[]): NewTmUnit[] {
  const byPair = new Map<string, NewTmUnit>();
  for (const u of units) {
    const had = byPair.get(u.pairHash);
    if (!had || u.at >= had.at) byPair.set(u.pairHash, u);
  }
  return [...byPair.values()];
}

/** {@link TmRepository} over a desk's PostgreSQL database. */
export class PostgresTmRepository implements TmRepository {
  constructor(private readonly database: PostgresDatabase) {}

  async upsert(desk: string, units: readonly NewTmUnit[]): Promise<number> {
    const list = newestPerPair(units);
    return this.database.db.transaction().execute(async (trx) => {
      let inserted = 0;
      for (let i = 0; i < list.length; i += BATCH) {
        const values = list.slice(i, i + BATCH).map((u) => ({
          desk,
          pair_hash: u.pairHash,
          source_hash: u.sourceHash,
          source: u.source,
          target: u.target,
          lang: u.lang,
          prev_hash: u.prevHash,
          next_hash: u.nextHash,
          project_id: u.projectId,
          project_name: u.projectName,
          reviewer: u.reviewer,
          at: u.at,
        }));
        const rows = await trx
          .insertInto('tm_unit')
          .values(values)
          .onConflict((oc) =>
            oc
              .columns(['desk', 'pair_hash'])
              .doUpdateSet({
                prev_hash: sql`excluded.prev_hash`,
                next_hash: sql`excluded.next_hash`,
                project_id: sql`excluded.project_id`,
                project_name: sql`excluded.project_name`,
                reviewer: sql`excluded.reviewer`,
                at: sql`excluded.at`,
              })
              .where(sql<boolean>`excluded.at >= tm_unit.at`),
          )
          // xmax is 0 for a freshly inserted row version, non-zero for one the conflict branch updated.
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .execute();
        inserted += rows.filter((r) => r.inserted === true).length;
      }
      return inserted;
    });
  }

  async exact(desk: string, sourceHash: string, lang: TargetLang): Promise<TmUnit[]> {
    const rows = await this.database.db
      .selectFrom('tm_unit')
      .selectAll()
      .where('desk', '=', desk)
      .where('source_hash', '=', sourceHash)
      .where('lang', '=', lang)
      .orderBy('at', 'desc')
      .execute();
    return (rows as Row[]).map(toUnit);
  }

  async exactMany(desk: string, sourceHashes: readonly string[], lang: TargetLang): Promise<TmUnit[]> {
    if (sourceHashes.length === 0) return [];
    // One array parameter for a whole article: the (source_hash, lang, desk) index answers each element.
    const rows = await this.database.db
      .selectFrom('tm_unit')
      .selectAll()
      .where(sql<boolean>`source_hash = any(${[...new Set(sourceHashes)]}::text[])`)
      .where('lang', '=', lang)
      .where('desk', '=', desk)
      .orderBy('at', 'desc')
      .execute();
    return (rows as Row[]).map(toUnit);
  }

  async concordance(q: ConcordanceQuery): Promise<TmUnit[]> {
    const pattern = containsPattern(q.phrase);
    let query = this.database.db
      .selectFrom('tm_unit')
      .selectAll()
      .where('desk', '=', q.desk)
      // The source through pg_trgm's GIN index (ILIKE uses it from three characters); the target by a scan.
      .where(
        q.side === 'source'
          ? sql<boolean>`source ILIKE ${pattern} ESCAPE '\\'`
          : sql<boolean>`target ILIKE ${pattern} ESCAPE '\\'`,
      );
    if (q.lang) query = query.where('lang', '=', q.lang);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return (rows as Row[]).map(toUnit);
  }

  async candidates(q: CandidateQuery): Promise<TmUnit[]> {
    const first = await this.indexed(null, (db) => this.similar(db, q));
    if (first.some((u) => fuzzyScore(q.source, u.source) >= FUZZY_THRESHOLD)) return first;
    return this.indexed(LOOSE_THRESHOLD, (db) => this.similar(db, q));
  }

  /**
   * Run a similarity lookup through the trigram index (at `threshold`, or pg_trgm's default), in a transaction of
   * its own. pg_trgm declares its `%` operator as cheap as an equality, so from a few thousand units up to some
   * hundred thousand the planner prefers reading every unit of the table to the index: a lookup in a memory of
   * 20,000 units took 170 ms instead of a few (bench:desk's memory runs). Sequential scans are set aside for
   * this transaction only.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle is untyped (see db/index.ts)
  private indexed<T>(threshold: number | null, run: (db: Kysely<any>) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute(async (trx) => {
      const loose =
        threshold === null
          ? sql``
          : sql`, set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`;
      await sql`SELECT set_config('enable_seqscan', 'off', true)${loose}`.execute(trx);
      return run(trx);
    });
  }

  /**
   * Units of the desk, language and length window whose source is `%`-similar to the query, most similar first.
   * `source % …` is answered by the trigram index; its hits are filtered by desk (see migration 0201 for why).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle is untyped (see db/index.ts)
  private async similar(db: Kysely<any>, q: CandidateQuery): Promise<TmUnit[]> {
    const rows = await db
      .selectFrom('tm_unit')
      .selectAll()
      .where('desk', '=', q.desk)
      .where('lang', '=', q.lang)
      .where(sql<boolean>`source % ${q.source}`)
      .where(sql<boolean>`char_length(source) between ${q.minLength} and ${q.maxLength}`)
      .orderBy(sql`similarity(source, ${q.source})`, 'desc')
      .limit(q.limit)
      .execute();
    return (rows as Row[]).map(toUnit);
  }

  /**
   * Every row's candidates in one statement (a lateral join over the rows, each answered by the trigram index as
   * `similar` answers one), then once more at the looser threshold for the rows whose first pass found no
   * candidate reaching the fuzzy threshold: the same units `candidates` gives each row alone.
   */
  async candidatesMany(q: CandidatesQuery): Promise<TmUnit[][]> {
    if (q.rows.length === 0) return [];
    const first = await this.indexed(null, (db) => this.similarMany(db, q));
    const loose = q.rows
      .map((r, i) => i)
      .filter((i) => !first[i]!.some((u) => fuzzyScore(q.rows[i]!.source, u.source) >= FUZZY_THRESHOLD));
    if (loose.length === 0) return first;
    const again = await this.indexed(LOOSE_THRESHOLD, (db) =>
      this.similarMany(db, { ...q, rows: loose.map((i) => q.rows[i]!) }),
    );
    loose.forEach((row, k) => (first[row] = again[k]!));
    return first;
  }

  /** {@link similar} for many rows in one statement; the rows' candidates in the rows' order. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shared handle is untyped (see db/index.ts)
  private async similarMany(db: Kysely<any>, q: CandidatesQuery): Promise<TmUnit[][]> {
    const result = await sql<Row & { row_no: string }>`
      SELECT q.row_no, u.* FROM unnest(${q.rows.map((r) => r.source)}::text[],
          ${q.rows.map((r) => r.minLength)}::int[], ${q.rows.map((r) => r.maxLength)}::int[])
        WITH ORDINALITY AS q(source, min_length, max_length, row_no)
      CROSS JOIN LATERAL (
        SELECT * FROM tm_unit WHERE desk = ${q.desk} AND lang = ${q.lang} AND source % q.source
          AND char_length(source) BETWEEN q.min_length AND q.max_length
        ORDER BY similarity(source, q.source) DESC LIMIT ${q.limit}) u
      ORDER BY q.row_no, similarity(u.source, q.source) DESC`.execute(db);
    const out: TmUnit[][] = q.rows.map(() => []);
    for (const r of result.rows) out[Number(r.row_no) - 1]!.push(toUnit(r));
    return out;
  }

  async *all(desk: string, pageSize = 1000): AsyncIterable<TmUnit[]> {
    let last = 0;
    for (;;) {
      const rows = (await this.database.db
        .selectFrom('tm_unit')
        .selectAll()
        .where('desk', '=', desk)
        .where('id', '>', last)
        .orderBy('id')
        .limit(pageSize)
        .execute()) as Row[];
      if (rows.length === 0) return;
      last = Number(rows[rows.length - 1]!.id);
      yield rows.map(toUnit);
    }
  }

  async count(desk: string): Promise<number> {
    const r = await this.database.db
      .selectFrom('tm_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('desk', '=', desk)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
