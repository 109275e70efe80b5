import { API_METHODS, METHODS, type ApiHandlers, type ApiMethod } from '../contract';
import { CONTROL_ISSUE } from '../contract/schemas';
import { AppError } from '../services/errors';

/**
 * One call through a transport: validate (the method table's schemas) → authorize (the transport's: the desk's
 * roles, the loopback host's actor) → handle (the core's: route to the desk or run here). Each transport composes
 * its pipeline once; nothing patches a handler map afterwards. The core's `handle` always reaches the current
 * implementation, so a backup restore (which swaps the core) reaches every transport at once.
 */

/** Run one method on validated arguments. */
export type Handle = (method: ApiMethod, args: unknown[]) => Promise<unknown>;

/** Decide whether `who` may make the call, then run it (possibly as that person). */
export type Authorize<P> = (
  who: P,
  method: ApiMethod,
  args: unknown[],
  run: () => Promise<unknown>,
) => Promise<unknown>;

/** A transport's entry point: untrusted arguments in, the method's value out. */
export type Pipeline<P = undefined> = (method: ApiMethod, args: unknown, who: P) => Promise<unknown>;

/** Check a method's arguments; throws `api.invalidArgument` naming the first problem (never echoing values). */
export function validateArgs(method: ApiMethod, args: unknown): unknown[] {
  const result = METHODS[method].args.safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    // A control character in typed text gets its own message (naming it), not the generic one.
    if (issue?.code === 'custom' && issue.message === CONTROL_ISSUE)
      throw new AppError(CONTROL_ISSUE, { char: String((issue.params as { char?: string })?.char ?? '') });
    const where = issue ? issue.path.join('.') || '(arguments)' : '(arguments)';
    throw new AppError('api.invalidArgument', { detail: `${method} ${where}` });
  }
  return result.data as unknown[];
}

/** Compose validate → authorize → handle. Without `authorize` the call runs as it is (IPC: our own page). */
export function composePipeline<P = undefined>(stages: {
  authorize?: Authorize<P>;
  handle: Handle;
}): Pipeline<P> {
  const { authorize, handle } = stages;
  return async (method, raw, who) => {
    if (!Object.hasOwn(METHODS, method)) throw new AppError('api.forbidden');
    const args = validateArgs(method, raw);
    const run = () => handle(method, args);
    return authorize ? authorize(who, method, args, run) : run();
  };
}

/** A handler map as a {@link Handle}. */
export function handleWith(handlers: ApiHandlers): Handle {
  const table = handlers as unknown as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>;
  return (method, args) => table[method](...args);
}

/** The typed face of a {@link Handle}, for trusted callers (the CLI, the desktop menu, tests): not validated. */
export function handlersOf(handle: Handle): ApiHandlers {
  return Object.freeze(
    Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => handle(m, args)])),
  ) as unknown as ApiHandlers;
}

/** A host's own versions of a few methods (the desktop's save dialog); every other method goes on to `next`. */
export function withOverrides(next: Handle, overrides: Partial<ApiHandlers>): Handle {
  const own = overrides as Partial<Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>>;
  return (method, args) => {
    const fn = own[method];
    return fn ? fn(...args) : next(method, args);
  };
}
