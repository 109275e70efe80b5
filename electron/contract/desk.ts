import type { TargetLang } from './model';
import type { CellEdit } from './requests';

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

/**
 * How this app stands with a team desk it is a client of:
 * - `local`: no desk; the app works on its own data folder (the single-user default);
 * - `online`: signed in, and the desk answered the last call;
 * - `unreachable`: the desk does not answer (network, server down); typing is kept on this computer;
 * - `signed-out`: a desk is set but this app has no session (just started, signed out, or the session expired).
 */
export type DeskLinkState = 'local' | 'online' | 'unreachable' | 'signed-out';

/** The desktop app as a desk client (Settings › Desk). */
export interface DeskConnection {
  /** The desk's address (`https://desk.example.org`), or null when the app works on its own data folder. */
  address: string | null;
  state: DeskLinkState;
  /** The signed-in account, once the desk has said who it is. */
  user: DeskUser | null;
  /** Edits typed while the desk could not take them, kept on this computer until it does. */
  kept: number;
  /** False on a desk server's own page: a desk is nobody's client. */
  canConnect: boolean;
}

/** An edit the desk could not take yet, kept on this computer (with the revision the typing started from). */
export type KeptEdit = CellEdit & { keptAt: string };
