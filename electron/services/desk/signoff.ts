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
import type { TargetLang } from '../../contract';
import { AppError } from '../errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Inside a change's transaction: share the languages' locks, and refuse when one of them is signed off. */
export async function holdUnsigned(
  db: AnyDb,
  projectId: string,
  langs: ReadonlySet<TargetLang>,
): Promise<void> {
  if (!langs.size) return;
  const sorted = [...langs].sort(); // one order for every transaction: no deadlock between them
  for (const lang of sorted)
    await sql`SELECT pg_advisory_xact_lock_shared(hashtext(${projectId}), hashtext(${lang}))`.execute(db);
  const signed = await db
    .selectFrom('desk_signoffs')
    .select(['lang', 'user_name'])
    .where('project_id', '=', projectId)
    .where('lang', 'in', sorted)
    .executeTakeFirst();
  if (signed) throw new AppError('desk.languageLocked', { by: signed.user_name as string });
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
