import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Project, TermEntry } from '../../contract';
import { openSqlite, type Database, type DomainMigration } from '../db';
import { AppError } from '../errors';
import { ProjectStore } from '../project/store';
import type { QaRunContext } from './index';
import { EMBEDDED_DESK } from '../db/desk-scope';
import { QaRepository } from './repository';

/** The database file inside a data folder (same name as handlers.ts DATABASE_FILE; kept here to avoid a cycle). */
const DATABASE_FILE = 'review.db';

/**
 * What the CLI checks: a project file, or a project id in the data folder; with the data folder's database (when
 * there is one) for the termbase (the embedded app's desk), switched-off checks and "not an error" marks.
 * `migrations` are every domain's, as the CLI (the composition root) passes them to open the database.
 */
export async function qaRunContext(
  target: string,
  dataDir: string,
  readProject: (path: string) => Promise<Project>,
  migrations: readonly DomainMigration[],
): Promise<{ project: Project; context: QaRunContext }> {
  const dbFile = join(dataDir, DATABASE_FILE);
  if (existsSync(target)) {
    const project = await readProject(target);
    if (!existsSync(dbFile)) return { project, context: {} };
    const database = await openSqlite(dbFile, migrations);
    try {
      return { project, context: await contextOf(database, project) };
    } finally {
      await database.close();
    }
  }
  if (!existsSync(dbFile)) throw new AppError('project.notFound');
  const database = await openSqlite(dbFile, migrations);
  try {
    const store = new ProjectStore(database, {
      now: () => new Date(),
      actor: () => ({ id: 'cli', name: 'cli' }),
    });
    const project = await store.get(target);
    return { project, context: await contextOf(database, project) };
  } finally {
    await database.close();
  }
}

async function contextOf(database: Database, project: Project): Promise<QaRunContext> {
  const repo = new QaRepository(database);
  const [terms, disabled, dismissals] = await Promise.all([
    repo.terms(EMBEDDED_DESK, project.id),
    repo.disabledChecks(EMBEDDED_DESK),
    repo.dismissals(project.id),
  ]);
  return { terms, disabled, dismissals };
}

/**
 * The termbase's terms for a project from a data folder's database, as the app's export reads them: the embedded
 * desk's terms and the project's own (by its id, which a project file saved from the app keeps). None without one.
 */
export async function termbaseOf(
  dataDir: string,
  projectId: string,
  migrations: readonly DomainMigration[],
): Promise<TermEntry[]> {
  const dbFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(dbFile)) return [];
  const database = await openSqlite(dbFile, migrations);
  try {
    return await new QaRepository(database).terms(EMBEDDED_DESK, projectId);
  } finally {
    await database.close();
  }
}
