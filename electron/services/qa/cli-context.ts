import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../contract';
import { openSqlite } from '../db';
import { ProjectStore } from '../project/store';
import type { QaRunContext } from './index';
import { QaRepository } from './repository';

/** The database file inside a data folder (same name as handlers.ts DATABASE_FILE; kept here to avoid a cycle). */
const DATABASE_FILE = 'review.db';

/**
 * What the CLI checks: a project file, or a project id in the data folder; with the data folder's database (when
 * there is one) for the termbase, switched-off checks and "not an error" marks.
 */
export async function qaRunContext(
  target: string,
  dataDir: string,
  readProject: (path: string) => Promise<Project>,
): Promise<{ project: Project; context: QaRunContext }> {
  const project = existsSync(target)
    ? await readProject(target)
    : await new ProjectStore(dataDir, () => new Date()).get(target);
  const dbFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(dbFile)) return { project, context: {} };
  const database = await openSqlite(dbFile);
  try {
    const repo = new QaRepository(database);
    const [terms, disabled, dismissals] = await Promise.all([
      repo.terms(project.id),
      repo.disabledChecks(),
      repo.dismissals(project.id),
    ]);
    return { project, context: { terms, disabled, dismissals } };
  } finally {
    await database.close();
  }
}
