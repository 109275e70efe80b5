/**
 * The one typed API between the UI (renderer) and the Node side.
 *
 * Everything the renderer may ask for is a method of {@link ReviewApi}, computed from the method table
 * ({@link METHODS}, `contract/methods.ts`). The preload script implements it over Electron IPC, the loopback host
 * (`web.ts`) over HTTP, and both call one pipeline over a handler map typed from {@link ApiHandlers}, so a method
 * without a handler does not compile. This file and `contract/*.ts` hold only types, constants and the argument
 * schemas (zod, their one runtime dependency): the renderer and the sandboxed preload bundle them.
 *
 * The data types live by domain in `contract/*.ts` and are re-exported here: everyone imports this file.
 */
import type { DeskConnection, DeskProjectAccess, PresenceEntry } from './contract/desk';
import { API_METHODS, METHODS, type ApiMethod } from './contract/methods';
import type { CallerOf, HandlerOf } from './contract/method';
import type { ApiError } from './contract/errors';
import type { Segment, TargetLang } from './contract/model';
import type { ImportOutcome, TranslateSummary } from './contract/requests';

export * from './contract/model';
export * from './contract/requests';
export * from './contract/storage';
export * from './contract/tm';
export * from './contract/house-style';
export * from './contract/interchange';
export * from './contract/qa';
export * from './contract/shell';
export * from './contract/desk';
export * from './contract/errors';
export * from './contract/method';
export { API_METHODS, METHODS, type ApiMethod } from './contract/methods';

/** Events pushed from the Node side to the UI. */
export type ReviewEvent =
  | {
      type: 'mt-progress';
      projectId: string;
      lang: TargetLang;
      done: number;
      total: number;
    }
  | { type: 'segments-updated'; projectId: string; segments: Segment[] }
  | { type: 'mt-finished'; summary: TranslateSummary }
  /** The desktop menu (File › Open) or a file passed on the command line opened a project. */
  | { type: 'project-opened'; outcome: ImportOutcome }
  /** Something the user started outside the UI (e.g. File › Open) failed. */
  | { type: 'error'; error: ApiError }
  /** The desktop menu asked the UI to show a help screen (Help › About, Help › Keyboard shortcuts). */
  | { type: 'show-help'; topic: 'about' | 'shortcuts' }
  /** Team desk: who is on which row of a project (the full list for that project). */
  | { type: 'presence'; projectId: string; entries: PresenceEntry[] }
  /** Team desk: an article's assignments or sign-offs changed (pages lock or unlock its languages at once). */
  | { type: 'desk-access'; projectId: string; access: DeskProjectAccess }
  /** Desktop as a desk client: the link to the desk changed (reachable again, unreachable, signed out). */
  | { type: 'desk-connection'; connection: DeskConnection }
  /**
   * Team desk: the event stream reconnected after a break longer than the desk keeps its events (or to another
   * desk database): updates were missed, so the page reads the open article and its access again.
   */
  | { type: 'events-missed' };

/**
 * The whole API the renderer may use, computed from the method table ({@link METHODS}). Every method is a
 * request/response over one channel; `onEvent` is the one push stream. Errors arrive as rejected promises whose
 * message is an `errors:` code (see {@link ApiError}).
 */
export type ReviewApi = { [K in ApiMethod]: CallerOf<(typeof METHODS)[K]> } & {
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ReviewEvent) => void): () => void;
};

/** Channel name of each method, `domain:verb` (from the table). */
export const CHANNELS = Object.fromEntries(API_METHODS.map((m) => [m, METHODS[m].channel])) as {
  [K in ApiMethod]: (typeof METHODS)[K]['channel'];
};

/** The channel events are pushed on. */
export const EVENT_CHANNEL = 'event:push';

/**
 * The Node-side implementation of every method, its arguments as validated: the core builds one of these and the
 * transports call it through their pipeline (`core/pipeline.ts`).
 */
export type ApiHandlers = { [K in ApiMethod]: HandlerOf<(typeof METHODS)[K]> };
