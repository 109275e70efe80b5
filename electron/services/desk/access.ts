import type { Kysely } from 'kysely';
import type { DeskProjectAccess, PresenceEntry, TargetLang } from '../../contract';
import type { Database } from '../db';
import { AppError } from '../errors';
import { roleAtLeast, type Principal } from './directory';
import {
  checkStanding,
  editRefusal,
  holdForSignOff,
  holdUnsigned,
  unapprovedCount,
  type ChangingPerson,
} from './signoff';

/** How long a presence entry counts without a heartbeat. */
export const PRESENCE_TTL_MS = 30_000;

/**
 * Who may see and change what on the desk. A project belongs to one desk (newsroom); editors and admins of that
 * desk see all its projects, a reviewer only those with a language assigned to them, and edits only those
 * languages. A signed-off language is locked for everyone until an editor takes the sign-off back.
 */
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Most project → desk answers remembered (a project never changes desks, so a remembered answer stays true). */
const DESK_CACHE = 10_000;

export class DeskAccess {
  private readonly db: AnyDb;
  /** The desk of projects seen registered (only found ones: another process may register a project later). */
  private readonly desks = new Map<string, string>();

  constructor(
    database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = database.db;
  }

  /** Record that a new project belongs to the creator's desk. Idempotent. */
  async registerProject(projectId: string, who: Principal): Promise<void> {
    const existing = await this.projectDesk(projectId);
    if (existing) return;
    await this.db
      .insertInto('desk_projects')
      .values({ project_id: projectId, desk: who.desk, created_by: who.id })
      .execute();
  }

  /** The desk a project belongs to, or undefined when it was never registered. */
  async projectDesk(projectId: string): Promise<string | undefined> {
    const known = this.desks.get(projectId);
    if (known !== undefined) return known;
    const row = await this.db
      .selectFrom('desk_projects')
      .select('desk')
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    const desk = row?.desk as string | undefined;
    if (desk === undefined) return undefined;
    if (this.desks.size >= DESK_CACHE) this.desks.clear();
    this.desks.set(projectId, desk);
    return desk;
  }

  /** Ids of every project `who` may see. */
  async visibleProjects(who: Principal): Promise<Set<string>> {
    let q = this.db.selectFrom('desk_projects').select('project_id').where('desk', '=', who.desk);
    if (!roleAtLeast(who.role, 'editor'))
      q = q.where(
        'project_id',
        'in',
        this.db.selectFrom('desk_assignments').select('project_id').where('user_id', '=', who.id),
      );
    return new Set((await q.execute()).map((r) => r.project_id as string));
  }

  /** True when `who` may see the project. */
  async canSee(who: Principal, projectId: string): Promise<boolean> {
    if ((await this.projectDesk(projectId)) !== who.desk) return false;
    if (roleAtLeast(who.role, 'editor')) return true;
    const row = await this.db
      .selectFrom('desk_assignments')
      .select('lang')
      .where('project_id', '=', projectId)
      .where('user_id', '=', who.id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Inside a change's transaction: the languages' sign-off lock, and with `person` their standing in the project,
   * checked in the same statement (see signoff.ts).
   */
  holdChange(
    db: AnyDb,
    projectId: string,
    langs: ReadonlySet<TargetLang>,
    person?: ChangingPerson,
  ): Promise<void> {
    return holdUnsigned(db, projectId, langs, person);
  }

  /** Outside a transaction: throw the first refusal of `person`'s change to `langs` (one statement, no lock). */
  checkStanding(projectId: string, langs: readonly TargetLang[], person: ChangingPerson): Promise<void> {
    return checkStanding(this.db, projectId, langs, person);
  }

  /** Throw `project.notFound` unless the project is of `who`'s desk (remembered: no look at the database mostly). */
  async requireDesk(who: Principal, projectId: string): Promise<void> {
    if ((await this.projectDesk(projectId)) !== who.desk) throw new AppError('project.notFound');
  }

  /** Throw `desk.notFound` unless `who` may see the project (the same answer as for a project that does not exist). */
  async requireSee(who: Principal, projectId: string): Promise<void> {
    if (!(await this.canSee(who, projectId))) throw new AppError('project.notFound');
  }

  /**
   * Throw unless `who` may change cells of `lang` in the project: visible, assigned (or editor), not signed off.
   * One look at the database (a request's fast refusal; the change's own transaction checks the sign-off again
   * under its lock, see `signoff.ts`).
   */
  async requireEdit(who: Principal, projectId: string, lang: TargetLang): Promise<void> {
    await this.requireDesk(who, projectId);
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('desk_signoffs')
          .select('user_name')
          .where('project_id', '=', projectId)
          .where('lang', '=', lang)
          .as('signed'),
        eb
          .selectFrom('desk_assignments')
          .select('lang')
          .where('project_id', '=', projectId)
          .where('user_id', '=', who.id)
          .limit(1)
          .as('anyLang'),
        eb
          .selectFrom('desk_assignments')
          .select('lang')
          .where('project_id', '=', projectId)
          .where('user_id', '=', who.id)
          .where('lang', '=', lang)
          .as('thisLang'),
      ])
      .executeTakeFirstOrThrow();
    const refusal = editRefusal(
      {
        signedBy: row.signed == null ? {} : { [lang]: row.signed as string },
        editor: roleAtLeast(who.role, 'editor'),
        assigned: [row.anyLang, row.thisLang].filter((l): l is string => l != null),
      },
      lang,
    );
    if (refusal) throw refusal;
  }

