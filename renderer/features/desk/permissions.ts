import type { ApiMethod, DeskRole, DeskUser } from '../../../electron/contract';

/**
 * The least desk role each API method needs, where it is more than a reviewer's. It mirrors `POLICY` in
 * `electron/desk/guard.ts` (and the role checks of the desk's own methods); `permissions.test.ts` holds the two
 * together, so a method made editor-only on the server is hidden in the UI too. The server decides: this only
 * keeps the UI from offering what would be refused.
 */
export const DESK_ROLE_NEEDED: Partial<Record<ApiMethod, DeskRole>> = {
  listTrash: 'editor',
  setTranslatable: 'editor',
  updateGlossary: 'editor',
  setEnglishVariant: 'editor',
  translate: 'editor',
  cancelTranslation: 'editor',
  importInterchange: 'editor',
  renameProject: 'editor',
  deleteProject: 'editor',
  restoreProject: 'editor',
  importArticle: 'editor',
  importText: 'editor',
  importProjectFile: 'editor',
  importTmx: 'editor',
  exportTmx: 'editor',
  saveTerm: 'editor',
  deleteTerm: 'editor',
  importTerms: 'editor',
  cancelImport: 'editor',
  deskListUsers: 'editor',
  deskAssign: 'editor',
  deskSignOff: 'editor',
  updateSettings: 'admin',
  listBackups: 'admin',
  restoreBackup: 'admin',
  setQaCheck: 'admin',
  deskCreateUser: 'admin',
  deskUpdateUser: 'admin',
  // Refused on a desk server's page (a desk is nobody's client); the app's own Settings › Desk does not ask.
  deskConnect: 'admin',
  deskDisconnect: 'admin',
};

const RANK: Record<DeskRole, number> = { reviewer: 0, editor: 1, admin: 2 };

/**
 * May this person call `method`? Outside a desk (`me` null: the single-user app) everything is theirs. On a desk,
 * by role only; per-project checks (assigned language, sign-off) are the server's.
 */
export function canCall(me: Pick<DeskUser, 'role'> | null, method: ApiMethod): boolean {
  if (!me) return true;
  return RANK[me.role] >= RANK[DESK_ROLE_NEEDED[method] ?? 'reviewer'];
}

/** A check bound to one person, handed to components that hide what the person may not do. */
export type Can = (method: ApiMethod) => boolean;
