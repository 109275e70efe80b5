import { randomUUID } from 'node:crypto';
import { open, rename, writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { ChangeOrigin, Project, ProjectSummary, ReviewEvent, Segment, SourceInfo } from '../../contract';
import type { Database } from '../db';
import { AppError } from '../errors';
import { StorageHealth, toStorageError } from '../storage/faults';
import { mirrorCaptions } from './cells';
import { advance, baselineFromRows, baselineOf, planChange, type Written } from './plan';
import * as repo from './repository';
import type { ProjectTables } from './schema';
import { writePlan, type GroupSpec } from './write';

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
}

/** Typing into the same cell within this window is one undo step. */
const BURST_MS = 4000;

/**
 * Projects in the database. Open projects stay in memory for fast reads; every change is diffed against what was
 * written (only changed rows and cells are written), committed in one transaction with its history, and only
 * then does the call resolve. Changes are applied one at a time; a failed write rejects that call, leaves the
 * project as it was before it, and does not affect the next one.
 */
export class ProjectStore {
  readonly db: Kysely<ProjectTables>;
  private readonly open = new Map<string, Project>();
  private readonly base = new Map<string, Written>();
  private readonly loading = new Map<string, Promise<Project>>();
  private readonly bursts = new Map<string, { id: number; rows: string; at: number }>();
  /** project + actor pairs known to have nothing to redo. */
  private readonly noRedo = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Whether writes work now (disk full, read-only… while it lasts), for the storage status. */
  readonly health = new StorageHealth();

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

  /** Run `job` after every change queued before it; a failure does not block later jobs. */
  serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job, job);
    this.tail = run.catch(() => undefined);
    return run;
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
    await this.serial(async () => {
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
    this.base.set(id, baselineFromRows(loaded.project, loaded.segments, loaded.cells));
    return loaded.project;
  }

  /**
   * Change a project. `fn` may mutate the project it is given (replace a row object to change it: rows are
   * diffed by identity, then by content). Resolves once the change is committed.
   */
  update<T>(id: string, fn: (project: Project) => T, options: ChangeOptions = {}): Promise<T> {
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
    });
  }

  /** Replace a whole project (e.g. after a re-import or an interchange round trip); only what differs is written. */
  replace(project: Project, options: ChangeOptions = {}): Promise<void> {
    return this.serial(async () => {
      await this.commitWhole(project, options);
    });
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
    const rows = plan.changes.map((c) => c.segmentId).join('\n');
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
    if (origin === 'typing' && burst && burst.rows === rows && now - burst.at < BURST_MS)
      group.appendTo = burst.id;
    let groupId: number | null;
    try {
      groupId = await repo.transact(this.db, async (trx) => {
        const gid = await writePlan(trx, p, plan, group);
        await options.within?.(trx, gid);
        return gid;
      });
    } catch (e) {
      throw this.health.failed(e);
    }
    this.health.succeeded();
    advance(base, plan);
    if (group.state === 'done') this.noRedo.add(burstKey);
    else if (origin === 'undo') this.noRedo.delete(burstKey);
    if (groupId !== null) {
      if (origin === 'typing') this.bursts.set(burstKey, { id: groupId, rows, at: now });
      else this.bursts.delete(burstKey);
    }
    if (plan.changed.length)
      this.opts.emit?.({ type: 'segments-updated', projectId: p.id, segments: plan.changed });
    return plan.changed;
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
    return this.serial(async () => {
      const ok = await this.write(() => repo.setDeleted(this.db, id, this.opts.now().toISOString()));
      if (!ok) throw new AppError('project.notFound');
      this.open.delete(id);
      this.base.delete(id);
    });
  }

  /** Bring a project back from the trash. */
  restore(id: string): Promise<void> {
    return this.serial(async () => {
      const ok = await this.write(() => repo.setDeleted(this.db, id, null));
      if (!ok) throw new AppError('project.notFound');
    });
  }

  /** The id of the project opened last, if it still exists. */
  async last(): Promise<string | null> {
    const id = await this.read(() => repo.getState(this.db, 'lastProjectId'));
    if (!id) return null;
    try {
      await this.get(id);
      return id;
    } catch {
      return null;
    }
  }

  /** Remember the project the user works on, for the next start. */
  async setLast(id: string): Promise<void> {
    await this.write(() => repo.setState(this.db, 'lastProjectId', id));
  }

  /** Wait for every queued change (each is committed before its own call resolves). */
  async flush(): Promise<void> {
    await this.serial(async () => undefined);
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
    await this.serial(() =>
      this.write(() => repo.setState(this.db, 'writeProbe', this.opts.now().toISOString())),
    ).catch(() => undefined);
    return this.health.problem();
  }
}

/** Write a file so readers see either the old or the new content, never a torn write. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(tmp, data);
  const fh = await open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
}