  /** Throw `desk.notSignedOff` for the first of `langs` that has no sign-off in the project. */
  async requireSignedOff(projectId: string, langs: readonly TargetLang[]): Promise<void> {
    const rows = await this.db
      .selectFrom('desk_signoffs')
      .select('lang')
      .where('project_id', '=', projectId)
      .execute();
    const signed = new Set(rows.map((r) => r.lang as string));
    const missing = langs.find((l) => !signed.has(l));
    if (missing) throw new AppError('desk.notSignedOff', { lang: missing });
  }

  /** Assignments and sign-offs of a project. */
  async projectAccess(projectId: string, db = this.db): Promise<DeskProjectAccess> {
    const assignments = await db
      .selectFrom('desk_assignments')
      .innerJoin('desk_users', 'desk_users.id', 'desk_assignments.user_id')
      .select(['desk_assignments.lang', 'desk_assignments.user_id', 'desk_users.name'])
      .where('desk_assignments.project_id', '=', projectId)
      .orderBy('desk_assignments.lang')
      .orderBy('desk_users.name')
      .execute();
    const signoffs = await db
      .selectFrom('desk_signoffs')
      .select(['lang', 'user_name', 'at'])
      .where('project_id', '=', projectId)
      .orderBy('lang')
      .execute();
    return {
      projectId,
      assignments: assignments.map((a) => ({ lang: a.lang, userId: a.user_id, userName: a.name })),
      signoffs: signoffs.map((s) => ({ lang: s.lang, by: s.user_name, at: s.at })),
    };
  }

  /**
   * Assign or unassign a language; the assignee must be an active account of the project's desk. `then` runs in
   * the change's transaction, after it (the news of it is recorded there).
   */
  async assign(
    projectId: string,
    lang: TargetLang,
    userId: string,
    assigned: boolean,
    then?: (trx: AnyDb) => Promise<void>,
  ): Promise<void> {
    const user = await this.db
      .selectFrom('desk_users')
      .select(['desk', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.desk !== (await this.projectDesk(projectId)) || user.disabled)
      throw new AppError('desk.userNotFound');
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('desk_assignments')
        .where('project_id', '=', projectId)
        .where('lang', '=', lang)
        .where('user_id', '=', userId)
        .execute();
      if (assigned)
        await trx
          .insertInto('desk_assignments')
          .values({ project_id: projectId, lang, user_id: userId })
          .execute();
      await then?.(trx);
    });
  }

  /**
   * Sign a language off (or take the sign-off back), under the sign-off lock: the "every row approved" check reads
   * what is committed, with no change to the language in flight (see `signoff.ts`).
   */
  async signOff(
    projectId: string,
    lang: TargetLang,
    who: Principal,
    signed: boolean,
    then?: (trx: AnyDb) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForSignOff(trx, projectId, lang);
      if (signed) {
        const count = await unapprovedCount(trx, projectId, lang);
        if (count > 0) throw new AppError('desk.notAllApproved', { count });
      }
      await trx
        .deleteFrom('desk_signoffs')
        .where('project_id', '=', projectId)
        .where('lang', '=', lang)
        .execute();
      if (signed)
        await trx
          .insertInto('desk_signoffs')
          .values({
            project_id: projectId,
            lang,
            user_id: who.id,
            user_name: who.name,
            at: this.now().toISOString(),
          })
          .execute();
      await then?.(trx);
    });
  }

  /** Record where someone is (one place per person) and return who is on that project now. */
  async setPresence(
    who: { id: string; name: string },
    projectId: string,
    segmentId: string | null,
    lang: TargetLang | null,
  ): Promise<PresenceEntry[]> {
    const row = {
      user_id: who.id,
      user_name: who.name,
      project_id: projectId,
      segment_id: segmentId,
      lang,
      seen_at: this.now().toISOString(),
    };
    await this.db
      .insertInto('desk_presence')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...row }))
      .execute();
    return this.presence(projectId);
  }

  /** Everyone seen on a project within {@link PRESENCE_TTL_MS}. */
  async presence(projectId: string): Promise<PresenceEntry[]> {
    const since = new Date(this.now().getTime() - PRESENCE_TTL_MS).toISOString();
    const rows = await this.db
      .selectFrom('desk_presence')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('seen_at', '>', since)
      .orderBy('user_name')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      userName: r.user_name,
      projectId: r.project_id,
      segmentId: r.segment_id ?? null,
      lang: r.lang ?? null,
      at: r.seen_at,
    }));
  }
}
