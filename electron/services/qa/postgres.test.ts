import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { startPgTestCluster, type PgTestCluster } from '../../../test/support/pg-cluster';
import { openPostgres, type PostgresDatabase } from '../db/postgres';
import { qaRepositoryCases } from '../../../test/support/qa-repository-cases';
import { ALL_MIGRATIONS } from '../../core/migrations';

let cluster: PgTestCluster;
let database: PostgresDatabase;
let n = 0;
beforeAll(async () => {
  cluster = await startPgTestCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('QaRepository (PostgreSQL)', () => {
  beforeEach(async () => {
    database = await openPostgres(await cluster.createDatabase(`qa${++n}`), ALL_MIGRATIONS);
  });
  afterEach(() => database.close());
  qaRepositoryCases(() => database);
});
