/**
 * One signed-in link to a team desk over HTTP(S): the same endpoints the desk's own page uses (`/auth/login`,
 * `/api/<channel>`, the `/api/events` stream), called from Node so the desktop app's own window stays a local page
 * and what is typed can be kept on this computer while the desk is away.
 */
import { METHODS, type ApiMethod, type ReviewEvent } from '../../contract';
import { AppError } from '../errors';
import { readEventStream } from './sse';

/** How long one call may take before the desk counts as unreachable (a translation run takes longer). */
const CALL_TIMEOUT_MS = 120_000;
const LONG_CALL_TIMEOUT_MS = 30 * 60_000;

/** What {@link DeskLink} needs besides the address (tests pass their own `fetch`). */
export interface DeskLinkOptions {
  fetch?: typeof fetch;
}

/** The desk's reply body: a value, or an error the UI shows in its language. */
interface Reply {
  value?: unknown;
  error?: { code?: unknown; params?: Record<string, string | number> };
}

/** TLS failures that mean "this is not the certificate a desk at this address should have". */
const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/;

/**
 * A failed connection as the person should read it: a certificate the system does not trust is not "unreachable"
 * (retrying will not help; the address or the desk's certificate must be fixed).
 */
function connectionError(e: unknown, address: string): AppError {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (CERT_ERRORS.test(code)) return new AppError('deskClient.untrusted', { address });
  return new AppError('deskClient.unreachable', { address });
}

/** True for the errors that mean "the desk did not answer", as opposed to "the desk said no". */
export function isUnreachable(e: unknown): boolean {
  // A certificate that stopped being trusted mid-session (expired) also means: keep the typing, try again later.
  return (
    e instanceof AppError &&
    (e.code === 'deskClient.unreachable' || e.code === 'deskClient.untrusted' || e.code === 'api.unavailable')
  );
}

/** A session with one desk. The session cookie lives only in this object's memory, never on disk. */
export class DeskLink {
  private cookie: string | null = null;
  /** Id of the last event received from the desk: a reconnecting stream asks for what came after it. */
  private lastEventId: string | null = null;
  private readonly fetch: typeof fetch;

  constructor(
    /** The desk's origin, already normalised (`https://desk.example.org`). */
    readonly address: string,
    opts: DeskLinkOptions = {},
  ) {
    this.fetch = opts.fetch ?? globalThis.fetch;
  }

  /** True while this link holds a session (the desk may still have ended it). */
  get signedIn(): boolean {
    return this.cookie !== null;
  }

  /** Sign in; the desk's session cookie is kept for the calls that follow. */
  async signIn(name: string, password: string): Promise<void> {
    const response = await this.request('/auth/login', { name, password }, CALL_TIMEOUT_MS);
    await this.replyOf(response);
    // `name=value` of the session cookie; its attributes are for browsers.
    const cookie = response.headers.getSetCookie().find((c) => /^[^=;\s]+=[^;\s]+/.test(c));
    if (!cookie) throw new AppError('deskClient.notADesk', { address: this.address });
    this.cookie = cookie.split(';')[0]!;
  }

  /** End the session on the desk (best effort: a desk that is away lets the session expire by itself). */
  async signOut(): Promise<void> {
    if (!this.cookie) return;
    try {
      await this.request('/auth/logout', {}, 10_000);
    } catch {
      // Unreachable: the session ends on the desk after its lifetime anyway.
    } finally {
      this.cookie = null;
    }
  }

  /** Call an API method on the desk; its errors come back as {@link AppError}s. */
  async call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    if (!this.cookie) throw new AppError('desk.notSignedIn');
    const timeout = METHODS[method].timeout === 'long' ? LONG_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS;
    const response = await this.request(`/api/${METHODS[method].channel}`, args, timeout);
    return this.replyOf(response);
  }

  /**
   * Read the desk's event stream until it ends or `signal` aborts: `onOpen` once connected, then every event.
   * A stream opened again resumes after the last event received (`Last-Event-ID`): the desk sends what was missed,
   * or `events-missed` when it cannot. Rejects like {@link call} (unreachable, or `desk.notSignedIn` when the session is gone).
   */
  async listen(signal: AbortSignal, onOpen: () => void, onEvent: (e: ReviewEvent) => void): Promise<void> {
    if (!this.cookie) throw new AppError('desk.notSignedIn');
    let response: Response;
    try {
      response = await this.fetch(`${this.address}/api/events`, {
        headers: {
          Cookie: this.cookie,
          Accept: 'text/event-stream',
          'X-Review-Request': '1',
          ...(this.lastEventId !== null ? { 'Last-Event-ID': this.lastEventId } : {}),
        },
        signal,
      });
    } catch (e) {
      throw connectionError(e, this.address);
    }
    if (!response.ok || !response.body) {
      await this.replyOf(response);
      throw new AppError('deskClient.unreachable', { address: this.address });
    }
    onOpen();
    try {
      const resumeAt = (id: string | undefined) => void (id !== undefined && (this.lastEventId = id));
      await readEventStream(
        response.body,
        (data, id) => {
          resumeAt(id);
          onEvent(JSON.parse(data) as ReviewEvent);
        },
        resumeAt,
      );
    } catch {
      if (signal.aborted) return;
    }
    if (!signal.aborted) throw new AppError('deskClient.unreachable', { address: this.address });
  }

  private async request(path: string, body: unknown, timeoutMs: number): Promise<Response> {
    try {
      return await this.fetch(`${this.address}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Review-Request': '1',
          ...(this.cookie ? { Cookie: this.cookie } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      throw connectionError(e, this.address);
    }
  }

  /** The value of a reply, or its error as an {@link AppError}; a reply that is not the desk's is "not a desk". */
  private async replyOf(response: Response): Promise<unknown> {
    let reply: Reply;
    try {
      reply = (await response.json()) as Reply;
    } catch {
      // A proxy's error page (502/504) while the desk restarts is "away"; anything else is not a desk at all.
      if (response.status >= 500) throw new AppError('deskClient.unreachable', { address: this.address });
      throw new AppError('deskClient.notADesk', { address: this.address });
    }
    if (reply.error) {
      const code = typeof reply.error.code === 'string' ? reply.error.code : 'unknown';
      if (code === 'desk.notSignedIn') this.cookie = null;
      throw new AppError(code, reply.error.params);
    }
    if (!response.ok) throw new AppError('deskClient.notADesk', { address: this.address });
    return reply.value;
  }
}
