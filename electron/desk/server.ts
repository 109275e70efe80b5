/**
 * The team desk server: the app's own web host and handler map, on PostgreSQL, with password sign-in, roles, and
 * live updates between server processes.
 *
 *   npm run desk -- --database postgres://user@host/db --listen 0.0.0.0:8443 --origin https://desk.example.org \
 *     [--tls-cert cert.pem --tls-key key.pem | --behind-tls-proxy] [--data-dir DIR]
 *
 * Every flag has an environment variable: DESK_DATABASE_URL, DESK_LISTEN, DESK_ORIGIN (comma-separated),
 * DESK_TLS_CERT, DESK_TLS_KEY, DESK_BEHIND_TLS_PROXY=1, DESK_DATA_DIR.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DeskAccess } from '../services/desk/access';
import { PgEventBus } from '../services/desk/bus';
import { DeskDirectory } from '../services/desk/directory';
import { openPostgres, type PostgresDatabase } from '../services/db/postgres';
import { runCommandLine } from '../services/command-line';
import { defaultDataDir, findAppRoot } from '../services/paths';
import type { Principal } from '../services/desk/directory';
import type { WebAuth } from '../services/web/auth';
import { startWebHost } from '../web';
import { passwordLogin } from './auth';
import { deskGuard } from './guard';
import { SessionMemory } from './sessions';
import { ALL_MIGRATIONS } from '../core/migrations';

/** What a desk server needs. */
export interface DeskServerOptions {
  databaseUrl: string;
  /** `HOST:PORT`; port 0 picks a free one. */
  listen: string;
  /** Public origins (scheme://host[:port]) browsers use; required unless listening on loopback. */
  origins?: string[];
  tls?: { certFile: string; keyFile: string };
  /** Browsers reach the desk over HTTPS through a proxy that terminates TLS: cookies get `Secure`. */
  behindTlsProxy?: boolean;
  /** Folder for what is not in the database yet (project files until the storage repository lands). */
  dataDir: string;
  rendererDir: string;
  appRoot?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** A running desk server. */
export interface DeskServer {
  url: string;
  database: PostgresDatabase;
  bus: PgEventBus;
  close(): Promise<void>;
}

/** Event streams one desk account may hold open at once (tabs, windows, a phone). */
export const MAX_STREAMS_PER_PERSON = 16;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Parse `HOST:PORT` (IPv6 in brackets). */
export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(listen.trim());
  if (!m || Number(m[2]) > 65535)
    throw new Error(`--listen takes HOST:PORT (e.g. 127.0.0.1:8080), not '${listen}'`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

/** Start a desk server. */
export async function startDeskServer(opts: DeskServerOptions): Promise<DeskServer> {
  const { host, port } = parseListen(opts.listen);
  if (!LOOPBACK.has(host) && !opts.origins?.length)
    throw new Error(
      'listening beyond this machine needs --origin https://your.desk.address (what browsers type)',
    );
  const database = await openPostgres(opts.databaseUrl, ALL_MIGRATIONS);
  const bus = new PgEventBus(database);
  try {
    await bus.start();
    const directory = new DeskDirectory(database);
    const access = new DeskAccess(database);
    const sessions = new SessionMemory(directory);
    const secure = Boolean(opts.tls) || Boolean(opts.behindTlsProxy);
    const login = passwordLogin({ directory, secure, sessions });
    const guard = deskGuard(access, sessions);
    // The host's sign-in strategy: password sessions, every call authorized by role and project, and each event
    // stream filtered to what its person may see.
    const auth: WebAuth = {
      handle: (req, res, url) => login.handleRoute(req, res, url),
      authenticate: (req) => login.authenticate(req),
      loginUrl: (base) => base,
      invoke: (who, method, args, handler, emit) =>
        guard.invoke(who as Principal, method, args, handler, emit),
      canReceive: (who, event) => guard.canReceive(who as Principal, event),
      unauthenticatedCode: 'desk.notSignedIn',
      pageSignsIn: true,
    };
    const tls = opts.tls && { cert: readFileSync(opts.tls.certFile), key: readFileSync(opts.tls.keyFile) };
    const host_ = await startWebHost({
      dataDir: opts.dataDir,
      port,
      listenHost: host,
      origins: opts.origins,
      tls,
      rendererDir: opts.rendererDir,
      appRoot: opts.appRoot,
      env: opts.env,
      auth: () => auth,
      database,
      bus,
      // A team, not one person's tabs: more streams and calls than the single-user host allows.
      maxStreams: 1000,
      // One person's tabs and windows; the rest of the streams stay for the rest of the team.
      maxStreamsPerPerson: MAX_STREAMS_PER_PERSON,
      apiRate: 5000,
    });
    const prune = setInterval(
      () => {
        void directory.pruneSessions().catch(() => undefined);
        void bus.prune().catch(() => undefined);
      },
      60 * 60 * 1000,
    );
    prune.unref();
    return {
      url: host_.url,
      database,
      bus,
      async close() {
        clearInterval(prune);
        await bus.close();
        await host_.close(); // closes the database too (the core owns it once given)
      },
    };
  } catch (e) {
    await bus.close();
    await database.close();
    throw e;
  }
}

const DESK_FLAGS = {
  database: { type: 'string' },
  listen: { type: 'string' },
  origin: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'behind-tls-proxy': { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

const DESK_USAGE = `npm run desk -- [--database postgres://…] [--listen HOST:PORT] [--origin URL,…] [--tls-cert FILE --tls-key FILE]
       [--behind-tls-proxy] [--data-dir DIR]   (each also from DESK_DATABASE_URL, DESK_LISTEN, DESK_ORIGIN,
       DESK_TLS_CERT, DESK_TLS_KEY, DESK_BEHIND_TLS_PROXY=1, DESK_DATA_DIR)`;

/** Options from flags (`util.parseArgs`), falling back to environment variables. */
export function deskOptionsFrom(argv: string[], env: NodeJS.ProcessEnv, root: string): DeskServerOptions {
  const { values: flags } = parseArgs({ args: argv, options: DESK_FLAGS, strict: true });
  const databaseUrl = flags.database ?? env.DESK_DATABASE_URL;
  if (!databaseUrl) throw new Error('say which database: --database postgres://… (or DESK_DATABASE_URL)');
  const cert = flags['tls-cert'] ?? env.DESK_TLS_CERT;
  const key = flags['tls-key'] ?? env.DESK_TLS_KEY;
  if (Boolean(cert) !== Boolean(key)) throw new Error('--tls-cert and --tls-key go together');
  const origins = (flags.origin ?? env.DESK_ORIGIN)?.split(',').map((o) => o.trim().replace(/\/$/, ''));
  return {
    databaseUrl,
    listen: flags.listen ?? env.DESK_LISTEN ?? '127.0.0.1:8080',
    origins,
    tls: cert && key ? { certFile: cert, keyFile: key } : undefined,
    behindTlsProxy: flags['behind-tls-proxy'] === true || env.DESK_BEHIND_TLS_PROXY === '1',
    dataDir: flags['data-dir'] ?? env.DESK_DATA_DIR ?? join(defaultDataDir(env), 'desk'),
    rendererDir: join(root, 'dist', 'renderer'),
    appRoot: root,
    env,
  };
}

async function main(argv: string[]): Promise<void> {
  const root = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const server = await startDeskServer(deskOptionsFrom(argv, process.env, root));
  console.log(`Bilingual Review team desk at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCommandLine('desk', DESK_USAGE, main);
}
