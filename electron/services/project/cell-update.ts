/**
 * Cell writes in bulk: a change's rewritten cells in a few statements, each updating up to {@link CHUNK} cells
 * from a `VALUES` list, instead of one statement per cell (a pre-translation or a machine run changes thousands at
 * once). The same SQL runs on SQLite and PostgreSQL (`UPDATE … FROM (VALUES …)` with `RETURNING`; the columns of a
 * `VALUES` list are `column1`, `column2`… on both).
 */
import { sql } from 'kysely';
import type { Segment, TargetLang } from '../../contract';
import type { ProjectDb } from './repository';
import { cellRow } from './rows';

/** Cells per statement: 7 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 500;

/** One cell to rewrite, on the condition that the database still holds revision `baseRev` of it. */
export interface CellUpdate {
  segment: Segment;
  lang: TargetLang;
  baseRev: number;
}

/**
 * Rewrite cells, each only if the database still holds the revision the change was computed from. Returns the
 * segments of the cells another writer got to first (not rewritten; the caller rolls the transaction back).
 */
export async function updateCells(
  db: ProjectDb,
  projectId: string,
  updates: readonly CellUpdate[],
): Promise<string[]> {
  const stale: string[] = [];
  for (let i = 0; i < updates.length; i += CHUNK) {
    const part = updates.slice(i, i + CHUNK);
    const values = part.map((u) => {
      const c = cellRow(projectId, u.segment.id, u.lang, u.segment.targets[u.lang]);
      return sql`(${c.segment_id}, ${c.lang}, CAST(${u.baseRev} AS integer), ${c.text}, ${c.status}, CAST(${c.rev} AS integer), ${c.data_json})`;
    });
    // `+v.column3`: no index on the list's revisions. Without it SQLite may read every cell of the project and
    // build an automatic index on the revision (nearly all equal), comparing each cell with every listed one.
    const { rows } = await sql<{ segment_id: string; lang: string }>`UPDATE cells
      SET text = v.column4, status = v.column5, rev = v.column6, data_json = v.column7
      FROM (VALUES ${sql.join(values)}) AS v
      WHERE cells.project_id = ${projectId} AND cells.segment_id = v.column1 AND cells.lang = v.column2
        AND cells.rev = +v.column3
      RETURNING cells.segment_id, cells.lang`.execute(db);
    const written = new Set(rows.map((r) => `${r.segment_id}\u0000${r.lang}`));
    for (const u of part) if (!written.has(`${u.segment.id}\u0000${u.lang}`)) stale.push(u.segment.id);
  }
  return stale;
}
