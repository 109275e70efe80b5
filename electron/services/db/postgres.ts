import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate, type Database, type DomainMigration } from './index';

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** Connections kept open for queries (LISTEN uses its own, see services/desk/bus). Default 10. */
  poolSize?: number;
}

/** The open PostgreSQL database plus its pool, for services (LISTEN/NOTIFY) that need a raw connection. */
export interface PostgresDatabase extends Database {
  dialect: 'postgres';
  pool: pg.Pool;
  /** The connection string, for services that open their own dedicated client (a LISTEN connection). */
  url: string;
}

/**
 * Open a team desk's PostgreSQL database (`postgres://user:pass@host:port/db`) and bring its schema up to date
 * with `migrations` (the same list as the embedded database's, passed in by the composition root). Fails with the
 * server's message when the database cannot be reached, so `npm run desk` says why it did not start.
 */
export async function openPostgres(
  url: string,
  migrations: readonly DomainMigration[],
  opts: PostgresOptions = {},
): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle client losing its server (restart) must not crash the process: the pool drops it and reconnects.
  pool.on('error', (e) => console.error('postgres pool:', e.message));
  // So must a client that is checked out but between queries when the server goes (a transaction waiting on the
  // app, a restart mid-request): without a listener its 'error' event is an uncaught exception. The pool discards
  // the broken client when it is released, and the request in flight gets the error.
  pool.on('connect', (client) => client.on('error', (e) => console.error('postgres client:', e.message)));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  const database: PostgresDatabase = {
    db,
    dialect: 'postgres',
    pool,
    url,
    close: () => db.destroy(),
  };
  try {
    await migrate(database, migrations);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return database;
}
