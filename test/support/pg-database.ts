/**
 * A migrated PostgreSQL database on a throwaway cluster (pg-cluster.ts) for the tests of a file or a `describe`:
 * started before the first test, closed and removed after the last.
 * (Registers vitest hooks: for test files only; pg-cluster.ts stays free of vitest for the bench.)
 */
import { afterAll, beforeAll } from 'vitest';
import { ALL_MIGRATIONS } from '../../electron/core/migrations';
import { openPostgres, type PostgresDatabase } from '../../electron/services/db/postgres';
import { startPgTestCluster, type PgTestCluster } from './pg-cluster';

/** The cluster and its migrated database; filled in before the first test. */
export interface TestPostgres {
  cluster: PgTestCluster;
  database: PostgresDatabase;
}

/** Registers the `beforeAll` that starts a cluster with database `name` migrated, and the `afterAll` that ends it. */
export function migratedPostgres(name: string): TestPostgres {
  const pg = {} as Partial<TestPostgres>;
  beforeAll(async () => {
    pg.cluster = await startPgTestCluster();
    pg.database = await openPostgres(await pg.cluster.createDatabase(name), ALL_MIGRATIONS);
  }, 60_000);
  afterAll(async () => {
    await pg.database?.close();
    await pg.cluster?.stop();
  });
  return pg as TestPostgres;
}
