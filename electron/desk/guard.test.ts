// The desk's guard against the UI's permissions, over every method of the table: what the UI offers a role is
// exactly what the guard lets that role call (the per-project checks passing), and a refusal runs nothing.
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod, type DeskRole } from '../contract';
import { canCall } from '../../renderer/features/desk/permissions';
import type { DeskAccess } from '../services/desk/access';
import { AppError, isAppError } from '../services/errors';
import { deskGuard } from './guard';

/** Access where every project check passes: only the role decides. */
const open = {
  registerProject: async () => undefined,
  projectDesk: async () => 'd',
  visibleProjects: async () => new Set(['p']),
  canSee: async () => true,
  requireSee: async () => undefined,
  requireEdit: async () => undefined,
  requireSignedOff: async () => undefined,
} as unknown as DeskAccess;

const ROLES: DeskRole[] = ['reviewer', 'editor', 'admin'];
const args = [{ projectId: 'p', segmentId: 's', lang: 'vi', policy: 'include-unapproved' }];

async function outcome(role: DeskRole, method: ApiMethod): Promise<'ran' | string> {
  let ran = false;
  const who = { id: 'u', name: 'u', role, desk: 'd' };
  const run = async () => {
    ran = true;
    return method === 'listProjects' || method === 'listTrash' ? [] : { id: 'p' };
  };
  try {
    await deskGuard(open).invoke(who, method, args, run, () => undefined);
  } catch (e) {
    expect(ran, `${method} ran although refused`).toBe(false);
    return isAppError(e) ? `${e.code}:${String(e.params?.role)}` : String(e);
  }
  return 'ran';
}

describe('the desk guard and the UI agree', () => {
  it.each(ROLES)('on every method for a %s', async (role) => {
    for (const method of API_METHODS) {
      const result = await outcome(role, method);
      if (canCall({ role }, method)) expect(result, method).toBe('ran');
      else expect(result, method).toMatch(/^desk\.roleRequired:(editor|admin)$/);
    }
  });

  it('keeps account management, settings and machine translation away from reviewers', async () => {
    for (const method of ['deskCreateUser', 'deskSignOff', 'updateSettings', 'translate'] as const)
      expect(await outcome('reviewer', method), method).not.toBe('ran');
    expect(await outcome('reviewer', 'updateCell')).toBe('ran');
    expect(await outcome('editor', 'updateSettings')).toBe('desk.roleRequired:admin');
  });
});

describe('approve row on the desk', () => {
  it('runs only when every language of the row is the person’s to change', async () => {
    const onlyVi = {
      ...open,
      requireEdit: async (_who: unknown, _p: string, lang: string) => {
        if (lang !== 'vi') throw new AppError('desk.notAssigned', { lang });
      },
    } as unknown as DeskAccess;
    const who = { id: 'u', name: 'u', role: 'reviewer' as const, desk: 'd' };
    const call = (langs: string[]) => {
      let ran = false;
      const run = async () => {
        ran = true;
        return { id: 'p' };
      };
      return deskGuard(onlyVi)
        .invoke(who, 'approveRow', [{ projectId: 'p', segmentId: 's', langs }], run, () => undefined)
        .then(
          () => ran,
          (e: unknown) => (ran ? 'ran and refused' : isAppError(e) ? e.code : String(e)),
        );
    };
    expect(await call(['vi', 'en'])).toBe('desk.notAssigned');
    expect(await call(['vi'])).toBe(true);
  });
});
