// The desk's guard against the UI's permissions, over every method of the table: what the UI offers a role is
// exactly what the guard lets that role call (the per-project checks passing), and a refusal runs nothing.
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod, type DeskRole } from '../contract';
import { canCall } from '../../renderer/features/desk/permissions';
import type { DeskAccess } from '../services/desk/access';
import { AppError, isAppError } from '../services/errors';
import { currentWriteCheck } from '../core/actor';
import { deskGuard } from './guard';

/** Access where every project check passes: only the role decides. */
const open = {
  registerProject: async () => undefined,
  projectDesk: async () => 'd',
  visibleProjects: async () => new Set(['p']),
  canSee: async () => true,
  requireSee: async () => undefined,
  requireEdit: async () => undefined,
  requireDesk: async () => undefined,
  holdChange: async () => undefined,
  checkStanding: async () => undefined,
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

describe('an edit call on the desk', () => {
  const who = { id: 'u', name: 'u', role: 'reviewer' as const, desk: 'd' };
  const notVi = (lang: string) => {
    if (lang !== 'vi') throw new AppError('desk.notAssigned', { lang });
  };
  const onlyVi = {
    ...open,
    checkStanding: async (_p: string, langs: string[]) => langs.forEach(notVi),
    holdChange: async (_db: unknown, _p: string, langs: Set<string>) => [...langs].forEach(notVi),
  } as unknown as DeskAccess;

  /** Approve a row of `langs`; `writes`: the handler changes them (its transaction runs the write check). */
  function approve(langs: string[], writes: boolean) {
    let ran = false;
    const run = async () => {
      if (writes) await currentWriteCheck()!(null, 'p', new Set(langs as Array<'vi' | 'en'>));
      ran = true;
      return { id: 'p' };
    };
    return deskGuard(onlyVi)
      .invoke(who, 'approveRow', [{ projectId: 'p', segmentId: 's', langs }], run, () => undefined)
      .then(
        () => ran,
        (e: unknown) => `${ran ? 'answer withheld: ' : ''}${isAppError(e) ? e.code : String(e)}`,
      );
  }

  it('changes only when every language of the row is the person’s to change', async () => {
    expect(await approve(['vi', 'en'], true)).toBe('desk.notAssigned');
    expect(await approve(['vi'], true)).toBe(true);
  });

  it('that changed nothing is checked afresh before it is answered', async () => {
    expect(await approve(['vi', 'en'], false)).toBe('answer withheld: desk.notAssigned');
    expect(await approve(['vi'], false)).toBe(true);
  });
});
