/**
 * The sign-off lock. Signing a language off and every change that could alter what its approved-only export holds
 * (cell edits, approvals, "Keep original", revision merges, interchange imports, re-translation, undo and restore)
 * take the same per-language lock inside their transactions, on whichever desk process they arrive: changes share
 * it, sign-off takes it alone. So either the change commits first and sign-off counts it, or sign-off commits first
 * and the change is refused; a signed-off language changes only after an editor reopens it.
 *
 * The lock is a PostgreSQL transaction-scoped advisory lock keyed by project and language (two 32-bit hashes: a
 * collision only makes two languages wait for each other, never lets a change through).
 */
import { sql, type Kysely } from 'kysely';
import type { DeskRole, TargetLang } from '../../contract';
import { AppError } from '../errors';
import { roleAtLeast } from './directory';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Who makes a change, for the check inside its transaction (the desk guard's `edit` calls). */
export interface ChangingPerson {
  id: string;
  role: DeskRole;
  /** The key of the session the call came with, when the person was not read afresh: checked here too. */
  sessionKey?: string;
  /** Now (ISO), against the session's expiry. */
  now: string;
}

/** A person's standing in a project, as the database holds it. */
export interface Standing {
  /** Who signed each language off (those signed off only). */
  signedBy: Partial<Record<TargetLang, string>>;
  editor: boolean;
  /** The languages assigned to the person in the project. */
  assigned: readonly string[];
}

/** Why the person may not change cells of `lang`, or undefined when they may (first refusal, in this order). */
export function editRefusal(s: Standing, lang: TargetLang): AppError | undefined {
  if (!s.editor && s.assigned.length === 0) return new AppError('project.notFound');
  const by = s.signedBy[lang];
  if (by !== undefined) return new AppError('desk.languageLocked', { by });
  if (!s.editor && !s.assigned.includes(lang)) return new AppError('desk.notAssigned', { lang });
  return undefined;
}

/**
 * Inside a change's transaction: share the languages' locks, and refuse when one of them is signed off. With
 * `person`, their session (when given), role and assignments are checked in the same statement, under the lock:
 * the change commits only if its author may make it at that moment.
 */
export async function holdUnsigned(
  db: AnyDb,
  projectId: string,
  langs: ReadonlySet<TargetLang>,
  person?: ChangingPerson,
): Promise<void> {
  if (!langs.size) return;
  const sorted = [...langs].sort(); // one order for every transaction: no deadlock between them
  for (const lang of sorted)
    await sql`SELECT pg_advisory_xact_lock_shared(hashtext(${projectId}), hashtext(${lang}))`.execute(db);
  await checkStanding(db, projectId, sorted, person);
}

/** Throw the first refusal of a change to `langs` (sign-off, and with `person` their standing): one statement. */
export async function checkStanding(
  db: AnyDb,
  projectId: string,
  langs: readonly TargetLang[],
  person?: ChangingPerson,
): Promise<void> {
  const standing = await standingOf(db, projectId, langs, person);
  for (const lang of langs) {
    const refusal = editRefusal(standing, lang);
    if (refusal) throw refusal;
  }
}

/** The sign-offs of `langs` and, with `person`, their role and assignments: one statement. */
async function standingOf(
  db: AnyDb,
  projectId: string,
  langs: readonly TargetLang[],
  person: ChangingPerson | undefined,
): Promise<Standing> {
  const who = person?.id ?? '';
  const { rows } = await sql<{
    signed: Array<[TargetLang, string]> | null;
    assigned: string[] | null;
    role: DeskRole | null;
  }>`
    SELECT
      (SELECT json_agg(json_build_array(lang, user_name)) FROM desk_signoffs
        WHERE project_id = ${projectId} AND lang IN (${sql.join(langs)})) AS signed,
      (SELECT json_agg(lang) FROM desk_assignments WHERE project_id = ${projectId} AND user_id = ${who}) AS assigned,
      (SELECT u.role FROM desk_sessions s JOIN desk_users u ON u.id = s.user_id
        WHERE s.id_hash = ${person?.sessionKey ?? ''} AND s.expires_at > ${person?.now ?? ''}
          AND u.disabled = 0 AND u.id = ${who}) AS role`.execute(db);
  const row = rows[0]!;
  const signedBy = Object.fromEntries(row.signed ?? []) as Standing['signedBy'];
  if (!person) return { signedBy, editor: true, assigned: [] };
  if (person.sessionKey !== undefined && row.role === null) throw new AppError('desk.notSignedIn');
  const role = person.sessionKey !== undefined ? row.role! : person.role;
  return { signedBy, editor: roleAtLeast(role, 'editor'), assigned: row.assigned ?? [] };
}

/** Inside a sign-off's transaction: take the language's lock alone (waits for changes in flight to commit). */
export async function holdForSignOff(db: AnyDb, projectId: string, lang: TargetLang): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${projectId}), hashtext(${lang}))`.execute(db);
}

/** Reviewable rows of a language not approved, as committed (read under the sign-off lock). */
export async function unapprovedCount(db: AnyDb, projectId: string, lang: TargetLang): Promise<number> {
  const row = await db
    .selectFrom('cells as c')
    .innerJoin('segments as s', (j) =>
      j.onRef('s.project_id', '=', 'c.project_id').onRef('s.id', '=', 'c.segment_id'),
    )
    .select(sql<number>`count(*)`.as('n'))
    .where('c.project_id', '=', projectId)
    .where('c.lang', '=', lang)
    .where('s.translate', '=', 1)
    .where('s.kind', '<>', 'caption')
    .where('c.status', '<>', 'approved')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
