import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ChangeOrigin,
  Project,
  ProjectSummary,
  ReviewEvent,
  Segment,
  SourceInfo,
  TargetLang,
} from '../../contract';
import { TARGET_LANGS } from '../../contract';
import type { Database } from '../db';
import { AppError, isAppError } from '../errors';
import { StorageHealth, toStorageError } from '../storage/faults';
import { mirrorCaptions } from './cells';
import { KeyedQueue, MAX_STALE_RETRIES, StaleError } from './concurrency';
import { advance, baselineFromRows, baselineOf, planChange, type Written } from './plan';
import { assembleSegment } from './rows';
import * as repo from './repository';
import type { ProjectTables } from './schema';
import { writePlan, type GroupSpec } from './write';

/** The state key of the last opened article on this computer, and the desk's latest for a first sign-in. */
const SHARED_LAST = 'lastProjectId';
/** What made a project-level change, for its history. */
export interface ChangeOptions {
  origin?: ChangeOrigin;
  /** Who made it, when not the current actor (e.g. "imported from file.xlf"). */
  by?: string;
}

/** Internal options of a commit: undo/redo write `meta` groups and mark the group they undid in the same transaction. */
export interface CommitOptions extends ChangeOptions {
  state?: 'done' | 'meta';
  within?: (db: repo.ProjectDb, groupId: number | null) => Promise<void>;
}

/** What a new project is made from (the import service's parse result). */
export interface NewProjectInput {
  title: string;
  segments: Segment[];
  source: Omit<SourceInfo, 'importedAt'>;
}

/** What the store needs from the app besides the database. */
export interface StoreOptions {
  now: () => Date;
  /** Told about every committed change of rows (with their new revisions). */
  emit?: (event: ReviewEvent) => void;
  /** Who acts (recorded in history; undo is per actor). */
  actor?: () => { id: string; name: string };
  /**
   * Run inside every change's transaction before anything is written, with the languages whose cells it may change
   * (the desk takes its sign-off lock here and refuses changes to a signed-off language).
   */
  beforeWrite?: (db: repo.ProjectDb, projectId: string, langs: ReadonlySet<TargetLang>) => Promise<void>;
  /**
   * Record the event of a change in the change's own transaction, before it is emitted (the desk's outbox: its
   * news is committed with it, whatever happens to the process after the commit).
   */
  record?: (db: repo.ProjectDb, event: ReviewEvent) => Promise<void>;
}

/** Typing into the same cell within this window is one undo step. */
const BURST_MS = 4000;

/**
 * Projects in the database. Open projects stay in memory for fast reads; every change is diffed against what was
 * written (only changed rows and cells are written), committed in one transaction with its history, and only
 * then does the call resolve. Changes to one project are applied one at a time (projects independently); a failed
 * write rejects that call, leaves the project as it was before it, and does not affect the next one.
 *
 * The database is the truth, not the copy in memory: several processes may share it (a desk behind a load
 * balancer). Every write is conditional on the revisions the copy holds; when another process got there first the
 * copy is refreshed and the change computed again on it (so a stale base is a conflict, never an overwrite).
 * {@link external} refreshes rows other processes announced, {@link committed} reads the project afresh.
 */
export class ProjectStore {
  readonly db: Kysely<ProjectTables>;
  private readonly open = new Map<string, Project>();
  private readonly base = new Map<string, Written>();
  private readonly loading = new Map<string, Promise<Project>>();
  /** Each person's open typing burst: its group, cells, when it last wrote and the revisions it left them at. */
  private readonly bursts = new Map<string, { id: number; rows: string; at: number; revs: string }>();
  /** project + actor pairs known to have nothing to redo. */
  private readonly noRedo = new Set<string>();
  private readonly queue = new KeyedQueue();
  /** Whether writes work now (disk full, read-only… while it lasts), for the storage status. */
  readonly health = new StorageHealth();
  /** Set by {@link close}: new work is refused, so none reaches a database being closed. */
  private closing = false;
  /** Rows other processes announced as changed, refreshed by the next queued job of their project. */
  private readonly announced = new Map<string, Set<string>>();

  constructor(
    readonly database: Database,
    private readonly opts: StoreOptions,
  ) {
    this.db = database.db as Kysely<ProjectTables>;
  }

  /** Who the running request acts for. */
  actor(): { id: string; name: string } {
    return this.opts.actor?.() ?? { id: 'local', name: 'local' };
  }

