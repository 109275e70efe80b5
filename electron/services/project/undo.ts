import type { ChangeOrigin, Project, Segment, TargetLang, UndoResult } from '../../contract';
import { AppError } from '../errors';
import {
  autoFilledSince,
  changesOf,
  lastDone,
  lastUndone,
  setGroupState,
  type GroupRow,
} from './history-repo';
import { canonical, contentOf } from './rows';
import type { ProjectDb } from './repository';
import type { ProjectStore } from './store';

interface Structure {
  beforeOrder?: string[];
  afterOrder?: string[];
  beforeMeta?: string;
  afterMeta?: string;
}

const LANGS: readonly TargetLang[] = ['vi', 'en'];

const parse = (json: string | null): Segment | null => (json === null ? null : (JSON.parse(json) as Segment));

/** A row without its cells and a cell without its revision, serialised in one key order, for comparisons. */
const rowPart = (s: Segment) => canonical({ ...s, targets: null });
const cellPart = (s: Segment, lang: TargetLang) => {
  // By value: a cell someone changed and changed back is as the step left it (its time stamps aside: approved
  // again by the same person, it is the same approval).
  const { rev: _r, updatedAt: _u, editMs: _e, approvedAt: _a, commentAt: _c, ...rest } = s.targets[lang];
  return canonical(rest);
};

/**
 * The state a group moves rows from and to: for each row, the "before" of its first change and the "after" of
 * its last one (a typing burst is many changes of one row).
 */
async function endpoints(store: ProjectStore, g: GroupRow) {
  const changes = await changesOf(store.db, g.id);
  const first = new Map<string, Segment | null>();
  const last = new Map<string, Segment | null>();
  // The cells the group's own changes touched: between two changes of a burst, someone else may have changed the
  // row's other language, which is not this step's to undo.
  const touched = new Map<string, Set<TargetLang>>();
  for (const c of changes) {
    const before = parse(c.before_json);
    const after = parse(c.after_json);
    if (!first.has(c.segment_id)) first.set(c.segment_id, before);
    last.set(c.segment_id, after);
    const langs = touched.get(c.segment_id) ?? new Set<TargetLang>();
    for (const lang of LANGS)
      if (!before || !after || cellPart(before, lang) !== cellPart(after, lang)) langs.add(lang);
    touched.set(c.segment_id, langs);
  }
  for (const [id, was] of first) {
    const now = last.get(id);
    if (!was || !now) continue;
    const targets = { ...was.targets };
    for (const lang of LANGS) if (!touched.get(id)!.has(lang)) targets[lang] = now.targets[lang];
    first.set(id, { ...was, targets });
  }
  return { first, last, structure: (g.structure_json ? JSON.parse(g.structure_json) : {}) as Structure };
}

/**
 * Whether a group's endpoints are the same by value (a typing burst that came back to where it started): undoing
 * or redoing it would change nothing, so it is passed over (and dropped) for the step before it.
 */
function changesNothing({ first, last, structure: s }: Awaited<ReturnType<typeof endpoints>>): boolean {
  if (String(s.beforeOrder) !== String(s.afterOrder) || s.beforeMeta !== s.afterMeta) return false;
  for (const [id, was] of first) {
    const now = last.get(id) ?? null;
    if (!was || !now || rowPart(was) !== rowPart(now)) return false;
    if (LANGS.some((lang) => cellPart(was, lang) !== cellPart(now, lang))) return false;
  }
  return true;
}

/** The acting person's last step to undo (or redo) that changes something; steps that change nothing are dropped. */
async function nextStep(store: ProjectStore, projectId: string, actorId: string, dir: 'undo' | 'redo') {
  for (;;) {
    const g = await (dir === 'undo' ? lastDone : lastUndone)(store.db, projectId, actorId);
    if (!g) return null;
    const ends = await endpoints(store, g);
    if (!changesNothing(ends)) return { g, ...ends };
    try {
      await setGroupState(store.db, g.id, 'dropped', null);
    } catch (e) {
      throw store.health.failed(e);
    }
  }
}

/**
 * Build the project with each row of `from → to` put back to `to`: a row added, removed or changed as a row (its
 * source, kind…) whole; otherwise only the cells that step changed, so a later change of the row's other language
 * stays and does not block the undo. Throws `history.conflict` when something the step changed was changed since.
 * Returns the project and the cells it puts back.
 */
function rebuild(
  project: Project,
  from: Map<string, Segment | null>,
  to: Map<string, Segment | null>,
  order: string[] | undefined,
  meta: string | undefined,
  autoFilled: ReadonlySet<string> = new Set(),
): { next: Project; cells: UndoResult['cells'] } {
  const byId = new Map(project.segments.map((s) => [s.id, s]));
  const target = new Map<string, Segment | null>();
  const cells: UndoResult['cells'] = [];
  for (const [id, want] of to) {
    const was = from.get(id) ?? null;
    const now = byId.get(id) ?? null;
    // Rows changed since only by automatic fills (machine text of the rows this step made) go back with it.
    const since = autoFilled.has(id) ? was : now;
    if (!was || !want || rowPart(was) !== rowPart(want)) {
      if (contentOf(since) !== contentOf(was)) throw new AppError('history.conflict');
      target.set(id, want);
      for (const lang of LANGS)
        if (!now || !want || cellPart(now, lang) !== cellPart(want, lang))
          cells.push({ segmentId: id, lang });
      continue;
    }
    const langs = LANGS.filter((lang) => cellPart(was, lang) !== cellPart(want, lang));
    if (!now || !since || langs.some((lang) => cellPart(since, lang) !== cellPart(was, lang)))
      throw new AppError('history.conflict');
    const targets = { ...now.targets };
    for (const lang of langs) targets[lang] = { ...want.targets[lang], rev: now.targets[lang].rev };
    target.set(id, { ...now, targets });
    cells.push(...langs.map((lang) => ({ segmentId: id, lang })));
  }
  const pick = (id: string): Segment | null | undefined => (target.has(id) ? target.get(id) : byId.get(id));
  const ids = order ?? project.segments.map((s) => s.id);
  const segments = ids.map(pick).filter((s): s is Segment => !!s);
  const fields = meta ? (JSON.parse(meta) as Omit<Project, 'segments' | 'updatedAt'>) : project;
  return { next: { ...fields, id: project.id, segments, updatedAt: project.updatedAt }, cells };
}

