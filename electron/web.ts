/**
 * The loopback host: serves the same renderer and the same {@link ReviewApi} handlers as the desktop app, over HTTP
 * on 127.0.0.1, so the app runs in a browser (where no Electron binary exists) and Playwright can drive it.
 *
 * Only this machine can connect (bound to 127.0.0.1), and only a signed-in browser can call the API: the page and
 * every API call need the session cookie a one-time sign-in link gave (see `services/web/auth.ts`; other local
 * accounts and web pages never see that link), a Host header naming the loopback address (DNS rebinding), our own
 * Origin when the browser sends one and a custom request header (CSRF), and stay within size and rate bounds.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, type ApiMethod, type ReviewEvent } from './contract';
import { dispatch } from './dispatch';
import { createCore } from './handlers';
import { runAsActor } from './core/actor';
import { scrubPaths, toApiError } from './services/api-errors';
import { redact } from './services/redact';
import { AppError } from './services/errors';
import { SAMPLE_ARTICLE, defaultDataDir, findAppRoot } from './services/paths';
import { SettingsStore } from './services/settings';
import { SecretLinkAuth, SIGN_IN_HTML, type WebAuth, type WebPrincipal } from './services/web/auth';
import { BodyTooLarge, RateLimiter, readBody, safeDecode } from './services/web/limits';

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

/** Content-Security-Policy for the served page: the same policy the desktop window enforces. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Header our page sends with every API call: a custom header a foreign page cannot send without a preflight. */
export const REQUEST_HEADER = 'x-review-request';

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

const MAX_EVENT_STREAMS = 16;

/** Start the loopback host. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const env = opts.env ?? process.env;
  const appRoot = opts.appRoot ?? findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const rendererDir = resolve(opts.rendererDir);
  const maxBody = opts.maxBody ?? 96 * 1024 * 1024;
  const listeners = new Set<ServerResponse>();
  // Errors raised before the page's event stream connects (a damaged project found at start) wait for it.
  const waiting: ReviewEvent[] = [];
  const emit = (event: ReviewEvent) => {
    if (listeners.size === 0 && event.type === 'error' && waiting.push(event) > 10) waiting.shift();
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(frame);
  };
  const core = await createCore({
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    appVersion: opts.appVersion ?? '0.1.0',
    mode: 'browser',
    systemLocale: env.LANG?.split(/[._]/)[0]?.replace('_', '-') || 'en',
    samplePath: join(appRoot, SAMPLE_ARTICLE),
    settings: new SettingsStore(opts.dataDir, env, null),
    emit,
  });
  const failedSignIns = new RateLimiter(20, 1);
  const apiCalls = new RateLimiter(2 * (opts.apiRate ?? 200), opts.apiRate ?? 200);
  let auth: WebAuth | null = null;
  let indexHtml: string | null = null;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: toApiError(e) });
      console.error('web host:', redact(scrubPaths(e instanceof Error ? e.message : String(e))));
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });
  // Slow-loris bounds: headers within 10 s, a whole request (a large upload) within 2 minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address() as AddressInfo | null;
    if (!address || !auth) return send(res, 503, 'text/plain', 'Closing'); // a late request while shutting down
    const { port } = address;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'Misdirected');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`))
      return send(res, 403, 'text/plain', 'Forbidden');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      return send(res, 400, 'text/plain', 'Bad request');
    }
    const path = safeDecode(url.pathname);
    if (path === null) return send(res, 400, 'text/plain', 'Bad request');

    if (path === '/login' && !failedSignIns.take()) return send(res, 429, 'text/plain', 'Too many attempts');
    if (await auth.handle(req, res, url)) return;
    const principal = await auth.authenticate(req);
    if (path.startsWith('/api/')) {
      if (!principal) {
        failedSignIns.take();
        return sendJson(res, 401, { error: { code: 'api.sessionExpired' } });
      }
      if (!apiCalls.take()) return sendJson(res, 429, { error: { code: 'api.rateLimited' } });
      if (path === '/api/events' && req.method === 'GET') return openEventStream(req, res);
      return callApi(req, res, path.slice('/api/'.length), principal);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    if (path === '/' || path === '/index.html') {
      if (!principal) return send(res, 401, MIME['.html']!, SIGN_IN_HTML, { 'Cache-Control': 'no-store' });
      indexHtml ??= await readFile(join(rendererDir, 'index.html'), 'utf8');
      return send(res, 200, MIME['.html']!, indexHtml, { 'Cache-Control': 'no-store' });
    }
    // The bundle's scripts and styles are the public program, not data: served without a session.
    const file = normalize(join(rendererDir, path));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'text/plain', 'Not found');
    try {
      const data = await readFile(file);
      return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', data);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    if (listeners.size >= MAX_EVENT_STREAMS)
      return sendJson(res, 429, { error: { code: 'api.rateLimited' } });
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    for (const event of waiting.splice(0)) res.write(`data: ${JSON.stringify(event)}\n\n`);
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, channel: string, who: WebPrincipal) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
    if (req.headers[REQUEST_HEADER] !== '1') return sendJson(res, 403, { error: { code: 'api.forbidden' } });
    const method = METHOD_OF_CHANNEL.get(channel);
    if (!method)
      return sendJson(res, 404, { error: { code: 'api.invalidArgument', params: { detail: 'channel' } } });
    try {
      const body = await readBody(req, maxBody);
      let args: unknown;
      try {
        args = JSON.parse(body);
      } catch {
        throw new AppError('api.invalidArgument', { detail: 'JSON' });
      }
      const run = () => dispatch(core.handlers, method, args);
      const value = await (who.actor ? runAsActor(who.actor, run) : run());
      return sendJson(res, 200, { value: value ?? null });
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: toApiError(e) });
      const error = toApiError(e);
      if (error.code === 'unknown') console.error(`${method} failed:`, error.params?.detail);
      return sendJson(res, 200, { error });
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/`;
  const signIn = (auth = (opts.auth ?? ((p) => new SecretLinkAuth({ port: p })))(port));
  return {
    get url() {
      return signIn.loginUrl(base);
    },
    origin: base,
    async close() {
      for (const res of listeners) res.end();
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
  console.log(`Bilingual Review (browser mode): open ${host.url} (a one-time sign-in link)`);
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
