/**
 * A throwaway PostgreSQL cluster for tests and benches: `initdb` into a temp folder, `pg_ctl start` on a free
 * loopback port, one database per caller, everything removed by `stop()`.
 *
 * PostgreSQL refuses to run as root and CI runs as root, so when we are root the folder is given to the `postgres`
 * system user and the binaries run through `runuser`. There is deliberately no "skip when missing": a machine
 * without the binaries gets an error that says what to install.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** Where Debian (and Ubuntu) put the server binaries; PG_BIN overrides. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN) return env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error(
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin; set PG_BIN). ' +
        'Install them: apt-get install postgresql (npm run setup -- --test does this as root).',
    );
  return join(base, versions[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/**
 * Start a throwaway cluster. Tests run with `fsync=off` (nothing to lose); benches pass `durable: true` so their
 * figures include real commits.
 */
export async function startPgTestCluster(opts: { durable?: boolean } = {}): Promise<PgTestCluster> {
  const bin = findPgBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  const pgRun = (cmd: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir })
      : run(join(bin, cmd), args, { cwd: dir });
  await pgRun('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
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
