import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from './index';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { startPgTestCluster, type PgTestCluster } from '../../../test/support/pg-cluster';
import { openPostgres } from './postgres';

// Every domain's migrations must run on PostgreSQL too: this runs the whole list, so a SQLite-only migration
// appended by any domain fails here, loudly.
describe('database on PostgreSQL', () => {
  let cluster: PgTestCluster;
  beforeAll(async () => {
    cluster = await startPgTestCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('runs ALL_MIGRATIONS on an empty database, and again without change', async () => {
    const url = await cluster.createDatabase('migrations');
    const first = await openPostgres(url, ALL_MIGRATIONS);
    expect(first.dialect).toBe('postgres');
    const applied = await first.db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
    expect(applied.map((r) => r.name)).toEqual(ALL_MIGRATIONS.map((m) => m.name).sort());
    await first.close();
    const again = await openPostgres(url, ALL_MIGRATIONS);
    const count = await again.db
      .selectFrom('kysely_migration')
      .select(sql<number>`count(*)::int`.as('n'))
      .execute();
    expect(count[0]!.n).toBe(ALL_MIGRATIONS.length);
    const trgm = await sql<{
      extname: string;
    }>`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`.execute(again.db);
    expect(trgm.rows).toHaveLength(1);
    await again.close();
  });

  it('runs the same list on SQLite', async () => {
    const db = await openSqlite(':memory:', ALL_MIGRATIONS);
    const tables = await db.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['desk_users', 'desk_sessions', 'tm_unit']),
    );
    await db.close();
  });

  it('fails with the server message when the database cannot be reached', async () => {
    await expect(openPostgres(cluster.url('no_such_database'), ALL_MIGRATIONS)).rejects.toThrow(
      /no_such_database/,
    );
  });
});