  /**
   * Run `job` after every change of project `key` queued before it; a failure does not block later jobs. A job
   * whose write found the copy stale runs again on a refreshed copy (it must read the project through {@link get}).
   */
  serial<T>(job: () => Promise<T>, key = '*'): Promise<T> {
    return this.run(key, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await job();
        } catch (e) {
          const stale = staleOf(e);
          if (!stale || key === '*') throw stale ? new AppError('project.busy') : e;
          if (attempt >= MAX_STALE_RETRIES) throw new AppError('project.busy');
          await this.refresh(key, stale.segmentIds);
        }
      }
    });
  }

  /** Queue `job` after the project's earlier ones; refused once the store is closing (see {@link close}). */
  private run<T>(key: string, job: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new AppError('api.unavailable'));
    return this.queue.run(key, job);
  }

  /** Bring rows of the copy in memory up to the database (all of it when `ids` is null: reloaded on next use). */
  private async refresh(id: string, ids: string[] | null): Promise<void> {
    const project = this.open.get(id);
    const base = this.base.get(id);
    if (!project || !base) return;
    const drop = () => {
      this.open.delete(id);
      this.base.delete(id);
    };
    if (!ids) return drop();
    const rows = await this.read(() => repo.loadSegmentRows(this.db, id, ids));
    const fresh = await this.read(() => repo.projectVersion(this.db, id));
    if (rows.segments.length !== new Set(ids).size || fresh?.version !== base.version) return drop();
    const byRow = new Map<string, Map<string, (typeof rows.cells)[number]>>();
    for (const c of rows.cells) {
      if (!byRow.has(c.segment_id)) byRow.set(c.segment_id, new Map());
      byRow.get(c.segment_id)!.set(c.lang, c);
    }
    for (const r of rows.segments) {
      const index = Number(r.position);
      if (base.order[index] !== r.id || project.segments[index]?.id !== r.id) return drop();
      const cells = byRow.get(r.id) ?? new Map();
      project.segments[index] = assembleSegment(r, cells);
      base.rows.set(r.id, { row: r, cells: Object.fromEntries(cells) });
    }
  }

  /**
   * Another process committed changes to these rows (its live event): refresh them in the copy, if open, once the
   * changes queued before have run. Events whose revisions the copy already holds cost nothing.
   */
  external(projectId: string, segments: readonly Segment[]): void {
    const project = this.open.get(projectId);
    if (!project) return;
    const have = new Map(project.segments.map((s) => [s.id, s]));
    const newer = segments.filter((s) => {
      const mine = have.get(s.id);
      return !mine || TARGET_LANGS.some((l) => (s.targets[l]?.rev ?? 0) !== (mine.targets[l].rev ?? 0));
    });
    if (!newer.length) return;
    let pending = this.announced.get(projectId);
    if (pending) {
      for (const s of newer) pending.add(s.id);
      return;
    }
    pending = new Set(newer.map((s) => s.id));
    this.announced.set(projectId, pending);
    void this.queue
      .run(projectId, async () => {
        this.announced.delete(projectId);
        const known = [...pending].every((id) => have.has(id));
        await this.refresh(projectId, known ? [...pending] : null);
      })
      .catch(() => this.forget(projectId));
  }

  /** One row as the database holds it now (its copy refreshed first, after the project's queued changes). */
  fresh(projectId: string, segmentId: string): Promise<Segment> {
    return this.serial(async () => {
      await this.get(projectId);
      await this.refresh(projectId, [segmentId]);
      const { project, index } = await this.segment(projectId, segmentId);
      return project.segments[index]!;
    }, projectId);
  }

  /**
   * The project with these rows brought up to the database first, for a decision taken on them (undo's check that
   * nothing changed since the step): another process may have changed them a moment ago. Only inside a job of the
   * project's queue ({@link serial}).
   */
  async freshRows(projectId: string, ids: readonly string[]): Promise<Project> {
    await this.get(projectId);
    await this.refresh(projectId, [...ids]);
    return this.get(projectId);
  }

  /** Drop the copy of a project (the next use reads it from the database). */
  private forget(id: string): void {
    this.open.delete(id);
    this.base.delete(id);
  }

  /** The project as committed in the database now (the copy is re-read): for sign-off, export and opening. */
  committed(id: string): Promise<Project> {
    return this.serial(async () => {
      this.forget(id);
      return this.get(id);
    }, id);
  }

  /** Create and save a project from an imported article. */
  async create(input: NewProjectInput): Promise<Project> {
    const at = this.opts.now().toISOString();
    const project: Project = {
      schemaVersion: 1,
      id: randomUUID(),
      name: input.title.trim().slice(0, 120) || input.source.fileName,
      source: { ...input.source, importedAt: at },
      englishVariant: 'en-US',
      segments: input.segments,
      glossary: [],
      createdAt: at,
      updatedAt: at,
    };
    mirrorCaptions(project.segments);
    await this.insert(project);
    await this.setLast(project.id);
    return project;
  }

  /** Store a complete project as a new one (creation, migration, project file import). */
  async insert(project: Project): Promise<void> {
    for (const s of project.segments) for (const c of Object.values(s.targets)) c.rev ??= 0;
    await this.run(project.id, async () => {
      try {
        await repo.transact(this.db, (trx) => repo.insertProject(trx, project));
      } catch (e) {
        throw this.health.failed(e);
      }
      this.health.succeeded();
      this.open.set(project.id, project);
      this.base.set(project.id, baselineOf(project));
    });
  }

  /** Load a project (from memory when already open). Projects in the trash are not found. */
  async get(id: string): Promise<Project> {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError('project.notFound');
    const cached = this.open.get(id);
    if (cached) return cached;
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<Project> {
    let loaded: repo.Loaded | null;
    try {
      loaded = await repo.loadProjectRows(this.db, id);
    } catch (e) {
      throw toStorageError(e);
    }
    if (!loaded) throw new AppError('project.notFound');
    this.open.set(id, loaded.project);
    this.base.set(id, baselineFromRows(loaded.project, loaded.segments, loaded.cells, loaded.version));
    return loaded.project;
  }

  /**
   * Change a project. `fn` may mutate the project it is given (replace a row object to change it: rows are
   * diffed by identity, then by content). Resolves once the change is committed.
   */
  update<T>(id: string, fn: (project: Project) => T, options: CommitOptions = {}): Promise<T> {
    return this.serial(async () => {
      const project = await this.get(id);
      const snapshot = { ...project };
      const before = project.segments.slice();
      const restore = () => {
        for (const k of Object.keys(project))
          if (!(k in snapshot)) delete (project as unknown as Record<string, unknown>)[k];
        Object.assign(project, snapshot, { segments: before });
      };
      let result: T;
      try {
        result = fn(project);
        const same = project.segments.length === before.length;
        const candidates = same ? before.flatMap((s, i) => (project.segments[i] !== s ? [i] : [])) : null;
        await this.commit(project, candidates, options);
      } catch (e) {
        restore();
        throw e;
      }
      return result;
    }, id);
  }

  /**
   * Replace a whole project with what `build` makes of the current one (a re-import, an interchange round trip);
   * only what differs is written. `build` runs again on a fresh copy when another process changed the project.
   */
  replaceWith<T>(
    id: string,
    build: (current: Project) => { project: Project; result: T },
    options: ChangeOptions = {},
  ): Promise<T> {
    return this.serial(async () => {
      const { project, result } = build(await this.get(id));
      await this.commitWhole(project, options);
      return result;
    }, id);
  }

  /** {@link replace} without queueing: for jobs already running inside {@link serial} (undo, redo). */
  async commitWhole(project: Project, options: CommitOptions = {}): Promise<Segment[]> {
    await this.get(project.id);
    const changed = await this.commit(project, null, options);
    this.open.set(project.id, project);
    return changed;
  }

  private async commit(p: Project, candidates: number[] | null, options: CommitOptions): Promise<Segment[]> {
    const base = this.base.get(p.id)!;
    p.updatedAt = this.opts.now().toISOString();
    const plan = planChange(base, p, candidates);
    if (!plan.changes.length && !plan.metaChanged) return [];
    const actor = this.actor();
    const origin = options.origin ?? 'typing';
    // A typing burst is one cell's: typing in the row's other language is a step of its own.
    const rows = [
      ...plan.cellUpdates.map((c) => `${c.segment.id}/${c.lang}`),
      ...plan.rowUpdates.map((u) => u.segment.id),
    ].join('\n');
    const burstKey = `${p.id}\n${actor.id}`;
    const burst = this.bursts.get(burstKey);
    const now = this.opts.now().getTime();
    const group: GroupSpec = {
      actorId: actor.id,
      actorName: options.by ?? actor.name,
      origin,
      at: p.updatedAt,
      state: options.state ?? 'done',
      dropRedo: !this.noRedo.has(burstKey),
    };
    // The burst goes on only while its cell is as it left it: a change by someone else in between (typing, an
    // undo, a file) ends it, so undoing the burst never takes their change with it.
    const revs = plan.cellUpdates.map((c) => c.baseRev).join();
    const next = plan.cellUpdates.map((c) => c.baseRev + 1).join();
    if (origin === 'typing' && burst?.rows === rows && burst.revs === revs && now - burst.at < BURST_MS)
      group.appendTo = burst.id;
    const event: ReviewEvent | null = plan.changed.length
      ? { type: 'segments-updated', projectId: p.id, segments: plan.changed }
      : null;
    let groupId: number | null;
    try {
      groupId = await repo.transact(this.db, async (trx) => {
        await this.opts.beforeWrite?.(trx, p.id, langsOf(plan));
        const gid = await writePlan(trx, p, plan, group, base);
        await options.within?.(trx, gid);
        if (event) await this.opts.record?.(trx, event);
        return gid;
      });
    } catch (e) {
      throw staleOf(e) ?? (isAppError(e) ? e : this.health.failed(e));
    }
    this.health.succeeded();
    advance(base, plan);
    // Only a written step dropped the redo stack (a change of project fields alone, e.g. an export's record, did not).
    if (group.state === 'done' && groupId !== null) this.noRedo.add(burstKey);
    else if (origin === 'undo') this.noRedo.delete(burstKey);
    if (groupId !== null) {
      if (origin === 'typing') this.bursts.set(burstKey, { id: groupId, rows, at: now, revs: next });
      else this.bursts.delete(burstKey);
    }
    if (event) this.opts.emit?.(event);
    return plan.changed;
  }

  /** The acting person's typing burst in a project ends (they asked for an undo or redo). */
  endBurst(projectId: string): void {
    this.bursts.delete(`${projectId}\n${this.actor().id}`);
  }

  /** One segment, or a clear error when the id is unknown. */
  async segment(projectId: string, segmentId: string): Promise<{ project: Project; index: number }> {
    const project = await this.get(projectId);
    const index = project.segments.findIndex((s) => s.id === segmentId);
    if (index < 0) throw new AppError('project.segmentNotFound');
    return { project, index };
  }

  /** All projects (not in the trash), most recently changed first. */
  async list(): Promise<ProjectSummary[]> {
    return this.read(() => repo.listProjects(this.db, false));
  }

  /** Projects in the trash. */
  async listTrash(): Promise<ProjectSummary[]> {
    return this.read(() => repo.listProjects(this.db, true));
  }

  /** Move a project to the trash (kept whole; {@link restore} brings it back). */
  trash(id: string): Promise<void> {
    return this.run(id, async () => {
      const ok = await this.write(() => repo.setDeleted(this.db, id, this.opts.now().toISOString()));
      if (!ok) throw new AppError('project.notFound');
      this.forget(id);
    });
  }

  /** Bring a project back from the trash. */
  restore(id: string): Promise<void> {
    return this.run(id, async () => {
      const ok = await this.write(() => repo.setDeleted(this.db, id, null));
      if (!ok) throw new AppError('project.notFound');
    });
  }

  /** The id of the project the acting person opened last, if it still exists. */
  async last(): Promise<string | null> {
    // The person's own last article; someone who never opened one here gets the desk's latest (their first
    // sign-in lands where the desk works, not on an empty screen).
    for (const key of new Set([this.lastKey(), SHARED_LAST])) {
      const id = await this.read(() => repo.getState(this.db, key));
      if (!id) continue;
      try {
        await this.get(id);
        return id;
      } catch {
        // Gone (trash, another desk's): try the next.
      }
    }
    return null;
  }

  /** Remember the project the acting person works on, for their next start (each desk account its own). */
  async setLast(id: string): Promise<void> {
    await this.write(async () => {
      await repo.setState(this.db, this.lastKey(), id);
      if (this.lastKey() !== SHARED_LAST) await repo.setState(this.db, SHARED_LAST, id);
    });
  }

  /** One "last project" per person: the local user's key is the one it always was. */
  private lastKey(): string {
    const { id } = this.actor();
    return id === 'local' ? SHARED_LAST : `${SHARED_LAST}:${id}`;
  }

  /** Wait for every queued change (each is committed before its own call resolves). */
  async flush(): Promise<void> {
    await this.queue.idle();
  }

  /**
   * Before the database closes: changes already queued are written, later ones refused (`api.unavailable`, which
   * the page keeps and sends again) — none may reach a closed pool, where PostgreSQL's would never be answered.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.queue.idle();
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toStorageError(e);
    }
  }

  private async write<T>(fn: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      throw this.health.failed(e);
    }
    this.health.succeeded();
    return result;
  }

  /**
   * The problem that stops writes now (null when they work). While one is known, a small write tries whether it
   * is over (space freed, folder made writable again).
   */
  async writeProblem(): Promise<AppError | null> {
    if (!this.health.problem()) return null;
    await this.write(() => repo.setState(this.db, 'writeProbe', this.opts.now().toISOString())).catch(
      () => undefined,
    );
    return this.health.problem();
  }
}

/** The languages whose cells a plan may change: all of them when rows change, else those of its cells. */
function langsOf(plan: ReturnType<typeof planChange>): ReadonlySet<TargetLang> {
  if (plan.inserted.length || plan.rowUpdates.length || plan.deleted.length || plan.positions.length)
    return new Set(TARGET_LANGS);
  return new Set(plan.cellUpdates.map((c) => c.lang));
}

/** A write refused because the copy was stale, or a deadlock the database broke (both: compute again). */
function staleOf(e: unknown): StaleError | null {
  if (e instanceof StaleError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' ? new StaleError(null) : null;
}
