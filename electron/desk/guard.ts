/**
 * Authorization of every API call on the desk server, by role and project, before the handler runs (each method's
 * `desk` rule in the method table, `contract/methods.ts`, see {@link DeskRule}); and the per-person filter of pushed
 * events. A method cannot be added to the table without a rule.
 */
import { METHODS, type ApiMethod, type DeskRule, type ExportRequest, type TargetLang } from '../contract';
import { runAsActor, runWithCellCheck, runWithWriteCheck, type WriteCheck } from '../core/actor';
import type { DeskAccess } from '../services/desk/access';
import { roleAtLeast, type Principal } from '../services/desk/directory';
import { AppError, isAppError } from '../services/errors';
import type { HostAuth } from './auth';
import type { SessionMemory } from './sessions';

/** How long a stream's "may see this project" answer is reused. */
const VISIBILITY_TTL_MS = 2000;

/** The project a call names, if any: a bare id argument or a `projectId` field. */
function projectOf(args: unknown[]): string | undefined {
  const a = args[0];
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object') {
    const r = a as { projectId?: unknown; intoProjectId?: unknown };
    if (typeof r.projectId === 'string') return r.projectId;
    if (typeof r.intoProjectId === 'string') return r.intoProjectId;
  }
  return undefined;
}

/**
 * Run an `edit` call with its author's standing (session, role, assignment, sign-off) checked inside the change's
 * transaction, under the sign-off lock; when the call ends without changing the languages it named (a conflict,
 * the same text again), the standing is checked afresh before it is answered.
 */
async function checkedEdit<T>(
  access: DeskAccess,
  sessions: SessionMemory | undefined,
  who: Principal,
  args: unknown[],
  run: () => Promise<T>,
): Promise<T> {
  const projectId = projectOf(args)!;
  // One cell's language, or each language of a row (approve row: all must be the person's to change).
  const { lang, langs } = args[0] as { lang?: TargetLang; langs?: TargetLang[] };
  const wanted = langs ?? [lang!];
  const covered = new Set<TargetLang>();
  const sessionKey = sessions?.sessionKeyOf(who);
  const person = () => ({ id: who.id, role: who.role, sessionKey, now: new Date().toISOString() });
  const check: WriteCheck = async (db, id, changed) => {
    await access.holdChange(db, id, changed, id === projectId ? person() : undefined);
    if (id === projectId) for (const l of changed) covered.add(l);
  };
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await runWithWriteCheck(check, run) };
  } catch (error) {
    outcome = { error };
  }
  if (!wanted.every((l) => covered.has(l)))
    await access.checkStanding(projectId, wanted, person()).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'desk.notSignedIn') sessions?.forgetFor(who);
      throw e;
    });
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** The method table's desk rule for this call, before it runs. */
async function authorize(
  access: DeskAccess,
  who: Principal,
  method: ApiMethod,
  args: unknown[],
): Promise<void> {
  const rule: DeskRule | undefined = METHODS[method]?.desk;
  if (!rule) throw new AppError('api.forbidden');
  const projectId = projectOf(args);
  if (rule === 'admin' && !roleAtLeast(who.role, 'admin'))
    throw new AppError('desk.roleRequired', { role: 'admin' });
  if ((rule === 'editor' || rule === 'create' || rule === 'desk-editor') && !roleAtLeast(who.role, 'editor'))
    throw new AppError('desk.roleRequired', { role: 'editor' });
  // An edit: the person's standing is checked in the change's own transaction (checkedEdit).
  if (rule === 'edit') await access.requireDesk(who, projectId!);
  else if (rule !== 'any' && rule !== 'desk-editor' && projectId) await access.requireSee(who, projectId);
  if (rule === 'export') {
    const req = args[0] as ExportRequest;
    if (req.policy === 'approved-only')
      await access.requireSignedOff(req.projectId, req.lang === 'all' ? ['vi', 'en'] : [req.lang]);
  }
}

/** The `invoke` and `canReceive` halves of the desk's {@link HostAuth}. */
export function deskGuard(
  access: DeskAccess,
  /** Sessions remembered for edit calls (checked again in their transactions); none: every call reads afresh. */
  sessions?: SessionMemory,
): Pick<HostAuth, 'invoke' | 'canReceive'> {
  const seen = new Map<string, { ok: boolean; until: number }>();
  /**
   * Undo and redo change whatever the person's last step changed, an XLIFF import the language its file holds: the
   * core asks once it knows the languages.
   */
  function withCellCheck<T>(who: Principal, method: ApiMethod, args: unknown[], run: () => Promise<T>) {
    const projectId = projectOf(args);
    if ((method !== 'undo' && method !== 'redo' && method !== 'importInterchange') || !projectId)
      return run();
    return runWithCellCheck(async (langs) => {
      for (const lang of langs) await access.requireEdit(who, projectId, lang);
    }, run);
  }

  async function afterward(who: Principal, method: ApiMethod, value: unknown): Promise<unknown> {
    const rule = METHODS[method].desk;
    if (method === 'listProjects' || method === 'listTrash') {
      const visible = await access.visibleProjects(who);
      return (value as Array<{ id: string }>).filter((p) => visible.has(p.id));
    }
    if (method === 'openLastProject') {
      const project = value as { id: string };
      if (!(await access.projectDesk(project.id)) && roleAtLeast(who.role, 'editor'))
        await access.registerProject(project.id, who);
      if (!(await access.canSee(who, project.id))) throw new AppError('desk.noProjectYet');
    }
    if (rule === 'create') {
      const v = value as { id?: string; project?: { id: string } };
      const id = v.project?.id ?? v.id;
      if (id) await access.registerProject(id, who);
    }
    return value;
  }

  return {
    // The rows a call changed reach the other people through the store's own event after each commit.
    async invoke(remembered, method, args, handler) {
      const edit = METHODS[method]?.desk === 'edit';
      // Only edit calls may come with a person remembered rather than read afresh (see sessions.ts).
      const who = edit || !sessions ? remembered : await sessions.afresh(remembered);
      await authorize(access, who, method, args);
      const value = await runAsActor({ id: who.id, name: who.name, desk: who.desk }, () =>
        edit ? checkedEdit(access, sessions, who, args, handler) : withCellCheck(who, method, args, handler),
      );
      return afterward(who, method, value);
    },
    async canReceive(who, event) {
      const projectId =
        'projectId' in event
          ? event.projectId
          : event.type === 'mt-finished'
            ? event.summary.projectId
            : event.type === 'project-opened'
              ? event.outcome.project.id
              : undefined;
      if (projectId === undefined) return false;
      // Every event goes past every stream: a short-lived answer per person and project keeps that off the
      // database (API calls are checked against it, edits in their own transaction; a revoked stream stops within
      // the TTL).
      const key = `${who.id}|${projectId}`;
      const hit = seen.get(key);
      if (hit && hit.until > Date.now()) return hit.ok;
      const ok = await access.canSee(who, projectId);
      if (seen.size > 10_000) seen.clear();
      seen.set(key, { ok, until: Date.now() + VISIBILITY_TTL_MS });
      return ok;
    },
  };
}
