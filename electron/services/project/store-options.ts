import type { ChangeOrigin, ReviewEvent, Segment, SourceInfo, TargetLang } from '../../contract';
import type { ProjectDb } from './repository';

/** What made a project-level change, for its history. */
export interface ChangeOptions {
  origin?: ChangeOrigin;
  /** Who made it, when not the current actor (e.g. "imported from file.xlf"). */
  by?: string;
  /** The tab or window that sent it (see CellEdit.sender): a typing burst is one sender's. */
  sender?: string;
}

/** Internal options of a commit: undo/redo write `meta` groups and mark the group they undid in the same transaction. */
export interface CommitOptions extends ChangeOptions {
  state?: 'done' | 'meta' | 'auto';
  within?: (db: ProjectDb, groupId: number | null) => Promise<void>;
}

/** What a new project is made from (the import service's parse result). */
export interface NewProjectInput {
  title: string;
  segments: Segment[];
  source: Omit<SourceInfo, 'importedAt'>;
}

/** Who acts: recorded in history; undo is per actor. */
export interface Actor {
  id: string;
  name: string;
}

/** What the store needs from the app besides the database. */
export interface StoreOptions {
  now: () => Date;
  /** Told about every committed change of rows (with their new revisions). */
  emit?: (event: ReviewEvent) => void;
  /** Who acts (recorded in history; undo is per actor). */
  actor?: () => Actor;
  /**
   * Run inside every change's transaction before anything is written, with the languages whose cells it may change
   * (the desk takes its sign-off lock here and refuses changes to a signed-off language).
   */
  beforeWrite?: (db: ProjectDb, projectId: string, langs: ReadonlySet<TargetLang>) => Promise<void>;
  /**
   * Record the event of a change in the change's own transaction, before it is emitted (the desk's outbox: its
   * news is committed with it, whatever happens to the process after the commit).
   */
  record?: (db: ProjectDb, event: ReviewEvent) => Promise<void>;
}

/** Who the running request acts for (the local user when the app does not say). */
export function actorOf(opts: StoreOptions): Actor {
  return opts.actor?.() ?? { id: 'local', name: 'local' };
}
