/**
 * The signed-in person behind a session cookie, remembered for the desk's hot path: calls whose rule in the method
 * table is `edit` (a save while typing, an approval). Those calls do not trust the memory: the change's own
 * transaction checks the session, the role, the assignment and the sign-off again, in the statement that already
 * reads the sign-off (see the guard and `services/desk/signoff.ts`), and a call that ends without such a
 * transaction (a conflict, a save of the same text) is checked afresh before it is answered. Every other call, and
 * every event stream, reads its session from the database. So a session ended on another process is refused at the
 * next edit, as before, and a save costs no lookups before its transaction.
 */
import type { IncomingMessage } from 'node:http';
import { API_METHODS, METHODS } from '../contract';
import { sessionKey, type DeskDirectory, type Principal } from '../services/desk/directory';
import { AppError } from '../services/errors';

/** How long a remembered person serves (the edit's own checks are what keep it honest). */
const REMEMBER_MS = 60_000;
/** Most sessions remembered at once (beyond it the memory starts again). */
const MAX_REMEMBERED = 10_000;

const EDIT_PATHS = new Set(
  API_METHODS.filter((m) => METHODS[m].desk === 'edit').map((m) => `/api/${METHODS[m].channel}`),
);

/** Whether a request is an API call of an `edit` method (the calls that may be answered from memory). */
export function isEditCall(req: IncomingMessage): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return req.method === 'POST' && EDIT_PATHS.has(path);
}

/** Sessions remembered by cookie value; the people handed out from memory carry their session's key. */
export class SessionMemory {
  private readonly known = new Map<string, { who: Principal; until: number }>();
  /** People handed out from memory (not read afresh) → the cookie value they came with. */
  private readonly remembered = new WeakMap<Principal, string>();

  constructor(
    private readonly directory: DeskDirectory,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person remembered for `token`, as a new object marked as not read afresh; undefined when not known. */
  get(token: string): Principal | undefined {
    const hit = this.known.get(token);
    if (!hit || hit.until <= this.now()) return undefined;
    const who = { ...hit.who };
    this.remembered.set(who, token);
    return who;
  }

  remember(token: string, who: Principal): void {
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(token, { who, until: this.now() + REMEMBER_MS });
  }

  forget(token: string): void {
    this.known.delete(token);
  }

  /** Forget the session a remembered person came with (it ended). */
  forgetFor(who: Principal): void {
    const token = this.remembered.get(who);
    if (token !== undefined) this.forget(token);
  }

  /** The key of the session a remembered person came with (for the transaction's check); undefined when read afresh. */
  sessionKeyOf(who: Principal): string | undefined {
    const token = this.remembered.get(who);
    return token === undefined ? undefined : sessionKey(token);
  }

  /** The person as the database has them now: `who` itself when read afresh; refused when the session is over. */
  async afresh(who: Principal): Promise<Principal> {
    const token = this.remembered.get(who);
    if (token === undefined) return who;
    const now = await this.directory.session(token);
    if (!now || now.id !== who.id) {
      this.forget(token);
      throw new AppError('desk.notSignedIn');
    }
    this.remember(token, now);
    return now;
  }
}
