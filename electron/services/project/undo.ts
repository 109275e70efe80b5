import type { ChangeOrigin, Project, Segment, TargetLang, UndoResult } from '../../contract';
import { AppError } from '../errors';
import { changesOf, lastDone, lastUndone, setGroupState, type GroupRow } from './history-repo';
import { contentOf } from './rows';
import type { ProjectStore } from './store';

interface Structure {
  beforeOrder?: string[];
  afterOrder?: string[];
  beforeMeta?: string;
  afterMeta?: string;
}

const parse = (json: string | null): Segment | null => (json === null ? null : (JSON.parse(json) as Segment));

/**
 * The state a group moves rows from and to: for each row, the "before" of its first change and the "after" of
 * its last one (a typing burst is many changes of one row).
 */
async function endpoints(store: ProjectStore, g: GroupRow) {
  const changes = await changesOf(store.db, g.id);
  const first = new Map<string, Segment | null>();
  const last = new Map<string, Segment | null>();
  for (const c of changes) {
    if (!first.has(c.segment_id)) first.set(c.segment_id, parse(c.before_json));
    last.set(c.segment_id, parse(c.after_json));
  }
  return { first, last, structure: (g.structure_json ? JSON.parse(g.structure_json) : {}) as Structure };
}

/** Build the project with `target` rows (null: row removed), in `order` when given, with `meta` when given. */
function rebuild(
  project: Project,
  expected: Map<string, Segment | null>,
  target: Map<string, Segment | null>,
  order: string[] | undefined,
  meta: string | undefined,
): Project {
  const byId = new Map(project.segments.map((s) => [s.id, s]));
  for (const [id, want] of expected)
    if (contentOf(byId.get(id)) !== contentOf(want)) throw new AppError('history.conflict');
  const pick = (id: string): Segment | null | undefined => (target.has(id) ? target.get(id) : byId.get(id));
  const ids = order ?? project.segments.map((s) => s.id);
  const segments = ids.map(pick).filter((s): s is Segment => !!s);
  const fields = meta ? (JSON.parse(meta) as Omit<Project, 'segments' | 'updatedAt'>) : project;
  return { ...fields, id: project.id, segments, updatedAt: project.updatedAt };
}

/**
 * Checked before an undo or redo is written: given the languages whose cells would change, throws to refuse (the
 * desk's sign-off lock and language assignment). A change of the rows themselves (order, metadata: a revision
 * merge) counts as both languages.
 */
export type UndoCheck = (langs: readonly TargetLang[]) => Promise<void>;

const LANGS: readonly TargetLang[] = ['vi', 'en'];

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

async function flags(store: ProjectStore, projectId: string, actorId: string) {
  return {
    canUndo: !!(await lastDone(store.db, projectId, actorId)),
    canRedo: !!(await lastUndone(store.db, projectId, actorId)),
  };
}

/** Undo the acting person's last change group in a project (itself recorded, and redoable). */
export function undo(store: ProjectStore, projectId: string, check?: UndoCheck): Promise<UndoResult> {
  return store.serial(async () => {
    const actor = store.actor();
    const project = await store.get(projectId);
    const g = await lastDone(store.db, projectId, actor.id);
    let segments: Segment[] = [];
    if (g) {
      const { first, last, structure } = await endpoints(store, g);
      const next = rebuild(project, last, first, structure.beforeOrder, structure.beforeMeta);
      await check?.(changedLangs(project, next));
      segments = await store.commitWhole(next, {
        origin: 'undo',
        state: 'meta',
        within: (db, gid) => setGroupState(db, g.id, 'undone', gid ?? g.id),
      });
    }
    return {
      segments,
      origin: (g?.origin ?? null) as ChangeOrigin | null,
      ...(await flags(store, projectId, actor.id)),
    };
  }, projectId);
}

/** Redo the acting person's last undone group in a project. */
export function redo(store: ProjectStore, projectId: string, check?: UndoCheck): Promise<UndoResult> {
  return store.serial(async () => {
    const actor = store.actor();
    const project = await store.get(projectId);
    const g = await lastUndone(store.db, projectId, actor.id);
    let segments: Segment[] = [];
    if (g) {
      const { first, last, structure } = await endpoints(store, g);
      const next = rebuild(project, first, last, structure.afterOrder, structure.afterMeta);
      await check?.(changedLangs(project, next));
      segments = await store.commitWhole(next, {
        origin: 'redo',
        state: 'meta',
        within: (db) => setGroupState(db, g.id, 'done', null),
      });
    }
    return {
      segments,
      origin: (g?.origin ?? null) as ChangeOrigin | null,
      ...(await flags(store, projectId, actor.id)),
    };
  }, projectId);
}
