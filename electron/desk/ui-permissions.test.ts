// The renderer hides what the desk refuses (renderer/features/desk/permissions.ts): it must agree with the guard.
import { describe, expect, it } from 'vitest';
import type { ApiMethod, DeskRole, DeskUser } from '../contract';
import { canCall, DESK_ROLE_NEEDED } from '../../renderer/features/desk/permissions';
import { POLICY } from './guard';

/** The role each guard rule demands of everyone (project rules such as `see`/`edit` are the server's). */
const RULE_ROLE: Record<string, DeskRole> = {
  any: 'reviewer',
  see: 'reviewer',
  edit: 'reviewer',
  export: 'reviewer',
  editor: 'editor',
  create: 'editor',
  'desk-editor': 'editor',
  admin: 'admin',
};
/** Desk methods pass the guard as `any` and check the role inside (electron/core/desk.ts). */
const CHECKED_INSIDE: Partial<Record<ApiMethod, DeskRole>> = {
  deskListUsers: 'editor',
  deskAssign: 'editor',
  deskSignOff: 'editor',
  deskCreateUser: 'admin',
  deskUpdateUser: 'admin',
};

const person = (role: DeskRole) => ({ id: 'u', name: 'u', role, desk: 'd' }) as DeskUser;

describe('the UI hides what the desk refuses', () => {
  it('needs the same role for every API method as the desk server guard', () => {
    const methods = Object.keys(POLICY) as ApiMethod[];
    const mismatched = methods.filter(
      (m) => (DESK_ROLE_NEEDED[m] ?? 'reviewer') !== (CHECKED_INSIDE[m] ?? RULE_ROLE[POLICY[m]]),
    );
    expect(mismatched).toEqual([]);
  });

  it('lets a reviewer review, an editor translate and assign, and only an admin change settings', () => {
    expect(canCall(person('reviewer'), 'updateCell')).toBe(true);
    expect(canCall(person('reviewer'), 'translate')).toBe(false);
    expect(canCall(person('reviewer'), 'listTrash')).toBe(false);
    expect(canCall(person('editor'), 'translate')).toBe(true);
    expect(canCall(person('editor'), 'deskSignOff')).toBe(true);
    expect(canCall(person('editor'), 'updateSettings')).toBe(false);
    expect(canCall(person('admin'), 'updateSettings')).toBe(true);
  });

  it('leaves the single-user app (no desk account) unchanged', () => {
    const methods = Object.keys(POLICY) as ApiMethod[];
    expect(methods.every((m) => canCall(null, m))).toBe(true);
  });
});
