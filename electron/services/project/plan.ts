import type { Project, Segment } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { assembleSegment, cellRow, projectMeta, segmentRow } from './rows';
import type { ProjectTables } from './schema';

type SegmentRow = ProjectTables['segments'];
type CellRow = ProjectTables['cells'];

/**
 * What the database holds for one row, as last written or read by this process (the diff's baseline): the table
 * rows themselves, so a loaded project needs no serialising, and a change's "before" is rebuilt only when needed.
 */
export interface WrittenRow {
  row: SegmentRow;
  cells: Record<string, CellRow>;
}

/** The baseline of one open project. */
export interface Written {
  projectId: string;
  order: string[];
  rows: Map<string, WrittenRow>;
  /** Project fields without segments and timestamps, serialised. */
  meta: string;
  /** The project row's version this copy was read or written at (see the `projects.version` column). */
  version: number;
}

/** Everything one change writes: rows, cells, positions, project fields and history. */
export interface Plan {
  changed: Segment[];
  inserted: Array<{ segment: Segment; position: number }>;
  rowUpdates: Array<{ segment: Segment; position: number }>;
  positions: Array<{ id: string; position: number }>;
  /** `baseRev`: the cell's revision in the database when the change was computed (the write's condition). */
  cellUpdates: Array<{ segment: Segment; lang: (typeof TARGET_LANGS)[number]; baseRev: number }>;
  deleted: string[];
  /** Revisions of the deleted rows' cells (`segmentId\u0000lang`), the condition of their deletion. */
  deletedRevs: Map<string, number>;
  metaChanged: boolean;
  /** Set when rows were added, removed or moved, or project fields changed along with rows (undo needs them). */
  structure: {
    beforeOrder?: string[];
    afterOrder?: string[];
    beforeMeta?: string;
    afterMeta?: string;
  } | null;
  changes: Array<{ segmentId: string; before: string | null; after: string | null }>;
  /** The new baseline once the plan is committed. */
  next: { order: string[]; rows: Array<[string, WrittenRow]>; meta: string };
}

const sameRow = (a: SegmentRow, b: SegmentRow) =>
  a.kind === b.kind && a.source === b.source && a.translate === b.translate && a.data_json === b.data_json;
const sameCell = (a: CellRow, b: CellRow) =>
  a.text === b.text && a.status === b.status && a.data_json === b.data_json;

function written(projectId: string, s: Segment, position: number): WrittenRow {
  const cells: Record<string, CellRow> = {};
  for (const lang of TARGET_LANGS) cells[lang] = cellRow(projectId, s.id, lang, s.targets[lang]);
  return { row: segmentRow(projectId, s, position), cells };
}

/** The segment a baseline row stands for, serialised (the "before" of a change in history). */
function fullOf(w: WrittenRow): string {
  return JSON.stringify(assembleSegment(w.row, new Map(Object.entries(w.cells))));
}

/** The baseline of a project written whole (creation, import). */
export function baselineOf(p: Project): Written {
  const rows = new Map<string, WrittenRow>();
  p.segments.forEach((s, i) => rows.set(s.id, written(p.id, s, i)));
  return {
    projectId: p.id,
    order: p.segments.map((s) => s.id),
    rows,
    meta: JSON.stringify(projectMeta(p)),
    version: 0,
  };
}

/** The baseline of a project just loaded, from the table rows it was read from (nothing to serialise). */
export function baselineFromRows(p: Project, segs: SegmentRow[], cells: CellRow[], version: number): Written {
  const rows = new Map<string, WrittenRow>();
  for (const r of segs) rows.set(r.id, { row: r, cells: {} });
  for (const c of cells) {
    const w = rows.get(c.segment_id);
    if (w) w.cells[c.lang] = c;
  }
  return {
    projectId: p.id,
    order: segs.map((s) => s.id),
    rows,
    meta: JSON.stringify(projectMeta(p)),
    version,
  };
}

/**
 * Diff a project against what was written. Only `candidates` (indexes of rows whose object was replaced) are
 * looked at unless rows were added, removed or moved; a changed cell gets the next revision.
 */