/**
 * Checked before an undo or redo is written: given the languages whose cells would change, throws to refuse (the
 * desk's sign-off lock and language assignment). A change of the rows themselves (order, metadata: a revision
 * merge) counts as both languages.
 */
export type UndoCheck = (langs: readonly TargetLang[]) => Promise<void>;

/** The languages whose cells differ between `project` now and the rebuilt `next`. */
function changedLangs(project: Project, next: Project): TargetLang[] {
  const before = new Map(project.segments.map((s) => [s.id, s]));
  const order = (p: Project) => p.segments.map((s) => s.id).join('\n');
  if (order(project) !== order(next)) return [...LANGS];
  return LANGS.filter((lang) =>
    next.segments.some(
      (s) => JSON.stringify(before.get(s.id)?.targets[lang]) !== JSON.stringify(s.targets[lang]),
    ),
  );
}

/**
 * Recorded in the transaction of an undo or redo, with the id of the group it writes and the kind of step it
 * takes back or brings back (a keyed step's record, see core/keyed-steps.ts).
 */
export type StepRecord = (db: ProjectDb, groupId: number | null, origin: ChangeOrigin) => Promise<void>;

async function flags(store: ProjectStore, projectId: string, actorId: string) {
  return {
    canUndo: !!(await lastDone(store.db, projectId, actorId)),
    canRedo: !!(await lastUndone(store.db, projectId, actorId)),
  };
}

/** Undo or redo the acting person's last step: its cells back to before it (undo) or after it again (redo). */
function move(
  store: ProjectStore,
  projectId: string,
  dir: 'undo' | 'redo',
  check?: UndoCheck,
  record?: StepRecord,
): Promise<UndoResult> {
  return store.serial(async () => {
    const actor = store.actor();
    store.endBurst(projectId);
    const step = await nextStep(store, projectId, actor.id, dir);
    // Whether the step's rows changed since is decided on them as committed, not on a copy another process
    // may have made stale a moment ago.
    const project = step
      ? await store.freshRows(projectId, [...step.first.keys()])
      : await store.get(projectId);
    const g = step?.g;
    let segments: Segment[] = [];
    let cells: UndoResult['cells'] = [];
    if (step && g) {
      const { first, last, structure } = step;
      // Undone, a step takes the automatic fills made on its rows since with it (never anyone's work).
      const auto =
        dir === 'undo' ? await autoFilledSince(store.db, projectId, g.id, [...last.keys()]) : undefined;
      const built =
        dir === 'undo'
          ? rebuild(project, last, first, structure.beforeOrder, structure.beforeMeta, auto)
          : rebuild(project, first, last, structure.afterOrder, structure.afterMeta);
      cells = built.cells;
      await check?.(changedLangs(project, built.next));
      segments = await store.commitWhole(built.next, {
        origin: dir,
        state: 'meta',
        within: async (db, gid) => {
          if (dir === 'undo') await setGroupState(db, g.id, 'undone', gid ?? g.id);
          else await setGroupState(db, g.id, 'done', null);
          await record?.(db, gid, g.origin as ChangeOrigin);
        },
      });
    }
    return {
      segments,
      cells,
      origin: (g?.origin ?? null) as ChangeOrigin | null,
      ...(await flags(store, projectId, actor.id)),
    };
  }, projectId);
}

/** Undo the acting person's last change group in a project (itself recorded, and redoable). */
export function undo(
  store: ProjectStore,
  projectId: string,
  check?: UndoCheck,
  record?: StepRecord,
): Promise<UndoResult> {
  return move(store, projectId, 'undo', check, record);
}

/** Redo the acting person's last undone group in a project. */
export function redo(
  store: ProjectStore,
  projectId: string,
  check?: UndoCheck,
  record?: StepRecord,
): Promise<UndoResult> {
  return move(store, projectId, 'redo', check, record);
}

/**
 * What an undo or redo that wrote group `groupId` answers now (it committed, its answer was lost): the rows it
 * changed as the database holds them, the cells it changed, the kind of step, and what can be undone or redone.
 */
export async function stepAnswer(
  store: ProjectStore,
  projectId: string,
  groupId: number,
  origin: ChangeOrigin | null,
): Promise<UndoResult> {
  const changes = groupId ? await changesOf(store.db, groupId) : [];
  const cells: UndoResult['cells'] = [];
  for (const c of changes) {
    const before = parse(c.before_json);
    const after = parse(c.after_json);
    for (const lang of LANGS)
      if (!before || !after || cellPart(before, lang) !== cellPart(after, lang))
        cells.push({ segmentId: c.segment_id, lang });
  }
  const ids = new Set(changes.map((c) => c.segment_id));
  const segments = ids.size ? (await store.committed(projectId)).segments.filter((s) => ids.has(s.id)) : [];
  return { segments, cells, origin, ...(await flags(store, projectId, store.actor().id)) };
}
