import type { Project, Segment } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { AppError } from '../errors';
import { reading } from '../storage/faults';
import type { KeyedQueue } from './concurrency';
import { baselineFromRows, type Written } from './plan';
import * as repo from './repository';
import { assembleSegment } from './rows';

/**
 * The copies in memory of the open projects, each with its baseline: what the database held for it when it was
 * last read or written (changes are diffed against it). A copy is read once however many ask for it at the same
 * time; rows another process changed are refreshed in place, or the copy dropped to be read again on next use.
 */
export class OpenCopies {
  private readonly open = new Map<string, Project>();
  private readonly base = new Map<string, Written>();
  private readonly loading = new Map<string, Promise<Project>>();
  /** Rows other processes announced as changed, refreshed by the next queued job of their project. */
  private readonly announced = new Map<string, Set<string>>();

  constructor(
    private readonly db: repo.ProjectDb,
    private readonly queue: KeyedQueue,
  ) {}

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
    const loaded = await reading(() => repo.loadProjectRows(this.db, id));
    if (!loaded) throw new AppError('project.notFound');
    this.open.set(id, loaded.project);
    this.base.set(id, baselineFromRows(loaded.project, loaded.segments, loaded.cells, loaded.version));
    return loaded.project;
  }

  /** Keep `project` as the open copy (with `base`, when it is a new one just written). */
  keep(project: Project, base?: Written): void {
    this.open.set(project.id, project);
    if (base) this.base.set(project.id, base);
  }

  /** The baseline of an open project (read it through {@link get} first). */
  baseline(id: string): Written {
    return this.base.get(id)!;
  }

  /** Drop the copy of a project (the next use reads it from the database). */
  forget(id: string): void {
    this.open.delete(id);
    this.base.delete(id);
  }

  /** Bring rows of the copy in memory up to the database (all of it when `ids` is null: reloaded on next use). */
  async refresh(id: string, ids: string[] | null): Promise<void> {
    const project = this.open.get(id);
    const base = this.base.get(id);
    if (!project || !base) return;
    if (!ids) return this.forget(id);
    const rows = await reading(() => repo.loadSegmentRows(this.db, id, ids));
    const fresh = await reading(() => repo.projectVersion(this.db, id));
    if (rows.segments.length !== new Set(ids).size || fresh?.version !== base.version) return this.forget(id);
    const byRow = new Map<string, Map<string, (typeof rows.cells)[number]>>();
    for (const c of rows.cells) {
      if (!byRow.has(c.segment_id)) byRow.set(c.segment_id, new Map());
      byRow.get(c.segment_id)!.set(c.lang, c);
    }
    for (const r of rows.segments) {
      const index = Number(r.position);
      if (base.order[index] !== r.id || project.segments[index]?.id !== r.id) return this.forget(id);
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
    const base = this.base.get(projectId);
    if (!this.open.has(projectId) || !base) return;
    // Against the committed state this process knows, by id: an event costs its own rows, not the article's.
    const newer = segments.filter((s) => {
      const mine = base.rows.get(s.id);
      return !mine || TARGET_LANGS.some((l) => (s.targets[l]?.rev ?? 0) !== Number(mine.cells[l]?.rev ?? 0));
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
        const known = [...pending].every((id) => this.base.get(projectId)?.rows.has(id));
        await this.refresh(projectId, known ? [...pending] : null);
      })
      .catch(() => this.forget(projectId));
  }
}
