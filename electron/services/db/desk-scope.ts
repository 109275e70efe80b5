/**
 * Which desk (newsroom) a piece of shared data belongs to. The translation memory and the termbase are kept per
 * desk: the team desk's services take the caller's desk as an argument (the core reads it from the request's
 * actor), so a user of one desk never gets another desk's matches or terms.
 *
 * The `desk` column is the database's partition key, shared by several domains (tm, qa, desk), so it lives here,
 * below them: the migrations that fill it read the desk's tables by name only (when they exist), never its code.
 */
import { sql, type Kysely } from 'kysely';
import type { DbDialect } from './index';

/** The desk of the embedded single-user app (no accounts, one reviewer): the column default. */
export const EMBEDDED_DESK = '';

/** The desk an account is created in unless `--desk` names another. */
export const DEFAULT_DESK = 'main';

/**
 * The desk that memory units and terms stored before they had a desk belong to after the upgrade: on SQLite the
 * embedded app's; on a desk database the only desk its accounts belong to, or {@link DEFAULT_DESK} when there are
 * none or several (a unit or term of a registered project goes to that project's desk instead; see the migrations).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before any repository types its tables
export async function deskOfExistingRows(db: Kysely<any>, dialect: DbDialect): Promise<string> {
  if (dialect === 'sqlite') return EMBEDDED_DESK;
  if (!(await hasTable(db, 'desk_users'))) return DEFAULT_DESK;
  const desks = await db.selectFrom('desk_users').select('desk').distinct().limit(2).execute();
  return desks.length === 1 ? (desks[0]!.desk as string) : DEFAULT_DESK;
}

/** True when the database has the table (a migration of one domain may run before another domain's tables exist). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function hasTable(db: Kysely<any>, name: string): Promise<boolean> {
  return (await db.introspection.getTables()).some((t) => t.name === name);
}

/**
 * On PostgreSQL, give rows of `table` whose `project_id` is a registered desk project that project's desk (an
 * approval carried its project; the project's desk is where it was made).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function deskFromProjects(db: Kysely<any>, dialect: DbDialect, table: string): Promise<void> {
  if (dialect !== 'postgres' || !(await hasTable(db, 'desk_projects'))) return;
  await sql`UPDATE ${sql.table(table)} AS t SET desk = p.desk FROM desk_projects p
    WHERE t.project_id = p.project_id`.execute(db);
}
