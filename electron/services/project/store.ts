import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Project, ProjectSummary, Segment } from '../../contract';
import type { Database } from '../db';
import { AppError } from '../errors';
import { reading, StorageHealth } from '../storage/faults';
import { mirrorCaptions } from './cells';
import { ChangeWriter } from './commit';
import { KeyedQueue, MAX_STALE_RETRIES, staleOf } from './concurrency';
import { OpenCopies } from './copies';
import { readLast, writeLast } from './last-project';
import { baselineOf } from './plan';
import * as repo from './repository';
import type { ProjectTables } from './schema';
import {
  actorOf,
  type ChangeOptions,
  type CommitOptions,
  type NewProjectInput,
  type StoreOptions,
} from './store-options';

export type { ChangeOptions, CommitOptions, NewProjectInput, StoreOptions } from './store-options';

/**
 * Projects in the database. Open projects stay in memory for fast reads ({@link OpenCopies}); every change is
 * diffed against what was written (only changed rows and cells are written), committed in one transaction with its
 * history ({@link ChangeWriter}), and only then does the call resolve. Changes to one project are applied one at a
 * time (projects independently); a failed write rejects that call, leaves the project as it was before it, and
 * does not affect the next one.
 *
 * The database is the truth, not the copy in memory: several processes may share it (a desk behind a load
 * balancer). Every write is conditional on the revisions the copy holds; when another process got there first the
 * copy is refreshed and the change computed again on it (so a stale base is a conflict, never an overwrite).
 * {@link external} refreshes rows other processes announced, {@link committed} reads the project afresh.
 */
export class ProjectStore {
  readonly db: Kysely<ProjectTables>;
  private readonly queue = new KeyedQueue();
  /** Whether writes work now (disk full, read-only… while it lasts), for the storage status. */
  readonly health = new StorageHealth();
  private readonly copies: OpenCopies;
  private readonly writer: ChangeWriter;
  /** Set by {@link close}: new work is refused, so none reaches a database being closed. */
  private closing = false;

  constructor(
    readonly database: Database,
    private readonly opts: StoreOptions,
  ) {
    this.db = database.db as Kysely<ProjectTables>;
    this.copies = new OpenCopies(this.db, this.queue);
    this.writer = new ChangeWriter(this.db, opts, this.health);
  }

  /** Who the running request acts for. */
  actor(): { id: string; name: string } {
    return actorOf(this.opts);
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
          await this.copies.refresh(key, stale.segmentIds);
        }
      }
    });
  }

  /** Queue `job` after the project's earlier ones; refused once the store is closing (see {@link close}). */
  private run<T>(key: string, job: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new AppError('api.unavailable'));
    return this.queue.run(key, job);
  }

  /**
   * Another process committed changes to these rows (its live event): refresh them in the copy, if open, once the
   * changes queued before have run.
   */
  external(projectId: string, segments: readonly Segment[]): void {
    this.copies.external(projectId, segments);
  }

  /** One row as the database holds it now (its copy refreshed first, after the project's queued changes). */
  fresh(projectId: string, segmentId: string): Promise<Segment> {
    return this.serial(async () => {
      await this.get(projectId);
      await this.copies.refresh(projectId, [segmentId]);
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
    await this.copies.refresh(projectId, [...ids]);
    return this.get(projectId);
  }

  /** The project as committed in the database now (the copy is re-read): for sign-off, export and opening. */
  committed(id: string): Promise<Project> {
    return this.serial(async () => {
      this.copies.forget(id);
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
      await this.health.write(() => repo.transact(this.db, (trx) => repo.insertProject(trx, project)));
      this.copies.keep(project, baselineOf(project));
    });
  }

  /** Load a project (from memory when already open). Projects in the trash are not found. */
  get(id: string): Promise<Project> {
    return this.copies.get(id);
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
        const candidates = same ? replacedRows(before, project.segments) : null;
        await this.writer.commit(project, this.copies.baseline(id), candidates, options);
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
    const changed = await this.writer.commit(project, this.copies.baseline(project.id), null, options);
    this.copies.keep(project);
    return changed;
  }

  /** The acting person's typing burst in a project ends (they asked for an undo or redo). */
  endBurst(projectId: string): void {
    this.writer.endBurst(projectId, this.actor().id);
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
    return reading(() => repo.listProjects(this.db, false));
  }

  /** Projects in the trash. */
  async listTrash(): Promise<ProjectSummary[]> {
    return reading(() => repo.listProjects(this.db, true));
  }

  /** Move a project to the trash (kept whole; {@link restore} brings it back). */
  trash(id: string): Promise<void> {
    return this.run(id, async () => {
      const ok = await this.health.write(() => repo.setDeleted(this.db, id, this.opts.now().toISOString()));
      if (!ok) throw new AppError('project.notFound');
      this.copies.forget(id);
    });
  }

  /** Bring a project back from the trash. */
  restore(id: string): Promise<void> {
    return this.run(id, async () => {
      const ok = await this.health.write(() => repo.setDeleted(this.db, id, null));
      if (!ok) throw new AppError('project.notFound');
    });
  }

  /** The id of the project the acting person opened last, if it still exists. */
  async last(): Promise<string | null> {
    return readLast(this.db, this.actor().id, (id) => this.get(id));
  }

  /** Remember the project the acting person works on, for their next start (each desk account its own). */
  async setLast(id: string): Promise<void> {
    await this.health.write(() => writeLast(this.db, this.actor().id, id));
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

  /**
   * The problem that stops writes now (null when they work). While one is known, a small write tries whether it
   * is over (space freed, folder made writable again).
   */
  async writeProblem(): Promise<AppError | null> {
    if (!this.health.problem()) return null;
    await this.health
      .write(() => repo.setState(this.db, 'writeProbe', this.opts.now().toISOString()))
      .catch(() => undefined);
    return this.health.problem();
  }
}

/** Positions whose row object `fn` replaced (rows are diffed by identity first). */
function replacedRows(before: readonly Segment[], after: readonly Segment[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) out.push(i);
  return out;
}
