/**
 * The loopback host: serves the same renderer and the same {@link ReviewApi} handlers as the desktop app, over HTTP
 * on 127.0.0.1, so the app runs in a browser (where no Electron binary exists) and Playwright can drive it.
 *
 * Only this machine can connect (bound to 127.0.0.1), and only our own page can call the API: every request needs
 * the per-run token embedded in the served page, a Host header naming the loopback address (DNS rebinding), and,
 * when the browser sends one, our own Origin (CSRF).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, type ApiMethod, type ReviewEvent } from './contract';
import type { HostAuth } from './desk/auth';
import { createCore } from './handlers';
import type { Database } from './services/db';
import type { Principal } from './services/desk/directory';
import { toApiError } from './services/api-errors';
import { AppError } from './services/errors';
import { SAMPLE_ARTICLE, defaultDataDir, findAppRoot } from './services/paths';
import { SettingsStore } from './services/settings';
import { validateArgs } from './validation';

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
  // Team desk: the same host serving a team over the network (electron/desk/server.ts sets these).
  /** Address to listen on (default 127.0.0.1). */
  listenHost?: string;
  /** Origins browsers reach the host at (`https://desk.example.org`); default the loopback address and port. */
  origins?: string[];
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Sign-in instead of the per-run token: who is behind each request, and what they may do. */
  auth?: HostAuth;
  /** An already open database for the handlers (the desk's PostgreSQL). */
  database?: Database;
  /** Events to and from the host's other processes (PostgreSQL LISTEN/NOTIFY). */
  bus?: {
    publish(event: ReviewEvent): Promise<void>;
    subscribe(listener: (event: ReviewEvent) => void): () => void;
  };
}

/** A running loopback host. */
export interface WebHost {
  url: string;
  close(): Promise<void>;
}

/** Content-Security-Policy for the served page: the same policy the desktop window enforces. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const METHOD_OF_CHANNEL = new Map<string, ApiMethod>(
  (Object.entries(CHANNELS) as Array<[ApiMethod, string]>).map(([m, c]) => [c, m]),
);

const MAX_BODY = 96 * 1024 * 1024;

/** Start the loopback host. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const env = opts.env ?? process.env;
  const token = randomBytes(24).toString('base64url');
  const appRoot = opts.appRoot ?? findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const rendererDir = resolve(opts.rendererDir);
  const { auth, bus } = opts;
  // Each stream's events are checked against its person in order (a chain per stream), when there is sign-in.
  const listeners = new Map<ServerResponse, { who: Principal | null; chain: Promise<void> }>();
  const deliver = (event: ReviewEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const [res, l] of listeners) {
      if (!l.who || !auth) res.write(frame);
      else {
        const who = l.who;
        l.chain = l.chain
          .then(() => auth.canReceive(who, event))
          .then((ok) => void (ok && res.write(frame)))
          .catch(() => undefined);
      }
    }
  };
  const emit = (event: ReviewEvent) => {
    deliver(event);
    bus
      ?.publish(event)
      .catch((e: unknown) => console.error('desk events:', e instanceof Error ? e.message : e));
  };
  const unsubscribe = bus?.subscribe(deliver);
  const core = await createCore({
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    appVersion: opts.appVersion ?? '0.1.0',
    mode: 'browser',
    systemLocale: env.LANG?.split(/[._]/)[0]?.replace('_', '-') || 'en',
    samplePath: join(appRoot, SAMPLE_ARTICLE),
    settings: new SettingsStore(opts.dataDir, env, null),
    emit,
    database: opts.database,
  });
  let indexHtml: string | null = null;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      console.error('web host:', e instanceof Error ? e.message : e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  };
  const server = opts.tls ? createTlsServer(opts.tls, onRequest) : createServer(onRequest);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address() as AddressInfo | null;
    if (!address) return send(res, 503, 'text/plain', 'Closing'); // a late request while shutting down
    const { port } = address;
    const scheme = opts.tls ? 'https' : 'http';
    const origins = opts.origins ?? [`${scheme}://127.0.0.1:${port}`, `${scheme}://localhost:${port}`];
    if (!origins.some((o) => new URL(o).host === req.headers.host))
      return send(res, 421, 'text/plain', 'Misdirected');
    const origin = req.headers.origin;
    if (origin && !origins.includes(origin)) return send(res, 403, 'text/plain', 'Forbidden');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (auth && (await auth.handleRoute(req, res, url))) return;
    const who = auth && url.pathname.startsWith('/api/') ? await auth.authenticate(req) : null;

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (auth ? !who : url.searchParams.get('token') !== token)
          return send(res, auth ? 401 : 403, 'text/plain', 'Forbidden');
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        listeners.set(res, { who, chain: Promise.resolve() });
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      if (auth ? !who : req.headers['x-review-token'] !== token)
        return sendJson(res, auth ? 401 : 403, {
          error: { code: auth ? 'desk.notSignedIn' : 'api.forbidden' },
        });
      const method = METHOD_OF_CHANNEL.get(decodeURIComponent(url.pathname.slice('/api/'.length)));
      if (!method)
        return sendJson(res, 404, { error: { code: 'api.invalidArgument', params: { detail: 'channel' } } });
      try {
        const body = await readBody(req);
        let args: unknown;
        try {
          args = JSON.parse(body);
        } catch {
          throw new AppError('api.invalidArgument', { detail: 'JSON' });
        }
        const valid = validateArgs(method, args) as unknown[];
        const fn = core.handlers[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await (auth && who
          ? auth.invoke(who, method, valid, () => fn(...valid), emit)
          : fn(...valid));
        return sendJson(res, 200, { value: value ?? null });
      } catch (e) {
        const error = toApiError(e);
        if (error.code === 'unknown') console.error(`${method} failed:`, e);
        return sendJson(res, 200, { error });
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      indexHtml ??= (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace(
        '</head>',
        auth ? '</head>' : `<meta name="review-token" content="${token}"></head>`,
      );
      return send(res, 200, MIME['.html']!, indexHtml, { 'Cache-Control': 'no-store' });
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'text/plain', 'Not found');
    try {
      const data = await readFile(file);
      return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', data);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.listenHost ?? '127.0.0.1', () => ok());
  });
  const { port, address } = server.address() as AddressInfo;
  const shown = !opts.listenHost ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}/`,
    async close() {
      unsubscribe?.();
      for (const res of listeners.keys()) res.end();
      await core.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'Cache-Control': 'no-store' });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AppError('api.invalidArgument', { detail: 'body too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `tsx electron/web.ts [--port N] [--data-dir DIR] [--renderer DIR]`: run the browser mode from a terminal. */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const host = await startWebHost({
    dataDir: arg('--data-dir') ?? defaultDataDir(process.env),
    port: Number(arg('--port') ?? process.env.PORT ?? 0),
    rendererDir: arg('--renderer') ?? join(root, 'dist', 'renderer'),
    appRoot: root,
  });
  console.log(`Bilingual Review (browser mode) at ${host.url}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

export { defaultDataDir } from './services/paths';
