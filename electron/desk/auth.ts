/**
 * Password sign-in for the desk server, as a strategy the host plugs in: it answers its own routes
 * (`POST /auth/login`, `POST /auth/logout`) and tells the host who is behind a request. The session lives in a
 * cookie that scripts cannot read (HttpOnly), that is never sent cross-site (SameSite=Strict, which with the host's
 * Origin check is the CSRF defence), and that only travels over TLS when the desk is served over TLS (Secure).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMethod, ReviewEvent } from '../contract';
import type { DeskDirectory, Principal } from '../services/desk/directory';
import { SESSION_TTL_MS } from '../services/desk/directory';
import { nameSkeleton } from '../services/desk/skeleton';
import { readBody, readCookie } from '../services/web/request';
import { AttemptLedger, FairGate } from './door';
import { isEditCall, type SessionMemory } from './sessions';

/** What the web host needs from an authentication strategy. */
export interface HostAuth {
  /** Answer the strategy's own routes; false when `url` is not one of them. */
  handleRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The signed-in person behind a request, or null. */
  authenticate(req: IncomingMessage): Promise<Principal | null>;
  /** Run one API call for `principal`: authorization first, then the handler acting as that person. */
  invoke(
    principal: Principal,
    method: ApiMethod,
    args: unknown[],
    handler: () => Promise<unknown>,
    emit: (event: ReviewEvent) => void,
  ): Promise<unknown>;
  /** Whether a pushed event may reach this person's event stream. */
  canReceive(principal: Principal, event: ReviewEvent): Promise<boolean>;
}

/** The session cookie's name (`__Host-` when Secure: the browser then refuses it from any other path or domain). */
export function cookieName(secure: boolean): string {
  return secure ? '__Host-desk_session' : 'desk_session';
}

// Per account name, and (higher, a newsroom may share one address behind NAT) per client address: failed attempts in
// the window plus attempts in flight (reserved before the password is hashed, so parallel guesses count too).
const MAX_FAILURES = { name: 5, address: 50 };
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Password hashes computed at once (each scrypt takes 32 MiB and a thread of libuv's pool of 4). */
export const CONCURRENT_HASHES = 2;

/** Options of {@link passwordLogin}. */
export interface PasswordLoginOptions {
  directory: DeskDirectory;
  /** True when browsers reach the desk over HTTPS (built-in TLS or a TLS-terminating proxy). */
  secure: boolean;
  now?: () => number;
  /** Admission of password hashes (tests watch it); one per server by default. */
  gate?: FairGate;
  /** Sessions remembered for edit calls (see sessions.ts); none: every request reads its session afresh. */
  sessions?: SessionMemory;
}

/** The login/logout routes and cookie reading of password sign-in. */
export function passwordLogin(opts: PasswordLoginOptions): Pick<HostAuth, 'handleRoute' | 'authenticate'> {
  const name = cookieName(opts.secure);
  const now = opts.now ?? Date.now;
  // Attempts per account name and per client address: guessing is slowed without locking anyone out for long.
  const attempts = new AttemptLedger(FAILURE_WINDOW_MS, now);
  const hashes = opts.gate ?? new FairGate(CONCURRENT_HASHES);
  const cookie = (value: string, maxAgeS: number) =>
    `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${opts.secure ? '; Secure' : ''}`;

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return reply(res, 415, { error: { code: 'api.invalidArgument', params: { detail: 'Content-Type' } } });
    let body: { name?: unknown; password?: unknown };
    try {
      body = JSON.parse(await readBody(req, 16 * 1024)) as typeof body;
    } catch {
      return reply(res, 400, { error: { code: 'api.invalidArgument', params: { detail: 'JSON' } } });
    }
    if (typeof body.name !== 'string' || typeof body.password !== 'string' || body.password.length > 1000)
      return reply(res, 400, { error: { code: 'desk.badLogin' } });
    const address = req.socket.remoteAddress ?? '';
    // A name's look-alikes (`Boss`, `boss`, Cyrillic `bоss`) are one account, so they share one count.
    const keys = [`n:${nameSkeleton(body.name)}`, `a:${address}`];
    if (attempts.count(keys[0]!) >= MAX_FAILURES.name || attempts.count(keys[1]!) >= MAX_FAILURES.address)
      return reply(res, 429, { error: { code: 'desk.tooManyAttempts', params: { minutes: 15 } } });
    const release = attempts.reserve(keys);
    let session: Awaited<ReturnType<DeskDirectory['login']>>;
    try {
      session = await opts.directory.login(body.name, body.password, (job) => hashes.run(address, job));
    } catch (e) {
      release('error'); // the database, not the password: nothing to count
      throw e;
    }
    release(session ? 'ok' : 'failed');
    if (!session) return reply(res, 401, { error: { code: 'desk.badLogin' } });
    const { principal } = session;
    reply(
      res,
      200,
      { value: { id: principal.id, name: principal.name, role: principal.role } },
      {
        'Set-Cookie': cookie(session.token, Math.floor(SESSION_TTL_MS / 1000)),
      },
    );
  }

  return {
    async handleRoute(req, res, url) {
      if (url.pathname !== '/auth/login' && url.pathname !== '/auth/logout') return false;
      if (req.method !== 'POST') {
        reply(res, 405, { error: { code: 'api.forbidden' } });
        return true;
      }
      if (url.pathname === '/auth/login') await login(req, res);
      else {
        const token = readCookie(req, name);
        if (token) {
          opts.sessions?.forget(token);
          await opts.directory.logout(token);
        }
        reply(res, 200, { value: null }, { 'Set-Cookie': cookie('', 0) });
      }
      return true;
    },
    async authenticate(req) {
      const token = readCookie(req, name);
      if (!token) return null;
      const { sessions } = opts;
      if (!sessions) return opts.directory.session(token);
      const remembered = isEditCall(req) ? sessions.get(token) : undefined;
      if (remembered) return remembered;
      const who = await opts.directory.session(token);
      if (who) sessions.remember(token, who);
      else sessions.forget(token);
      return who;
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(JSON.stringify(body));
}
