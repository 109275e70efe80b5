import type { Project, Segment } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { cellKey, projectMeta } from './rows';

/** What the database holds for one row, as last written by this process (the diff's baseline). */
export interface WrittenRow {
  position: number;
  /** The row's own fields, serialised. */
  row: string;
  /** Each cell without its revision, serialised. */
  cells: Record<string, string>;
  revs: Record<string, number>;
  /** The whole segment as written (the "before" of its next change in history). */
  full: string;
}

/** The baseline of one open project. */
export interface Written {
  order: string[];
  rows: Map<string, WrittenRow>;
  /** Project fields without segments and timestamps, serialised. */
  meta: string;
}

/** Everything one change writes: rows, cells, positions, project fields and history. */
export interface Plan {
  changed: Segment[];
  inserted: Array<{ segment: Segment; position: number }>;
  rowUpdates: Array<{ segment: Segment; position: number }>;
  positions: Array<{ id: string; position: number }>;
  cellUpdates: Array<{ segment: Segment; lang: (typeof TARGET_LANGS)[number] }>;
  deleted: string[];
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

function rowKey(s: Segment): string {
  const { targets: _t, ...rest } = s;
  return JSON.stringify(rest);
}

/** The baseline of a project just loaded from (or written whole to) the database. */
export function baselineOf(p: Project): Written {
  const rows = new Map<string, WrittenRow>();
  p.segments.forEach((s, i) => rows.set(s.id, written(s, i)));
  return { order: p.segments.map((s) => s.id), rows, meta: JSON.stringify(projectMeta(p)) };
}

function written(s: Segment, position: number): WrittenRow {
  const cells: Record<string, string> = {};
  const revs: Record<string, number> = {};
  for (const lang of TARGET_LANGS) {
    cells[lang] = cellKey(s.targets[lang]);
    revs[lang] = s.targets[lang].rev ?? 0;
  }
  return { position, row: rowKey(s), cells, revs, full: JSON.stringify(s) };
}

/**
 * Diff a project against what was written. Only `candidates` (indexes of rows whose object was replaced) are
 * looked at unless rows were added, removed or moved; a changed cell gets the next revision.
 */
export function planChange(base: Written, p: Project, candidates: number[] | null): Plan {
  const order = p.segments.map((s) => s.id);
  const structural = order.length !== base.order.length || order.some((id, i) => id !== base.order[i]);
  const meta = JSON.stringify(projectMeta(p));
  const plan: Plan = {
    changed: [],
    inserted: [],
    rowUpdates: [],
    positions: [],
    cellUpdates: [],
    deleted: [],
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
    for (const id of plan.deleted)
      plan.changes.push({ segmentId: id, before: base.rows.get(id)!.full, after: null });
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
    const w = written(s, position);
    plan.inserted.push({ segment: s, position });
    plan.changes.push({ segmentId: s.id, before: null, after: w.full });
    plan.changed.push(s);
    plan.next.rows.push([s.id, w]);
    return;
  }
  let cellsChanged = false;
  for (const lang of TARGET_LANGS) {
    const cell = s.targets[lang];
    const changed = cellKey(cell) !== prev.cells[lang];
    const rev = changed ? prev.revs[lang]! + 1 : prev.revs[lang]!;
    if (cell.rev !== rev) s.targets = { ...s.targets, [lang]: { ...cell, rev } };
    if (changed) {
      plan.cellUpdates.push({ segment: s, lang });
      cellsChanged = true;
    }
  }
  const rowChanged = rowKey(s) !== prev.row;
  if (rowChanged) plan.rowUpdates.push({ segment: s, position });
  else if (prev.position !== position) plan.positions.push({ id: s.id, position });
  if (!rowChanged && !cellsChanged && prev.position === position) return;
  const w = written(s, position);
  plan.next.rows.push([s.id, w]);
  if (!rowChanged && !cellsChanged) return; // moved only: the order in `structure` records it
  plan.changes.push({ segmentId: s.id, before: prev.full, after: w.full });
  plan.changed.push(s);
}

/** Apply a committed plan to the baseline. */
export function advance(base: Written, plan: Plan): void {
  for (const id of plan.deleted) base.rows.delete(id);
  for (const [id, w] of plan.next.rows) base.rows.set(id, w);
  base.order = plan.next.order;
  base.meta = plan.next.meta;
}
