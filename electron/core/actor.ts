import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';

/** Who a request acts for: recorded in history, approvals and comments. */
export interface Actor {
  /** Stable id (a desk user id; `local` for the single-user app). */
  id: string;
  /** Display name (the reviewer name from Settings, or the desk user's name). */
  name: string;
  /**
   * The desk (newsroom) whose translation memory and termbase the request uses: the desk user's desk, `''`
   * (`EMBEDDED_DESK`) in the single-user app. Handlers pass it to the services explicitly.
   */
  desk: string;
}

/** The account id of the single-user app's person (who has no desk account). */
export const LOCAL_ACTOR_ID = 'local';

// Read once: the actor is asked for on every request, and the computer's user does not change while the app runs.
let userName: string | undefined;
const computerUserName = (): string => (userName ??= userInfo().username);

/**
 * The name the single-user app records on approvals, comments, history and house style: the reviewer name from
 * Settings, else the computer's user name (as Word and Trados do), never the internal account id.
 */
export function localActorName(reviewerName: string, osUser: () => string = computerUserName): string {
  if (reviewerName.trim()) return reviewerName.trim();
  try {
    return osUser().trim() || 'local';
  } catch {
    return 'local'; // no user name on this system (a container without an /etc/passwd entry)
  }
}

const current = new AsyncLocalStorage<Actor>();

/**
 * Run `fn` on behalf of `actor`. A transport that knows the person behind a request (the team desk's signed-in
 * user) wraps the handler call in this; everything the handler does, however deep, sees that person through
 * {@link currentActor} without every function taking it as an argument.
 */
export function runAsActor<T>(actor: Actor, fn: () => T): T {
  return current.run(actor, fn);
}

/** The person the running request acts for, if a transport said so. */
export function currentActor(): Actor | undefined {
  return current.getStore();
}

/**
 * A check a transport puts around a request that may change cells it cannot name beforehand (undo and redo change
 * whatever the person's last step changed): called with the languages about to change, it throws to refuse.
 */
export type CellChangeCheck = (langs: readonly ('vi' | 'en')[]) => Promise<void>;

const cellChecks = new AsyncLocalStorage<CellChangeCheck>();

/** Run `fn` with a {@link CellChangeCheck} (the team desk: sign-off locks and language assignments). */
export function runWithCellCheck<T>(check: CellChangeCheck, fn: () => T): T {
  return cellChecks.run(check, fn);
}

/** The running request's cell check, if its transport set one. */
export function currentCellCheck(): CellChangeCheck | undefined {
  return cellChecks.getStore();
}

/**
 * The check a change's transaction runs before it writes (on a team desk: the sign-off lock, and for a person's
 * edit call their session, role and assignment; see the desk guard). Run with the transaction, the project and the
 * languages the change touches; it throws to refuse, and the transaction is rolled back.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WriteCheck = (db: any, projectId: string, langs: ReadonlySet<'vi' | 'en'>) => Promise<void>;

const writeChecks = new AsyncLocalStorage<WriteCheck>();

/** Run `fn` with its changes' transactions checked by `check` (instead of the transport's default). */
export function runWithWriteCheck<T>(check: WriteCheck, fn: () => T): T {
  return writeChecks.run(check, fn);
}

/** The running request's write check, if its transport set one. */
export function currentWriteCheck(): WriteCheck | undefined {
  return writeChecks.getStore();
}
