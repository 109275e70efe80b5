/**
 * The translation memory service: approved translations kept across projects, matched against new rows, and
 * exchanged as TMX 1.4b. See `repository.ts` for the storage interface and `text.ts` for the score.
 */
import type { TmImportSummary } from '../../contract';
import type { Database } from '../db';
import { TranslationMemory } from './memory';
import type { PostgresDatabase } from '../db/postgres';
import { PostgresTmRepository } from './postgres';
import type { TmRepository } from './repository';
import { SqliteTmRepository } from './sqlite';
import { TMX_TAIL, parseTmx, tmxHead, tmxUnit } from './tmx';

export { TranslationMemory, type ApprovedRow, type RowInContext } from './memory';
export { CONTEXT_SCORE, EXACT_SCORE, FUZZY_THRESHOLD, fuzzyScore, normalize } from './text';

/** The memory's repository for a database: FTS5 trigrams embedded, pg_trgm on a team desk. */
export function tmRepositoryFor(database: Database): TmRepository {
  return database.dialect === 'sqlite'
    ? new SqliteTmRepository(database)
    : new PostgresTmRepository(database as PostgresDatabase);
}

/** The memory of a database, on either engine. */
export function memoryFor(database: Database): TranslationMemory {
  return new TranslationMemory(tmRepositoryFor(database));
}

/**
 * Add a TMX file's translations to a desk's memory. `imported` counts units new to that memory; `skipped` counts
 * translation units with no Korean or no Vietnamese/English text, and pairs the memory already had.
 */
export async function importTmx(
  memory: TranslationMemory,
  desk: string,
  bytes: Uint8Array,
  now: Date,
): Promise<TmImportSummary> {
  const { rows, skipped } = parseTmx(bytes, now.toISOString());
  // One transaction for the whole file (a bulk load on SQLite): all of it is in the memory, or none of it.
  const imported = await memory.remember(desk, rows, false);
  return { imported, skipped: skipped + rows.length - imported };
}

/** A desk's whole memory as a TMX 1.4b document, one `<tu>` per stored unit, oldest first. */
export async function exportTmx(
  memory: TranslationMemory,
  desk: string,
  ctx: { now: Date; appVersion: string },
): Promise<string> {
  const parts = [tmxHead(ctx)];
  for await (const page of memory.repo.all(desk)) for (const u of page) parts.push(tmxUnit(u));
  parts.push(TMX_TAIL);
  return parts.join('');
}
