import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a request acts for: recorded in history, approvals and comments. */
export interface Actor {
  /** Stable id (a desk user id; `local` for the single-user app). */
  id: string;
  /** Display name (the reviewer name from Settings, or the desk user's name). */
  name: string;
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
