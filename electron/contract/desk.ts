import type { TargetLang } from './model';

// Team desk: accounts, roles, assignments, presence.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** What a desk account may do: a reviewer edits assigned languages, an editor also assigns and signs off, an admin also manages accounts. */
export type DeskRole = 'reviewer' | 'editor' | 'admin';

/** A desk account as the UI sees it (never its password hash). */
export interface DeskUser {
  id: string;
  name: string;
  role: DeskRole;
  /** The newsroom desk the account belongs to; projects of other desks are invisible to it. */
  desk: string;
  disabled: boolean;
  createdAt: string;
}

/** Who a project's languages are assigned to and which are signed off (locked for export). */
export interface DeskProjectAccess {
  projectId: string;
  assignments: Array<{ lang: TargetLang; userId: string; userName: string }>;
  signoffs: Array<{ lang: TargetLang; by: string; at: string }>;
}

/** Someone on a project right now, and the cell they are on. */
export interface PresenceEntry {
  userId: string;
  userName: string;
  projectId: string;
  segmentId: string | null;
  lang: TargetLang | null;
  at: string;
}
