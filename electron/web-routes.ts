// The loopback host's request routing (see web.ts): which requests are refused before anything runs (Host, Origin,
// sign-in attempts, rate), the API and its event stream, the page, and the renderer's static files.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Pipeline } from './core/pipeline';
import { scrubPaths, toApiError } from './services/api-errors';
import { redact } from './services/redact';
import { SIGN_IN_HTML, type WebAuth, type WebPrincipal } from './services/web/auth';
import { PerKeyLimiter, RateLimiter, safeDecode } from './services/web/limits';
import { BodyTooLarge } from './services/web/request';
import { type EventStreams, HTML_TYPE, callApi, send, sendJson, serveStatic } from './web-http';

/** What the routes need from the host. */
export interface RouteContext {
  server: Server;
  scheme: 'http' | 'https';
  /** Origins browsers reach the host at (default: the loopback address and port). */
  origins?: string[];
  /** The sign-in strategy, once the host listens (null before and while closing). */
  auth(): WebAuth | null;
  streams: EventStreams;
  pipeline: Pipeline<WebPrincipal>;
  rendererDir: string;
  maxBody: number;
  /** API calls allowed per second, sustained. */
  apiRate: number;
}

/** The request listener: every failure answered (503 for the API, so the page can show it and retry). */
export function webRoutes(ctx: RouteContext): (req: IncomingMessage, res: ServerResponse) => void {
  const route = router(ctx);
  return (req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: toApiError(e) });
      console.error('web host:', redact(scrubPaths(e instanceof Error ? e.message : String(e))));
      // A desk whose database is restarting fails here, in the sign-in lookup, before any handler runs.
      if (!res.headersSent && (req.url ?? '').startsWith('/api/'))
        return sendJson(res, 503, { error: { code: 'api.unavailable' } });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  };
}

/** The path a request may go on with, or null once it was answered (wrong Host, foreign Origin, bad URL). */
function admitted(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, port: number): URL | null {
  // DNS rebinding: only the names the host is really reached at; CSRF: only our own origins.
  const origins = ctx.origins ?? [`${ctx.scheme}://127.0.0.1:${port}`, `${ctx.scheme}://localhost:${port}`];
  if (!origins.some((o) => new URL(o).host === req.headers.host)) {
    send(res, 421, 'text/plain', 'Misdirected');
    return null;
  }
  const origin = req.headers.origin;
  if (origin && !origins.includes(origin)) {
    send(res, 403, 'text/plain', 'Forbidden');
    return null;
  }
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host}`);
  } catch {
    send(res, 400, 'text/plain', 'Bad request');
    return null;
  }
}

function router(ctx: RouteContext) {
  // Per client address: an outsider spending its attempts never refuses the owner's fresh link.
  const signInAttempts = new PerKeyLimiter(20, 1);
  const apiCalls = new RateLimiter(2 * ctx.apiRate, ctx.apiRate);
  let indexHtml: string | null = null;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const address = ctx.server.address() as AddressInfo | null;
    const auth = ctx.auth();
    if (!address || !auth) return send(res, 503, 'text/plain', 'Closing'); // a late request while shutting down
    const url = admitted(ctx, req, res, address.port);
    if (!url) return;
    const path = safeDecode(url.pathname);
    if (path === null) return send(res, 400, 'text/plain', 'Bad request');

    const client = req.socket.remoteAddress ?? '';
    if (path === '/login' && !auth.acceptsLink?.(url) && !signInAttempts.take(client))
      return send(res, 429, 'text/plain', 'Too many attempts');
    if (await auth.handle(req, res, url)) return;
    const principal = await auth.authenticate(req);
    if (path.startsWith('/api/')) {
      if (!principal) {
        signInAttempts.take(client);
        return sendJson(res, 401, { error: { code: auth.unauthenticatedCode ?? 'api.sessionExpired' } });
      }
      if (!apiCalls.take()) return sendJson(res, 429, { error: { code: 'api.rateLimited' } });
      if (path === '/api/events' && req.method === 'GET') return ctx.streams.open(req, res, principal);
      const channel = path.slice('/api/'.length);
      return callApi(req, res, { channel, who: principal, pipeline: ctx.pipeline, maxBody: ctx.maxBody });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    if (path === '/' || path === '/index.html') {
      // A desk's page signs in by itself (its sign-in screen); the secret link's page needs the session first.
      if (!principal && !auth.pageSignsIn)
        return send(res, 401, HTML_TYPE, SIGN_IN_HTML, { 'Cache-Control': 'no-store' });
      indexHtml ??= await readFile(join(ctx.rendererDir, 'index.html'), 'utf8');
      return send(res, 200, HTML_TYPE, indexHtml, { 'Cache-Control': 'no-store' });
    }
    // The bundle's scripts and styles are the public program, not data: served without a session.
    return serveStatic(res, ctx.rendererDir, path);
  };
}
