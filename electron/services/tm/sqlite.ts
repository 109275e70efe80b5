/**
 * The translation memory on SQLite: units in `tm_unit` (one memory per desk, in practice the embedded app's `''`),
 * fuzzy candidates from the FTS5 trigram index `tm_fts`.
 * Statements go straight to better-sqlite3 (prepared once, synchronous): a lookup against a million units has to
 * stay well under 50 ms, and a TMX import writes its units in one transaction.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { TargetLang } from '../../contract';
import type { Database } from '../db';
import {
  containsPattern,
  hasWildcard,
  unitFromRow,
  type CandidateQuery,
  type CandidatesQuery,
  type ConcordanceQuery,
  type NewTmUnit,
  type TmRepository,
  type TmUnit,
  type TmUnitRow,
} from './repository';
import { INSERT_TRIGGER_SQL } from './migrations';
import { trigrams } from './text';

type Row = TmUnitRow;

/** An FTS5 string literal: the text in double quotes, a double quote doubled. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

const toUnit = unitFromRow;

/** What one candidate lookup has read already: trigram frequencies, trigram holders, units by id. */
interface LookupCache {
  df: Map<string, number>;
  holding: Map<string, number[]>;
  rows: Map<number, Row | undefined>;
}
const newLookupCache = (): LookupCache => ({ df: new Map(), holding: new Map(), rows: new Map() });

/** The value of `key` in `map`, read once. */
function cached<K, V>(map: Map<K, V>, key: K, read: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const v = read();
  map.set(key, v);
  return v;
}

/**
 * Fuzzy candidates are found in three bounded steps, so a lookup costs about the same against a thousand or a
 * million units, however common the sentence's words are:
 * 1. the query's trigrams are cut into {@link STRETCHES} stretches in reading order, and the rarest trigram of each
 *    stretch is picked (document frequency counted only up to {@link DF_CAP}, so a common trigram costs no more
 *    than a rare one). Taking one from every stretch means a sentence differing in one place (a figure, a name)
 *    still shares most of the picked trigrams with its match;
 * 2. each picked trigram yields at most {@link PER_TRIGRAM} units holding it (in index order: reading a
 *    doclist backwards costs three times as much);
 * 3. units holding the most picked trigrams become the candidates the memory scores.
 */
const STRETCHES = 10;
/** Trigrams whose frequency is counted per stretch, at most (bounds the cost for long paragraphs). */
const PROBES_PER_STRETCH = 3;
const DF_CAP = 200;
const PER_TRIGRAM = 400;
/** From this many units, an upsert is a bulk load (see `bulkUpsert`). */
const BULK = 500;

const UPSERT_SQL = `INSERT INTO tm_unit (desk, pair_hash, source_hash, source, target, lang, prev_hash,
    next_hash, project_id, project_name, reviewer, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (desk, pair_hash) DO UPDATE SET prev_hash = excluded.prev_hash, next_hash = excluded.next_hash,
    project_id = excluded.project_id, project_name = excluded.project_name, reviewer = excluded.reviewer,
    at = excluded.at
  WHERE excluded.at >= tm_unit.at`;

/** The parameters of {@link UPSERT_SQL} for a unit (positional: a hundred thousand rows bind faster by index). */
const upsertParams = (desk: string, u: NewTmUnit) =>
  [
    desk,
    u.pairHash,
    u.sourceHash,
    u.source,
    u.target,
    u.lang,
    u.prevHash,
    u.nextHash,
    u.projectId,
    u.projectName,
    u.reviewer,
    u.at,
  ] as const;

/**
 * What a bulk load sets for its own transaction: a page cache large enough for the two hash indexes of a hundred
 * thousand units (their keys are random: with the default 2 MB cache every insert would read a page back), and an
 * FTS5 hash table that holds the whole load's trigrams, written as one segment at the commit instead of a new
 * segment per megabyte merged again and again. Both are set back afterwards (the FTS5 option is stored in the
 * database: it is back to its default before the transaction commits).
 */
const BULK_CACHE_KIB = 200_000;
const BULK_FTS_HASH = 256 * 1024 * 1024;
const FTS_HASH_DEFAULT = 1024 * 1024;
const ftsHashSize = (bytes: number) => `INSERT INTO tm_fts(tm_fts, rank) VALUES ('hashsize', ${bytes})`;

/** A concordance statement: units of a desk (and language) meeting `where`, newest first. */
const concordanceSql = (where: string) =>
  `SELECT * FROM tm_unit WHERE desk = @desk AND (@lang IS NULL OR lang = @lang) AND ${where}
    ORDER BY at DESC, id DESC LIMIT @limit`;

