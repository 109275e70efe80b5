import { z } from 'zod';
import type { DeskRole } from './desk';

// The shape of one entry of the method table (methods.ts) and what is derived from it.
// Constants and zod schemas only: the renderer and the preload bundle this (see ../contract.ts).

/**
 * Who may call a method on a team desk (the desk server's guard enforces it, the UI hides what it would refuse):
 * - `any`: any signed-in person (results are filtered where they list projects);
 * - `see`: the project of the first argument (an id or `{projectId}`) must be visible;
 * - `edit`: additionally the cell's language must be assigned to them (or they edit as editor) and not signed off;
 * - `editor` / `admin`: the role, plus `see` when the call names a project;
 * - `create`: an editor creating a project; the new project is registered to their desk;
 * - `desk-editor`: the editor role, for desk-wide things whose argument is not a project to check here (a term's
 *   id: the termbase and memory services only find the terms and units of the person's own desk; an assignment:
 *   the desk's own methods check the project themselves);
 * - `export`: `see`, and an export of approved text (what goes out) needs the language's sign-off: with `lang:
 *   'all'`, both languages'. A draft export (`include-unapproved`, every unapproved row marked) does not.
 */
export type DeskRule = 'any' | 'see' | 'edit' | 'editor' | 'admin' | 'create' | 'desk-editor' | 'export';

/**
 * Where a method runs while the app works as a desk's client: `desk` methods go to the desk, `local` ones stay on
 * this computer (the app's own description, its settings, the local database's status and backups, the event
 * handshake, the desktop's save dialog, the link itself).
 */
export type Where = 'local' | 'desk';

/** How long a call to a desk may take before the desk counts as unreachable: `long` for imports and translation. */
export type Timeout = 'short' | 'long';

/** A type carried by the table without a value at run time (a method's result). */
export interface Returns<T> {
  readonly __returns?: T;
}

/** Mark a method's result type: `returns: returns<Project>()`. */
export const returns = <T>(): Returns<T> => ({});

/** One method: its channel, argument schemas, desk rule, where it runs and how long it may take. */
export interface MethodSpec<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  /** IPC channel and HTTP path (`/api/<channel>`), `domain:verb`. */
  channel: `${string}:${string}`;
  /** The argument list; the API's parameter types are inferred from it. */
  args: A;
  returns: Returns<R>;
  desk: DeskRule;
  where: Where;
  timeout: Timeout;
}

/** Describe a method: `args` is the list of argument schemas; `where` defaults to `desk`, `timeout` to `short`. */
export function method<const A extends readonly z.ZodType[], R>(spec: {
  channel: `${string}:${string}`;
  args: A;
  returns: Returns<R>;
  desk: DeskRule;
  where?: Where;
  timeout?: Timeout;
}): MethodSpec<z.ZodTuple<[...A], null>, R> {
  return {
    ...spec,
    // zod's overloads cannot see a generic list's length; the tuple built is exactly `[...A]`.
    args: z.tuple([...spec.args] as unknown as [z.ZodType]) as unknown as z.ZodTuple<[...A], null>,
    where: spec.where ?? 'desk',
    timeout: spec.timeout ?? 'short',
  };
}

/** The caller's side of a method (the renderer's {@link ReviewApi} type): arguments as sent. */
export type CallerOf<S> =
  S extends MethodSpec<infer A, infer R> ? (...args: z.input<A>) => Promise<R> : never;

/** The handler's side of a method: arguments as validated (defaults and trimming applied). */
export type HandlerOf<S> =
  S extends MethodSpec<infer A, infer R> ? (...args: z.output<A>) => Promise<R> : never;

/** The least role a desk rule asks of everyone (project rules such as `see`/`edit` are the server's). */
export function roleNeeded(rule: DeskRule): DeskRole {
  if (rule === 'admin') return 'admin';
  if (rule === 'editor' || rule === 'create' || rule === 'desk-editor') return 'editor';
  return 'reviewer';
}
