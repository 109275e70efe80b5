import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('a bulk load sets its cache and trigram index settings back; a failed one leaves nothing behind', async () => {
    const s = database.sqlite!;
    const cache = s.pragma('cache_size', { simple: true }) as number;
    const hashSize = () =>
      s.prepare(`SELECT v FROM tm_fts_config WHERE k = 'hashsize'`).pluck().get() ?? 1024 * 1024;
    const at = '2026-12-01T00:00:00.000Z';
    const rows = Array.from({ length: 600 }, (_, i) => ({
      source: `서울시는 ${i}번째 협약을 맺었다`,
      target: `vi ${i}`,
      lang: 'vi' as const,
      at,
    }));
    expect(await tm.remember('', rows, false)).toBe(600);
    expect(s.pragma('cache_size', { simple: true })).toBe(cache);
    expect(hashSize()).toBe(1024 * 1024);
    // A unit the table refuses (no date) fails the whole load: nothing of it stays, the settings are back.
    const bad = [
      ...rows.map((r) => ({ ...r, target: `${r.target} b` })),
      { ...rows[0]!, at: null as unknown as string },
    ];
    await expect(tm.remember('', bad, false)).rejects.toThrow();
    expect(await tm.repo.count('')).toBe(600);
    expect(s.pragma('cache_size', { simple: true })).toBe(cache);
    expect(hashSize()).toBe(1024 * 1024);
    // The trigram index still follows single approvals (the insert trigger is back).
    await tm.remember('', [{ source: '부산시 전기차 보조금 확대', target: 'Busan vi', lang: 'vi', at }]);
    expect((await tm.lookup('', { source: '부산시 전기차 보조금 확대한다', lang: 'vi' }))[0]).toMatchObject({
      target: 'Busan vi',
    });
  });
});