export function planChange(base: Written, p: Project, candidates: number[] | null): Plan {
  // Rows not among the candidates are the very objects committed last time, at the same index: checking the
  // candidates is enough to know whether rows moved (a one-cell edit stays O(changed rows) here).
  const sameLength = p.segments.length === base.order.length;
  const structural =
    candidates && sameLength
      ? candidates.some((i) => p.segments[i]!.id !== base.order[i])
      : !sameLength || p.segments.some((s, i) => s.id !== base.order[i]);
  const order = structural ? p.segments.map((s) => s.id) : base.order;
  const meta = JSON.stringify(projectMeta(p));
  const plan: Plan = {
    changed: [],
    inserted: [],
    rowUpdates: [],
    positions: [],
    cellUpdates: [],
    deleted: [],
    deletedRevs: new Map(),
    metaChanged: meta !== base.meta,
    structure: null,
    changes: [],
    next: { order, rows: [], meta },
  };
  const look = structural || !candidates ? order.map((_, i) => i) : candidates;
  for (const i of look) diffRow(base, p.segments[i]!, i, plan);
  if (structural) {
    const keep = new Set(order);
    plan.deleted = base.order.filter((id) => !keep.has(id));
    for (const id of plan.deleted) {
      const old = base.rows.get(id)!;
      for (const c of Object.values(old.cells)) plan.deletedRevs.set(`${id}\u0000${c.lang}`, Number(c.rev));
      plan.changes.push({ segmentId: id, before: fullOf(old), after: null });
    }
  }
  if (plan.changes.length && (structural || plan.metaChanged)) {
    plan.structure = structural ? { beforeOrder: base.order, afterOrder: order } : {};
    if (plan.metaChanged) Object.assign(plan.structure, { beforeMeta: base.meta, afterMeta: meta });
  }
  return plan;
}

function diffRow(base: Written, s: Segment, position: number, plan: Plan): void {
  const prev = base.rows.get(s.id);
  if (!prev) {
    plan.inserted.push({ segment: s, position });
    plan.changes.push({ segmentId: s.id, before: null, after: JSON.stringify(s) });
    plan.changed.push(s);
    plan.next.rows.push([s.id, written(base.projectId, s, position)]);
    return;
  }
  let cellsChanged = false;
  for (const lang of TARGET_LANGS) {
    const old = prev.cells[lang]!;
    const cell = s.targets[lang];
    const changed = !sameCell(cellRow(base.projectId, s.id, lang, cell), old);
    const rev = changed ? Number(old.rev) + 1 : Number(old.rev);
    if (cell.rev !== rev) s.targets = { ...s.targets, [lang]: { ...cell, rev } };
    if (changed) {
      plan.cellUpdates.push({ segment: s, lang, baseRev: Number(old.rev) });
      cellsChanged = true;
    }
  }
  const rowChanged = !sameRow(segmentRow(base.projectId, s, position), prev.row);
  const moved = Number(prev.row.position) !== position;
  if (rowChanged) plan.rowUpdates.push({ segment: s, position });
  else if (moved) plan.positions.push({ id: s.id, position });
  if (!rowChanged && !cellsChanged && !moved) return;
  plan.next.rows.push([s.id, written(base.projectId, s, position)]);
  if (!rowChanged && !cellsChanged) return; // moved only: the order in `structure` records it
  plan.changes.push({ segmentId: s.id, before: fullOf(prev), after: JSON.stringify(s) });
  plan.changed.push(s);
}

/** True when a plan changes more than cells: rows, their order or project fields (the project's version moves). */
export function changesStructure(plan: Plan): boolean {
  return (
    plan.metaChanged ||
    plan.inserted.length > 0 ||
    plan.rowUpdates.length > 0 ||
    plan.positions.length > 0 ||
    plan.deleted.length > 0
  );
}

/** Apply a committed plan to the baseline. */
export function advance(base: Written, plan: Plan): void {
  if (changesStructure(plan)) base.version++;
  for (const id of plan.deleted) base.rows.delete(id);
  for (const [id, w] of plan.next.rows) base.rows.set(id, w);
  base.order = plan.next.order;
  base.meta = plan.next.meta;
}
