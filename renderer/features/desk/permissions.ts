import {
  METHODS,
  roleNeeded,
  type ApiMethod,
  type DeskRole,
  type DeskUser,
} from '../../../electron/contract';

const RANK: Record<DeskRole, number> = { reviewer: 0, editor: 1, admin: 2 };

/**
 * May this person call `method`? Outside a desk (`me` null: the single-user app) everything is theirs. On a desk,
 * by the role the method table's desk rule asks (the rule the desk's guard enforces); per-project checks (assigned
 * language, sign-off) are the server's. The server decides: this only keeps the UI from offering what it refuses.
 */
export function canCall(me: Pick<DeskUser, 'role'> | null, method: ApiMethod): boolean {
  if (!me) return true;
  return RANK[me.role] >= RANK[roleNeeded(METHODS[method].desk)];
}

/** A check bound to one person, handed to components that hide what the person may not do. */
export type Can = (method: ApiMethod) => boolean;
