import { afterEach, beforeEach, describe } from 'vitest';
import { openSqlite, type Database } from '../db';
import { TranslationMemory } from './memory';
import { memoryCases } from '../../../test/support/tm-memory-cases';
import { bulkLookupCases } from '../../../test/support/tm-bulk-cases';
import { SqliteTmRepository } from './sqlite';
import { ALL_MIGRATIONS } from '../../core/migrations';

let database: Database;
let tm: TranslationMemory;
beforeEach(async () => {
  database = await openSqlite(':memory:', ALL_MIGRATIONS);
  tm = new TranslationMemory(new SqliteTmRepository(database));
});
afterEach(async () => {
  await database.close();
});

describe('translation memory lookup (SQLite, FTS5 trigrams)', () => {
  memoryCases(() => tm);
  bulkLookupCases(() => tm, 100);
});
