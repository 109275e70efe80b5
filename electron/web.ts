/**
 * The loopback host: serves the same renderer and the same {@link ReviewApi} handlers as the desktop app, over HTTP
 * on 127.0.0.1, so the app runs in a browser (where no Electron binary exists) and Playwright can drive it.
 *
 * Only this machine can connect (bound to 127.0.0.1), and only a signed-in browser can call the API: the page and
 * every API call need the session cookie a one-time sign-in link gave (see `services/web/auth.ts`; other local
 * accounts and web pages never see that link), a Host header naming the loopback address (DNS rebinding), our own
 * Origin when the browser sends one and a custom request header (CSRF), and stay within size and rate bounds.
 */
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { QueryExecutorProvider } from 'kysely';
import type { ReviewEvent } from './contract';
import { composePipeline } from './core/pipeline';
import { createCore } from './handlers';
import type { Database } from './services/db';
import { isAppError } from './services/errors';
import { acquireFolderLock } from './services/storage/lock';
import { runCommandLine } from './services/command-line';
import { SAMPLE_ARTICLE, defaultDataDir, findAppRoot } from './services/paths';
import { SettingsStore } from './services/settings';
import { SecretLinkAuth, type WebAuth } from './services/web/auth';
import { EventStreams, type EventLog, webAuthorize } from './web-http';
import { webRoutes } from './web-routes';

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** Environment to read DEEPL_AUTH_KEY / DEEPL_SERVER_URL from (defaults to process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The app's root folder, for the sample article. */
  appRoot?: string;
  now?: () => Date;
  appVersion?: string;
  /** How browsers sign in (default: a one-time link printed to the terminal, see {@link SecretLinkAuth}). */
  auth?: (port: number) => WebAuth;
  /** Largest request body in bytes (default 96 MiB: a 64 MiB article as base64). */
  maxBody?: number;
  /** API calls allowed per second, sustained (default 200, bursts of 400). */
  apiRate?: number;

  // Team desk: the same host serving a team over the network (electron/desk/server.ts sets these).
  /** Address to listen on (default 127.0.0.1). */
  listenHost?: string;
  /** Origins browsers reach the host at (`https://desk.example.org`); default the loopback address and port. */
  origins?: string[];
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** An already open database for the handlers (the desk's PostgreSQL); the core owns it from then on. */
  database?: Database;
  /** Events to and from the host's other processes (PostgreSQL LISTEN/NOTIFY). */
  bus?: {
    publish(event: ReviewEvent): Promise<void>;
    /** Logged events arrive with their id (this process's own too); others only from other processes. */
    subscribe(listener: (event: ReviewEvent, id?: number) => void): () => void;
    /** Whether the bus delivers `event` to this process's listeners itself (numbered, in order). */
    delivers(event: ReviewEvent): boolean;
    /** Record a change's event in the change's transaction (the outbox); publishing it then moves it on. */
    record(db: QueryExecutorProvider, event: ReviewEvent): Promise<void>;
  } & EventLog;
  /** Most event streams open at once (default 16: one person's tabs; a desk serves a team). */
  maxStreams?: number;
  /** Most event streams one person may hold (default: {@link maxStreams}). */
  maxStreamsPerPerson?: number;
}

/** A running loopback host. */
export interface WebHost {
  /**
   * An address that opens the app in a browser: each read mints a new one-time sign-in link, so Playwright's
   * `page.goto(host.url)` works in every fresh browser context. Print it once for a person.
   */
  readonly url: string;
  /** `http://127.0.0.1:PORT/`, without a sign-in secret (for building API URLs). */
  readonly origin: string;
  close(): Promise<void>;
}

/** The host's core, its event streams, and how events travel (this process's streams, the desk's other processes). */
async function openHostCore(opts: WebHostOptions, auth: () => WebAuth | null) {
  const env = opts.env ?? process.env;
  const appRoot = opts.appRoot ?? findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  // Each stream gets only the events its person may see (the desk's projects and roles); default: all.
  const streams = new EventStreams(
    opts.maxStreams,
    (who, event) => auth()?.canReceive?.(who, event) ?? true,
    opts.maxStreamsPerPerson,
    opts.bus,
  );
  const { bus } = opts;
  const emit = (event: ReviewEvent) => {
    if (!bus?.delivers(event)) streams.emit(event);
    bus
      ?.publish(event)
      .catch((e: unknown) => console.error('desk events:', e instanceof Error ? e.message : e));
  };
  // One writer per data folder: a second host on the same folder stops here ("folder in use"). A desk's data
  // lives in its database server, which does its own locking.
  const lock = opts.database ? null : acquireFolderLock(opts.dataDir);
  const core = await createCore({
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    appVersion: opts.appVersion ?? '0.1.0',
    mode: 'browser',
    systemLocale: env.LANG?.split(/[._]/)[0]?.replace('_', '-') || 'en',
    samplePath: join(appRoot, SAMPLE_ARTICLE),
    settings: new SettingsStore(opts.dataDir, env, null),
    emit,
    ...(opts.database ? { database: opts.database, deliverBeforeReady: true } : {}),
    // A change's event is committed with the change; `emit` (after the commit) then publishes it.
    ...(opts.database && bus ? { record: (db, event) => bus.record(db, event) } : {}),
  });
  // Another process's change: refresh this process's copy of those rows, and tell this process's streams.
  const unsubscribe = bus?.subscribe((event, id) => {
    if (event.type === 'segments-updated' && opts.database?.dialect === 'postgres')
      core.store.external(event.projectId, event.segments);
    streams.emit(event, id);
  });
  return { core, streams, emit, lock, unsubscribe };
}

/** Start the loopback host. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  let auth: WebAuth | null = null;
  const { core, streams, emit, lock, unsubscribe } = await openHostCore(opts, () => auth);
  // Every API call: validate → authorize (the sign-in strategy's) → the core (route → handle). Composed once.
  const pipeline = composePipeline({ authorize: webAuthorize(() => auth, emit), handle: core.handle });
  const scheme = opts.tls ? 'https' : 'http';
  const server = opts.tls ? createTlsServer(opts.tls) : createServer();
  server.on(
    'request',
    webRoutes({
      server,
      scheme,
      ...(opts.origins ? { origins: opts.origins } : {}),
      auth: () => auth,
      streams,
      pipeline,
      rendererDir: resolve(opts.rendererDir),
      maxBody: opts.maxBody ?? 96 * 1024 * 1024,
      apiRate: opts.apiRate ?? 200,
    }),
  );
  // Slow-loris bounds: headers within 10 s, a whole request (a large upload) within 2 minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.listenHost ?? '127.0.0.1', () => ok());
  });
  const { port, address } = server.address() as AddressInfo;
  const shown = !opts.listenHost ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  const base = `${scheme}://${shown}:${port}/`;
  const signIn = (auth = (opts.auth ?? ((p) => new SecretLinkAuth({ port: p })))(port));
  return {
    get url() {
      return signIn.loginUrl(base);
    },
    origin: base,
    async close() {
      unsubscribe?.();
      // Stop listening first: a client reconnecting its event stream while the core closes (which can take a
      // while) would otherwise hold the server open. Requests still arriving on open connections get 503.
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      streams.closeAll();
      server.closeIdleConnections();
      await core.close();
      server.closeAllConnections();
      await closed;
      lock?.release();
    },
  };
}

const WEB_USAGE = 'tsx electron/web.ts [--port N] [--data-dir DIR] [--renderer DIR]';

/** Run the browser mode from a terminal (see WEB_USAGE). */
async function main(argv: string[]): Promise<void> {
  const { values: flags } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, renderer: { type: 'string' } },
    strict: true,
  });
  const root = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const host = await startWebHost({
    dataDir: flags['data-dir'] ?? defaultDataDir(process.env),
    port: Number(flags.port ?? process.env.PORT ?? 0),
    rendererDir: flags.renderer ?? join(root, 'dist', 'renderer'),
    appRoot: root,
  });
  console.log(`Bilingual Review (browser mode): open ${host.url} (a one-time sign-in link)`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCommandLine('web', WEB_USAGE, main, {
    describe: (e) =>
      isAppError(e, 'storage.folderInUse')
        ? `The data folder ${String(e.params?.folder)} is in use by another Bilingual Review window.`
        : undefined,
  });
}

export { defaultDataDir } from './services/paths';
export { CSP, REQUEST_HEADER } from './web-http';
