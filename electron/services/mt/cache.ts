import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db';

/** What makes two machine translations interchangeable. */
export interface CacheKeyParts {
  source: string;
  /** DeepL target code, e.g. `vi`, `en-GB`. */
  target: string;
  modelType: string;
  /** Hash of the glossary dictionary used for this target, or `''` without one. */
  glossaryHash: string;
  /** DeepL `context` sent with the text (`''` when none): it can change the translation. */
  context: string;
  /** Fingerprint of the house style sent (style rule, custom instructions, DeepL memory); `''` or absent: none. */
  style?: string;
}

function sha256(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(`${Buffer.byteLength(part)}:`);
    h.update(part);
  }
  return h.digest('hex');
}

/**
 * The cache key of a translation: sha256 over its parts, each length-prefixed so no two splits collide. A request
 * without a house style keeps the key it had before styles existed (so the cache stays valid across the upgrade).
 */
export function cacheKey(p: CacheKeyParts): string {
  const parts = [p.source, p.target, p.modelType, p.glossaryHash, p.context];
  return sha256(p.style ? [...parts, p.style] : parts);
}

/** One translation to remember: the exact request it answers, the text, and what DeepL billed for it. */
export interface CacheEntry {
  parts: CacheKeyParts;
  text: string;
  billedCharacters: number;
}

/** File name of the old JSON-lines cache inside its folder (moved into the database on first use). */
export const CACHE_FILE = 'translations.jsonl';
/** Keys per `IN (…)` list: well under SQLite's and PostgreSQL's bound-parameter limits. */
const KEYS_PER_QUERY = 500;
/** Default most entries kept; the least recently used go first. */
export const DEFAULT_MAX_ENTRIES = 100_000;

/** Construction options of {@link TranslationCache}. */
export interface TranslationCacheOptions {
  /** Folder of the old JSON-lines cache, migrated once if present. */
  legacyDir?: string;
  maxEntries?: number;
  now?: () => Date;
}

/**
 * Machine translations already paid for, shared by all projects and by the CLI: the `mt_cache` table of the data
 * folder's database (so the database's own locking serialises the app and the CLI). An entry answers only the
 * exact request it was made for (same source, target, model, glossary version, context and house style); the table is capped
 * at `maxEntries`, dropping the least recently used.
 */
export class TranslationCache {
  private readonly maxEntries: number;
  private readonly now: () => Date;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly opts: TranslationCacheOptions = {},
  ) {
    this.maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.now = opts.now ?? (() => new Date());
  }

  private get db() {
    return this.database.db;
  }

  /**
   * Move the old JSON-lines cache in, once. Its entries only have their key, which {@link cacheKey} still gives.
   * A migration that fails only costs money later: it is logged, the file stays, and the next start tries again.
   */
  private migrateLegacy(): Promise<void> {
    this.ready ??= this.moveLegacyFile().catch((e: unknown) => {
      console.error('MT cache: the old cache file could not be moved into the database', e);
    });
    return this.ready;
  }

  private async moveLegacyFile(): Promise<void> {
    if (!this.opts.legacyDir) return;
    const file = join(this.opts.legacyDir, CACHE_FILE);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return; // no old cache (or unreadable: it only costs money later)
    }
    const entries = new Map<string, string>();
    for (const line of raw.split('\n')) {
      try {
        const e = JSON.parse(line) as { k?: unknown; t?: unknown };
        if (typeof e.k === 'string' && typeof e.t === 'string') entries.set(e.k, e.t);
      } catch {
        // a line cut by a crash: skipped, as the old cache did
      }
    }
    const at = this.now();
    const rows = [...entries].map(([key, translation]) => ({
      key,
      translation,
      billed_characters: 0,
      created_at: at.toISOString(),
      last_used: at.getTime(),
    }));
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('mt_cache')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
    });
    await rename(file, `${file}.migrated`).catch(() => undefined);
    await this.trim();
  }

  /** The cached translation for a key ({@link cacheKey}), if any; marks it as used. */
  async get(key: string): Promise<string | undefined> {
    return (await this.getMany([key])).get(key);
  }

  /**
   * The cached translations of many keys at once (a whole article), marking them used in one transaction: one
   * commit per article rather than per row keeps a warm run fast on a durable (fsync-per-commit) database.
   */
  async getMany(keys: readonly string[]): Promise<Map<string, string>> {
    await this.migrateLegacy();
    const found = new Map<string, string>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += KEYS_PER_QUERY) {
      const rows = (await this.db
        .selectFrom('mt_cache')
        .select(['key', 'translation'])
        .where('key', 'in', unique.slice(i, i + KEYS_PER_QUERY))
        .execute()) as Array<{ key: string; translation: string }>;
      for (const r of rows) found.set(r.key, r.translation);
    }
    if (found.size === 0) return found;
    const used = [...found.keys()];
    const at = this.now().getTime();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < used.length; i += KEYS_PER_QUERY)
        await trx
          .updateTable('mt_cache')
          .set({ last_used: at })
          .where('key', 'in', used.slice(i, i + KEYS_PER_QUERY))
          .execute();
    });
    return found;
  }

  /** Number of cached translations. */
  async size(): Promise<number> {
    await this.migrateLegacy();
    return this.count();
  }

  private async count(): Promise<number> {
    const row = (await this.db
      .selectFrom('mt_cache')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()) as { n: number | string };
    return Number(row.n);
  }

  /** Characters DeepL billed for the cached translation of a key (0 when unknown or migrated). */
  async billedCharacters(key: string): Promise<number | undefined> {
    const row = (await this.db
      .selectFrom('mt_cache')
      .select('billed_characters')
      .where('key', '=', key)
      .executeTakeFirst()) as { billed_characters: number } | undefined;
    return row?.billed_characters;
  }

  /** Remember translations (one transaction); resolves once committed. Then drops the least recently used. */
  async setMany(entries: readonly CacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.migrateLegacy();
    const at = this.now();
    const rows = entries.map((e) => ({
      key: cacheKey(e.parts),
      source: e.parts.source,
      target_lang: e.parts.target,
      model: e.parts.modelType,
      glossary_hash: e.parts.glossaryHash,
      context_hash: sha256([e.parts.context]),
      translation: e.text,
      billed_characters: e.billedCharacters,
      created_at: at.toISOString(),
      last_used: at.getTime(),
    }));
    await this.db.transaction().execute(async (trx) => {
      for (const row of rows)
        await trx
          .insertInto('mt_cache')
          .values(row)
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              translation: row.translation,
              billed_characters: row.billed_characters,
              last_used: row.last_used,
            }),
          )
          .execute();
    });
    await this.trim();
  }

  /** Keep at most `maxEntries`, dropping the least recently used. */
  private async trim(): Promise<void> {
    const excess = (await this.count()) - this.maxEntries;
    if (excess <= 0) return;
    const oldest = this.db
      .selectFrom('mt_cache')
      .select('key')
      .orderBy('last_used')
      .orderBy('key')
      .limit(excess);
    await this.db.deleteFrom('mt_cache').where('key', 'in', oldest).execute();
  }
}