/** {@link TmRepository} over the app's SQLite database. */
export class SqliteTmRepository implements TmRepository {
  private readonly sqlite: SqliteDatabase.Database;
  private readonly stmt;

  constructor(database: Database) {
    if (!database.sqlite) throw new Error('SqliteTmRepository needs an SQLite database');
    const s = (this.sqlite = database.sqlite);
    // SQLite folds case for ASCII only: Vietnamese "Đ" and "đ" must meet in a concordance search too.
    s.function('tm_fold', { deterministic: true }, (t: unknown) =>
      typeof t === 'string' ? t.toLowerCase() : null,
    );
    this.stmt = {
      upsert: s.prepare(UPSERT_SQL),
      count: s.prepare('SELECT count(*) AS n FROM tm_unit WHERE desk = ?').pluck(),
      has: s.prepare('SELECT 1 FROM tm_unit WHERE pair_hash = ? AND desk = ?').pluck(),
      exact: s.prepare(
        'SELECT * FROM tm_unit WHERE desk = ? AND source_hash = ? AND lang = ? ORDER BY at DESC',
      ),
      // The hashes come as one JSON array: one statement for a whole article, whatever its length.
      exactMany: s.prepare(
        `SELECT * FROM tm_unit WHERE source_hash IN (SELECT value FROM json_each(?)) AND lang = ? AND desk = ?
          ORDER BY at DESC`,
      ),
      df: s.prepare('SELECT count(*) FROM (SELECT rowid FROM tm_fts WHERE tm_fts MATCH ? LIMIT ?)').pluck(),
      holding: s.prepare('SELECT rowid FROM tm_fts WHERE tm_fts MATCH ? LIMIT ?').pluck(),
      byId: s.prepare('SELECT * FROM tm_unit WHERE id = ?'),
      page: s.prepare('SELECT * FROM tm_unit WHERE desk = ? AND id > ? ORDER BY id LIMIT ?'),
      // Sources through the trigram index: FTS5 answers LIKE from it only without an ESCAPE clause, so a phrase
      // holding a wildcard takes the escaped (scanning) form. Targets are not indexed: a scan with case folding.
      source: s.prepare(concordanceSql(`id IN (SELECT rowid FROM tm_fts WHERE source LIKE @pattern)`)),
      sourceEscaped: s.prepare(
        concordanceSql(`id IN (SELECT rowid FROM tm_fts WHERE source LIKE @pattern ESCAPE '\\')`),
      ),
      target: s.prepare(concordanceSql('instr(tm_fold(target), @folded) > 0')),
    };
  }

  upsert(desk: string, units: readonly NewTmUnit[]): Promise<number> {
    return Promise.resolve(
      units.length >= BULK ? this.bulkUpsert(desk, units) : this.upsertEach(desk, units),
    );
  }

  /** A few units (an approval): each tells new from updated through the unique index; triggers index them. */
  private upsertEach(desk: string, units: readonly NewTmUnit[]): number {
    const run = this.sqlite.transaction((list: readonly NewTmUnit[]) => {
      const added = new Set<string>();
      for (const u of list) {
        if (this.stmt.has.get(u.pairHash, desk) === undefined) added.add(u.pairHash);
        this.stmt.upsert.run(...upsertParams(desk, u));
      }
      return added.size;
    });
    return run(units);
  }

  /**
   * Many units (a TMX import) in one transaction: the insert trigger is set aside and the trigram index is fed
   * the new rows in one statement at the end (an update keeps its source, so only new ids need indexing); new rows
   * are the ids above the largest one before. Other connections never see the table without its trigger, nor the
   * bulk load's index settings: the schema change and the settings' reset commit with the rows.
   */
  private bulkUpsert(desk: string, units: readonly NewTmUnit[]): number {
    const s = this.sqlite;
    const run = s.transaction((list: readonly NewTmUnit[]) => {
      const before = (s.prepare('SELECT coalesce(max(id), 0) FROM tm_unit').pluck().get() as number) ?? 0;
      s.exec('DROP TRIGGER IF EXISTS tm_unit_ai');
      s.exec(ftsHashSize(BULK_FTS_HASH));
      const insert = s.prepare(UPSERT_SQL);
      for (const u of list) insert.run(...upsertParams(desk, u));
      s.prepare('INSERT INTO tm_fts(rowid, source) SELECT id, source FROM tm_unit WHERE id > ?').run(before);
      s.exec(ftsHashSize(FTS_HASH_DEFAULT));
      s.exec(INSERT_TRIGGER_SQL);
      return s.prepare('SELECT count(*) FROM tm_unit WHERE id > ?').pluck().get(before) as number;
    });
    const cache = s.pragma('cache_size', { simple: true }) as number;
    s.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
    try {
      // IMMEDIATE: the write lock is taken before `before` is read, so no other writer's ids can slip in between.
      return run.immediate(units);
    } finally {
      s.pragma(`cache_size = ${cache}`);
    }
  }

