/**
 * A throwaway PostgreSQL cluster for tests and benches: `initdb` into a temp folder, `pg_ctl start` on a free
 * loopback port, one database per caller, everything removed by `stop()`.
 *
 * PostgreSQL refuses to run as root and CI runs as root, so when we are root the folder is given to the `postgres`
 * system user and the binaries run through `runuser`. There is deliberately no "skip when missing": a machine
 * without the binaries gets an error that says what to install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPgBin, freePort, initCluster, pgRunner } from '../../electron/services/db/pg-tools';

export { findPgBin } from '../../electron/services/db/pg-tools';

/** A running throwaway cluster. */
export interface PgTestCluster {
  port: number;
  /** Connection string of a database in this cluster (created by {@link PgTestCluster.createDatabase}). */
  url(database: string): string;
  /** Create an empty database and return its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stop the server (fast shutdown) without removing its files, e.g. to test a restart. */
  stopServer(): Promise<void>;
  /** Start it again on the same port. */
  startServer(): Promise<void>;
  /** Stop and delete everything. */
  stop(): Promise<void>;
}

/**
 * Start a throwaway cluster. Tests run with `fsync=off` (nothing to lose); benches pass `durable: true` so their
 * figures include real commits.
 */
export async function startPgTestCluster(opts: { durable?: boolean } = {}): Promise<PgTestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  const pgRun = await pgRunner(findPgBin(), dir);
  await initCluster(pgRun, data, { sync: false });
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${opts.durable ? '' : ' -c fsync=off'}`;
  const startServer = async () => {
    await pgRun('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  };
  const stopServer = async () => {
    await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await startServer();
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      await pgRun('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return url(name);
    },
    stopServer,
    startServer,
    async stop() {
      try {
        await stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
