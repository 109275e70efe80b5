/**
 * Running Debian's PostgreSQL server binaries from Node: finding them, running them as the `postgres` system user
 * when we are root (PostgreSQL refuses to run as root, and CI runs as root), and picking a free loopback port.
 * Shared by the tests' throwaway clusters and the try-out desk's local cluster.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Run one of the server's binaries (`initdb`, `pg_ctl`, `createdb`) in `dir`. */
export type PgRun = (cmd: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

/**
 * A runner for the binaries of `bin` working in `dir`. As root, `dir` is handed to the `postgres` system user
 * first (mode 0700, as initdb wants) and the binaries run through `runuser`.
 */
export async function pgRunner(bin: string, dir: string): Promise<PgRun> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(uid.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  return (cmd, args) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir })
      : run(join(bin, cmd), args, { cwd: dir });
}

/** `initdb` a cluster into `data` with trust authentication (loopback only) for the `postgres` user. */
export async function initCluster(pg: PgRun, data: string, opts: { sync: boolean }): Promise<void> {
  await pg('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    ...(opts.sync ? [] : ['--no-sync']),
  ]);
}
