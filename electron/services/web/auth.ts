import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMethod, ReviewEvent } from '../../contract';
import { readCookie } from './request';

/** The person a browser request acts for, as a {@link WebAuth} strategy established it. */
export interface WebPrincipal {
  id: string;
  name: string;
  /**
   * When set, handlers record changes as this person (a desk account). The single-user link leaves it unset, so
   * the reviewer name from Settings is used.
   */
  actor?: { id: string; name: string };
}

/**
 * How the loopback host knows who is calling. The host asks the strategy first to answer its own routes (sign-in,
 * sign-out), then to authenticate every API and page request; a request without a principal gets 401
 * `api.sessionExpired`. The single-user browser mode uses {@link SecretLinkAuth}; the team desk plugs in a
 * password strategy with the same shape.
 */
export interface WebAuth {
  /** Answer the strategy's own routes; true when it answered (the host then does nothing more). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Who sent the request, or null. Comparisons of secrets must not leak timing. */
  authenticate(req: IncomingMessage): Promise<WebPrincipal | null>;
  /**
   * The address a person opens to sign in, given the host's base URL (`http://127.0.0.1:PORT/`). For the secret
   * link every call mints a new one-time link.
   */
  loginUrl(baseUrl: string): string;
  /** True when the request carries a valid sign-in link, which no rate limit may refuse (default: never). */
  acceptsLink?(url: URL): boolean;
  /**
   * Run one API call for `who` when the strategy authorizes per call (the team desk's roles and projects): it
   * checks, then runs `handler` acting as that person. Without it the host runs the handler as `who.actor`.
   */
  invoke?(
    who: WebPrincipal,
    method: ApiMethod,
    args: unknown[],
    handler: () => Promise<unknown>,
    emit: (event: ReviewEvent) => void,
  ): Promise<unknown>;
  /** Whether a pushed event may reach this person's stream (default: yes). */
  canReceive?(who: WebPrincipal, event: ReviewEvent): Promise<boolean>;
  /** The error code of an API call without a session (default `api.sessionExpired`). */
  unauthenticatedCode?: string;
  /** True when the page itself shows a sign-in screen, so it is served without a session. */
  pageSignsIn?: boolean;
}

/** Name of the session cookie (per port: two hosts on one machine do not overwrite each other's session). */
export function sessionCookieName(port: number): string {
  return `review_session_${port}`;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Constant-time membership: hashing first gives equal-length buffers, and every entry is compared, so the time
 * taken says nothing about how much of a guess was right or which entry matched.
 */
function findDigest(list: Buffer[], candidate: string): number {
  const wanted = digest(candidate);
  let found = -1;
  list.forEach((d, i) => {
    if (timingSafeEqual(d, wanted) && found < 0) found = i;
  });
  return found;
}

/** Options of {@link SecretLinkAuth}. */
export interface SecretLinkOptions {
  port: number;
  /** Outstanding one-time links kept at most (the oldest is forgotten first). */
  maxLinks?: number;
  /** Browser sessions kept at most (the oldest is signed out first). */
  maxSessions?: number;
  principal?: WebPrincipal;
}

/** The page shown to a browser without a session: no app, no data, just what to do. */
const SIGN_IN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bilingual Review</title></head>
<body><h1>Bilingual Review</h1>
<p lang="en">Open the sign-in link printed in the terminal that started the app. Each link works once; if the app was restarted, use the new link.</p>
<p lang="ko">앱을 시작한 터미널에 표시된 로그인 링크를 여세요. 각 링크는 한 번만 사용할 수 있으며, 앱을 다시 시작했다면 새 링크를 사용하세요.</p>
<p lang="vi">Hãy mở liên kết đăng nhập được in trong cửa sổ dòng lệnh đã khởi động ứng dụng. Mỗi liên kết chỉ dùng được một lần; nếu ứng dụng đã khởi động lại, hãy dùng liên kết mới.</p>
</body></html>`;

/**
 * Single-user sign-in for the browser mode: the terminal that started the host gets a one-time link
 * (`/login?secret=…`); opening it exchanges the secret, once, for an `HttpOnly; SameSite=Strict` session cookie and
 * redirects to the app. Another local account or a web page never sees the terminal, so it gets nothing.
 */
export class SecretLinkAuth implements WebAuth {
  private links: Buffer[] = [];
  private sessions: Buffer[] = [];
  private readonly cookie: string;
  private readonly maxLinks: number;
  private readonly maxSessions: number;
  private readonly principal: WebPrincipal;

  constructor(opts: SecretLinkOptions) {
    this.cookie = sessionCookieName(opts.port);
    this.maxLinks = opts.maxLinks ?? 64;
    this.maxSessions = opts.maxSessions ?? 32;
    this.principal = opts.principal ?? { id: 'local', name: 'local' };
  }

  /** Mint a new one-time link; only the process that started the host can call this. */
  loginUrl(baseUrl: string): string {
    const secret = randomBytes(32).toString('base64url');
    this.links = [...this.links.slice(1 - this.maxLinks), digest(secret)];
    return new URL(`/login?secret=${secret}`, baseUrl).toString();
  }

  /** True when `url` carries a valid unused one-time link (it is let in whatever others' attempts did). */
  acceptsLink(url: URL): boolean {
    return url.pathname === '/login' && findDigest(this.links, url.searchParams.get('secret') ?? '') >= 0;
  }

  /** `GET /login?secret=…`: a valid unused secret (or an existing session) → cookie and redirect to the app. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== '/login') return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('Method not allowed');
      return true;
    }
    if (await this.authenticate(req)) {
      redirectHome(res, {});
      return true;
    }
    const at = findDigest(this.links, url.searchParams.get('secret') ?? '');
    if (at < 0) {
      res
        .writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(SIGN_IN_PAGE);
      return true;
    }
    this.links.splice(at, 1); // one use only: a replayed link (history, logs, shoulder) opens nothing
    const session = randomBytes(32).toString('base64url');
    this.sessions = [...this.sessions.slice(1 - this.maxSessions), digest(session)];
    redirectHome(res, {
      'Set-Cookie': `${this.cookie}=${session}; HttpOnly; SameSite=Strict; Path=/`,
    });
    return true;
  }

  async authenticate(req: IncomingMessage): Promise<WebPrincipal | null> {
    const value = readCookie(req, this.cookie);
    if (!value) return null;
    return findDigest(this.sessions, value) >= 0 ? this.principal : null;
  }
}

function redirectHome(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(303, {
    Location: '/',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end();
}

/** The page a browser without a session gets instead of the app. */
export const SIGN_IN_HTML = SIGN_IN_PAGE;
