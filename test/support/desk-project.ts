/**
 * The setup the desk's idempotency-key tests share: two editors on a desk of two processes with one article
 * imported, started before a `describe`'s tests and closed after them, and its cells read from the database.
 * (Registers vitest hooks: for test files only; `desk.ts` stays free of vitest for the bench and e2e.)
 */
import { afterAll, beforeAll } from 'vitest';
import type { ImportOutcome, Project } from '../../electron/contract';
import { twoEditorsOnTwoProcesses, type TwoEditors } from './desk';

/** A cell's row in the `cells` table. */
export interface StoredCell {
  text: string;
  status: string;
  rev: number;
  /** The cell's `data_json` (comment, approver…), as stored. */
  data: string;
}

/** {@link TwoEditors} with the imported project. */
export interface DeskWithProject extends TwoEditors {
  project: Project;
  /** The id of the project's row `i`. */
  row(i: number): string;
  /** A cell as the database holds it (Vietnamese unless `lang` says otherwise). */
  cell(segmentId: string, lang?: string): Promise<StoredCell>;
}

/**
 * Registers a `beforeAll` that starts {@link twoEditorsOnTwoProcesses} on database `name` and has `importer`
 * import `article`, and an `afterAll` that closes the desk. The object returned is filled in before the first
 * test runs.
 */
export function twoEditorsWithProject(
  name: string,
  article: { text: string; name: string },
  importer: 'minhA' | 'lan',
): DeskWithProject {
  const t = {
    row: (i: number) => t.project.segments[i]!.id,
    async cell(segmentId: string, lang = 'vi') {
      const { rows } = await t.a.database.pool.query<StoredCell>(
        'SELECT text, status, rev, data_json AS data FROM cells WHERE project_id = $1 AND segment_id = $2 AND lang = $3',
        [t.project.id, segmentId, lang],
      );
      return rows[0]!;
    },
  } as DeskWithProject;
  beforeAll(async () => {
    Object.assign(t, await twoEditorsOnTwoProcesses(name));
    t.project = (await t[importer].call<ImportOutcome>('importText', article)).value!.project;
  }, 60_000);
  afterAll(async () => t.desk?.close());
  return t;
}
