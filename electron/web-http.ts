import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { API_METHODS, METHODS, type ApiMethod, type ReviewEvent } from './contract';
import { runAsActor } from './core/actor';
import type { Authorize, Pipeline } from './core/pipeline';
import { toApiError } from './services/api-errors';
import { AppError } from './services/errors';
import { EMBEDDED_DESK } from './services/db/desk-scope';
import type { WebAuth, WebPrincipal } from './services/web/auth';
import { BodyTooLarge, readBody } from './services/web/request';

/** Content-Security-Policy for the served page: the same policy the desktop window enforces. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Header our page sends with every API call: a custom header a foreign page cannot send without a preflight. */
export const REQUEST_HEADER = 'x-review-request';

/** Content type of HTML pages. */
export const HTML_TYPE = 'text/html; charset=utf-8';

const MIME: Record<string, string> = {
  '.html': HTML_TYPE,
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const METHOD_OF_CHANNEL = new Map<string, ApiMethod>(API_METHODS.map((m) => [METHODS[m].channel, m]));

/**
 * The web host's authorize stage: a strategy that authorizes per call (the desk's roles) runs the call; else it
 * runs as the principal's actor (the loopback host's person), or as it is.
 */
export function webAuthorize(
  auth: () => WebAuth | null,
  emit: (event: ReviewEvent) => void,
): Authorize<WebPrincipal> {
  return (who, method, args, run) => {
    const strategy = auth();
    if (strategy?.invoke) return strategy.invoke(who, method, args, run, emit);
    return who.actor ? runAsActor({ desk: EMBEDDED_DESK, ...who.actor }, run) : run();
  };
}

/** Answer with the host's security headers on every response. */
export function send(
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

/** A JSON answer, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'Cache-Control': 'no-store' });
}

/** A file of the built renderer; nothing outside its folder, whatever the path says. */
export async function serveStatic(res: ServerResponse, rendererDir: string, path: string): Promise<void> {
  const file = normalize(join(rendererDir, path));
  if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'text/plain', 'Not found');
  try {
    const data = await readFile(file);
    return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', data);
  } catch {
    return send(res, 404, 'text/plain', 'Not found');
  }
}

/** Where a host's logged events are numbered and kept (the desk's database), for streams that reconnect. */
export interface EventLog {
  /** Id of the last logged event handed to {@link EventStreams.emit}. */
  readonly lastId: number;
  /** The logged events after `id` in order, or null when they cannot all be given (the page reloads). */
  since(id: number): Promise<Array<{ id: number; event: ReviewEvent }> | null>;
}

/** One open stream: its person, the last event id it was sent, and a chain keeping its events in order. */
interface Listener {
  who: WebPrincipal;
  last: number;
  chain: Promise<void>;
}

/** An event as a server-sent event frame (with its id when logged). */
function frame(event: ReviewEvent, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(event)}\n\n`;
}

/** The id a reconnecting stream resumes after: the `Last-Event-ID` header, or `?lastEventId=` of a new page. */
function resumeId(req: IncomingMessage): number | null {
  const header = req.headers['last-event-id'];
  const raw =
    (typeof header === 'string' && header) ||
    new URL(req.url ?? '/', 'http://x').searchParams.get('lastEventId');
  return raw && /^\d{1,15}$/.test(raw.trim()) ? Number(raw) : null;
}

/**
 * The pushed events (server-sent events), at most {@link EventStreams.MAX} open streams. Errors raised before
 * the page's stream connects (a damaged project found at start) wait for it, so the person still sees them.
 * With an {@link EventLog} (a desk), logged events carry ids and a stream that reconnects with the last id it got
 * is sent what it missed first (or `events-missed` when that cannot be told), then the live ones, each once.
 */
export class EventStreams {
  static readonly MAX = 16;
  private readonly listeners = new Map<ServerResponse, Listener>();
  private readonly waiting: ReviewEvent[] = [];

  constructor(
    private readonly max = EventStreams.MAX,
    /** Whether an event may reach a person's stream (a desk hides other desks' projects). */
    private readonly allowed: (who: WebPrincipal, event: ReviewEvent) => boolean | Promise<boolean> = () =>
      true,
    /** Most streams one person may hold (a team desk: one account cannot take every stream). */
    private readonly maxPerPerson = max,
    private readonly log?: EventLog,
  ) {}

  /** Push one event (`id`: its number in the log) to every open stream whose person may see it. */
  emit(event: ReviewEvent, id?: number): void {
    if (this.listeners.size === 0 && event.type === 'error' && this.waiting.push(event) > 10)
      this.waiting.shift();
    for (const [res, l] of this.listeners)
      l.chain = l.chain
        .then(() => (id !== undefined && id <= l.last ? false : this.allowed(l.who, event)))
        .then((ok) => {
          if (!ok) return;
          if (id !== undefined) l.last = id;
          // The person may have gone while `allowed` was asked: a write after the end would throw, unheard.
          if (!res.writableEnded && !res.destroyed) res.write(frame(event, id));
        })
        .catch(() => undefined);
  }

  /** `GET /api/events` of a signed-in page. */
  open(req: IncomingMessage, res: ServerResponse, who: WebPrincipal): void {
    if (this.listeners.size >= this.max) return sendJson(res, 429, { error: { code: 'api.rateLimited' } });
    let mine = 0;
    for (const l of this.listeners.values()) if (l.who.id === who.id) mine++;
    if (mine >= this.maxPerPerson)
      return sendJson(res, 429, {
        error: { code: 'api.tooManyStreams', params: { max: this.maxPerPerson } },
      });
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    for (const event of this.waiting.splice(0)) res.write(frame(event));
    // Live events from here on have ids above `from`; what came before is replayed first.
    const from = this.log?.lastId ?? 0;
    const resume = this.log ? resumeId(req) : null;
    const l: Listener = { who, last: from, chain: Promise.resolve() };
    // A resume point before any event has come (an event of its own type: pages do not take it as a message).
    if (this.log && resume === null) res.write(`event: resume\nid: ${from}\ndata:\n\n`);
    if (this.log && resume !== null) {
      l.last = resume;
      l.chain = this.replay(res, l, this.log, from).catch(() => undefined);
    }
    this.listeners.set(res, l);
    req.on('close', () => this.listeners.delete(res));
    res.on('error', () => this.listeners.delete(res));
  }

  /** Send a reconnected stream what it missed, or tell it that it missed more than can be told. */
  private async replay(res: ServerResponse, l: Listener, log: EventLog, from: number): Promise<void> {
    const missed = await log.since(l.last).catch(() => null);
    const open = () => !res.writableEnded && !res.destroyed;
    if (!missed) {
      l.last = from; // not above: ids the stream names may be another database's
      if (open()) res.write(frame({ type: 'events-missed' }, from));
      return;
    }
    for (const { id, event } of missed) {
      if (id <= l.last || !(await this.allowed(l.who, event))) continue;
      l.last = id;
      if (open()) res.write(frame(event, id));
    }
  }

  /** End every stream (the host is closing). */
  closeAll(): void {
    for (const res of this.listeners.keys()) res.end();
    this.listeners.clear();
  }
}

/**
 * `POST /api/<channel>` of a signed-in page: our request header, a known channel, a body within bounds, JSON,
 * then the one dispatch both transports share. Errors go back as codes (status 200, like a handler's own).
 */
export async function callApi(
  req: IncomingMessage,
  res: ServerResponse,
  call: {
    channel: string;
    who: WebPrincipal;
    pipeline: Pipeline<WebPrincipal>;
    maxBody: number;
  },
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
  if (req.headers[REQUEST_HEADER] !== '1') return sendJson(res, 403, { error: { code: 'api.forbidden' } });
  const method = METHOD_OF_CHANNEL.get(call.channel);
  if (!method)
    return sendJson(res, 404, { error: { code: 'api.invalidArgument', params: { detail: 'channel' } } });
  try {
    const body = await readBody(req, call.maxBody);
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      throw new AppError('api.invalidArgument', { detail: 'JSON' });
    }
    const value = await call.pipeline(method, args, call.who);
    return sendJson(res, 200, { value: value ?? null });
  } catch (e) {
    if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: toApiError(e) });
    const error = toApiError(e);
    if (error.code === 'unknown') console.error(`${method} failed:`, error.params?.detail);
    return sendJson(res, 200, { error });
  }
}