  exact(desk: string, sourceHash: string, lang: TargetLang): Promise<TmUnit[]> {
    return Promise.resolve((this.stmt.exact.all(desk, sourceHash, lang) as Row[]).map(toUnit));
  }

  exactMany(desk: string, sourceHashes: readonly string[], lang: TargetLang): Promise<TmUnit[]> {
    if (sourceHashes.length === 0) return Promise.resolve([]);
    const rows = this.stmt.exactMany.all(JSON.stringify([...new Set(sourceHashes)]), lang, desk) as Row[];
    return Promise.resolve(rows.map(toUnit));
  }

  concordance(q: ConcordanceQuery): Promise<TmUnit[]> {
    const wild = hasWildcard(q.phrase);
    const stmt = q.side === 'target' ? this.stmt.target : wild ? this.stmt.sourceEscaped : this.stmt.source;
    const rows = stmt.all({
      desk: q.desk,
      lang: q.lang ?? null,
      pattern: wild ? containsPattern(q.phrase) : `%${q.phrase}%`,
      folded: q.phrase.toLowerCase(),
      limit: q.limit,
    }) as Row[];
    return Promise.resolve(rows.map(toUnit));
  }

  candidates(q: CandidateQuery): Promise<TmUnit[]> {
    return Promise.resolve(this.candidatesOf(q, newLookupCache()));
  }

  /**
   * Every row's candidates in one synchronous pass: the frequency and holders of a trigram and a fetched unit are
   * read once for the whole list (an article's rows share most of their trigrams), not once per row.
   */
  candidatesMany(q: CandidatesQuery): Promise<TmUnit[][]> {
    const cache = newLookupCache();
    const run = this.sqlite.transaction(() =>
      q.rows.map((r) => this.candidatesOf({ desk: q.desk, lang: q.lang, limit: q.limit, ...r }, cache)),
    );
    return Promise.resolve(run());
  }

  private candidatesOf(q: CandidateQuery, cache: LookupCache): TmUnit[] {
    const votes = new Map<number, number>();
    for (const gram of this.rareTrigrams(q.source, cache))
      for (const id of cached(
        cache.holding,
        gram,
        () => this.stmt.holding.all(quote(gram), PER_TRIGRAM) as number[],
      ))
        votes.set(id, (votes.get(id) ?? 0) + 1);
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    const out: TmUnit[] = [];
    // Fetched one by one, best voted first, until enough pass the desk, language and length filter (or too many
    // failed). The trigram index spans every desk: on SQLite that is the embedded app's one desk in practice.
    for (const [id] of ranked.slice(0, q.limit * 4)) {
      const r = cached(cache.rows, id, () => this.stmt.byId.get(id) as Row | undefined);
      if (
        r &&
        r.desk === q.desk &&
        r.lang === q.lang &&
        r.source.length >= q.minLength &&
        r.source.length <= q.maxLength
      ) {
        out.push(toUnit(r));
        if (out.length >= q.limit) break;
      }
    }
    return out;
  }

  /** The rarest trigram of each stretch of the source that the memory holds at all (step 1 above). */
  private rareTrigrams(source: string, cache: LookupCache): string[] {
    const grams = trigrams(source);
    const picked = new Set<string>();
    const stretch = Math.max(1, Math.ceil(grams.length / STRETCHES));
    for (let i = 0; i < grams.length; i += stretch) {
      let best: string | null = null;
      let bestDf = Infinity;
      const inStretch = grams.slice(i, i + stretch);
      // A long paragraph has hundreds of trigrams: a few evenly spaced ones per stretch are enough to find a rare one.
      const step = Math.max(1, Math.floor(inStretch.length / PROBES_PER_STRETCH));
      for (let k = 0; k < inStretch.length; k += step) {
        const g = inStretch[k]!;
        const df = cached(cache.df, g, () => this.stmt.df.get(quote(g), DF_CAP) as number);
        if (df > 0 && df < bestDf) [best, bestDf] = [g, df];
      }
      if (best !== null) picked.add(best);
    }
    return [...picked];
  }

  async *all(desk: string, pageSize = 1000): AsyncIterable<TmUnit[]> {
    let last = 0;
    for (;;) {
      const rows = this.stmt.page.all(desk, last, pageSize) as Row[];
      if (rows.length === 0) return;
      last = Number(rows[rows.length - 1]!.id);
      yield rows.map(toUnit);
    }
  }

  count(desk: string): Promise<number> {
    return Promise.resolve(this.stmt.count.get(desk) as number);
  }
}
