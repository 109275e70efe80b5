import { z } from 'zod';
import type { DeskConnection, DeskProjectAccess, DeskUser, KeptEdit, PresenceEntry } from '../desk';
import type { AboutInfo } from '../shell';
import { method, returns } from '../method';
import { cellRef, deskRole, id, lang, userId } from '../schemas';

const password = z.string().min(1).max(1000);

/** The team desk, this app as a desk's client, and the shell. */
export const deskMethods = {
  /** The signed-in desk account, or null in the single-user app. */
  deskWhoAmI: method({ channel: 'desk:whoAmI', args: [], returns: returns<DeskUser | null>(), desk: 'any' }),
  /** Editor: every account of the desk (to assign languages). */
  deskListUsers: method({
    channel: 'desk:listUsers',
    args: [],
    returns: returns<DeskUser[]>(),
    desk: 'desk-editor',
  }),
  /** Admin: create an account. */
  deskCreateUser: method({
    channel: 'desk:createUser',
    args: [z.object({ name: z.string().trim().min(2).max(64), role: deskRole, password }).strict()],
    returns: returns<DeskUser>(),
    desk: 'admin',
  }),
  /** Admin: change an account's role or password, or disable it (ends its sessions). */
  deskUpdateUser: method({
    channel: 'desk:updateUser',
    args: [
      z
        .object({
          userId,
          role: deskRole.optional(),
          password: password.optional(),
          disabled: z.boolean().optional(),
        })
        .strict(),
    ],
    returns: returns<DeskUser>(),
    desk: 'admin',
  }),
  /** Assignments and sign-offs of one project. */
  deskProjectAccess: method({
    channel: 'desk:projectAccess',
    args: [id],
    returns: returns<DeskProjectAccess>(),
    desk: 'see',
  }),
  /** Editor: assign (or unassign) a project's language to a reviewer (the method checks the project itself). */
  deskAssign: method({
    channel: 'desk:assign',
    args: [z.object({ projectId: id, lang, userId, assigned: z.boolean() }).strict()],
    returns: returns<DeskProjectAccess>(),
    desk: 'desk-editor',
  }),
  /** Editor: sign off a language (locks it: no more edits, ready for export) or take the sign-off back. */
  deskSignOff: method({
    channel: 'desk:signOff',
    args: [z.object({ projectId: id, lang, signed: z.boolean() }).strict()],
    returns: returns<DeskProjectAccess>(),
    desk: 'desk-editor',
  }),
  /** Say which cell this person is on (null: just the project); others get a `presence` event. */
  setPresence: method({
    channel: 'desk:setPresence',
    args: [z.object({ projectId: id, segmentId: id.nullable(), lang: lang.nullable() }).strict()],
    returns: returns<void>(),
    desk: 'any',
  }),
  /** Who is on a project now. */
  listPresence: method({
    channel: 'desk:listPresence',
    args: [id],
    returns: returns<PresenceEntry[]>(),
    desk: 'any',
  }),

  // Desk client: this app working on a team desk (Settings › Desk). All local: the link itself. On a desk server
  // (nobody's client) they answer "no desk" or refuse.
  /** Whether this app works on a desk, and how the link stands. */
  deskConnection: method({
    channel: 'deskClient:connection',
    args: [],
    returns: returns<DeskConnection>(),
    desk: 'any',
    where: 'local',
  }),
  /**
   * Sign in to a desk at `address` (https, or http on this computer) and work on it from now on; the address is
   * remembered, the password is not. Refused with a clear message when the desk cannot be reached or the sign-in
   * is wrong; the app then stays as it was.
   */
  deskConnect: method({
    channel: 'deskClient:connect',
    args: [
      z
        .object({
          address: z.string().trim().min(1).max(2000),
          name: z.string().trim().min(1).max(64),
          password,
        })
        .strict(),
    ],
    returns: returns<DeskConnection>(),
    desk: 'admin',
    where: 'local',
  }),
  /** Sign out and work on this computer's own data folder again (edits kept for the desk stay kept). */
  deskDisconnect: method({
    channel: 'deskClient:disconnect',
    args: [],
    returns: returns<DeskConnection>(),
    desk: 'admin',
    where: 'local',
  }),
  /** Edits of a project typed while the desk could not take them, to be sent again (conflicts shown as usual). */
  deskKeptEdits: method({
    channel: 'deskClient:keptEdits',
    args: [id],
    returns: returns<KeptEdit[]>(),
    desk: 'any',
    where: 'local',
  }),
  /** Forget a kept edit the person chose to drop (kept theirs after a conflict, or Esc). */
  deskForgetKept: method({
    channel: 'deskClient:forgetKept',
    args: [cellRef],
    returns: returns<void>(),
    desk: 'any',
    where: 'local',
  }),

  // Shell
  /** Versions and licences for Help › About. */
  getAbout: method({
    channel: 'app:about',
    args: [],
    returns: returns<AboutInfo>(),
    desk: 'any',
    where: 'local',
  }),
  /**
   * The UI is subscribed to pushed events and wants them. The host holds events back until the first call, so
   * nothing pushed at start (a file from the command line, the first progress) is lost.
   */
  uiReady: method({
    channel: 'app:uiReady',
    args: [],
    returns: returns<void>(),
    desk: 'any',
    where: 'local',
  }),
};
