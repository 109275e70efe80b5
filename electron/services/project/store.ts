import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeOrigin, Project, ProjectSummary, Segment, SourceInfo } from '../../contract';
import { AppError } from '../errors';
import { mirrorCaptions, progressOf } from './cells';

/** What made a project-level change, for its history (the embedded store records it; see issue #8). */
export interface ChangeOptions {
  origin?: ChangeOrigin;
  /** Who made it, when not the current actor (e.g. "imported from file.xlf"). */
  by?: string;
}

/** What a new project is made from (the import service's parse result). */
export interface NewProjectInput {
  title: string;
  segments: Segment[];
  source: Omit<SourceInfo, 'importedAt'>;
}

/**
 * Projects on disk, one JSON file each, autosaved. Every change goes through {@link ProjectStore.update}; writes are
 * coalesced (a burst of edits costs one write) and atomic (temp file + rename), so a crash mid-write never leaves
 * a half-written project.
 */
export class ProjectStore {
  private readonly open = new Map<string, Project>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  /**
   * Told about a damaged project set aside where no caller sees the error (the project list, the last project at
   * start), so the person still learns that a file was kept aside instead of the project silently vanishing.
   */
  onSetAside: (file: string) => void = () => undefined;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly saveDelayMs = 150,
  ) {}

  private get dir(): string {
    return join(this.dataDir, 'projects');
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** Create and save a project from an imported article. */
  async create(input: NewProjectInput): Promise<Project> {
    const at = this.now().toISOString();
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
    this.open.set(project.id, project);
    await this.persist(project);
    await this.setLast(project.id);
    return project;
  }

  /** Load a project (from memory when already open). */
  async get(id: string): Promise<Project> {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError('project.notFound');
    const cached = this.open.get(id);
    if (cached) return cached;
    let raw: string;
    try {
      raw = await readFile(this.fileOf(id), 'utf8');
    } catch {
      throw new AppError('project.notFound');
    }
    let project: Project;
    try {
      project = JSON.parse(raw) as Project;
      if (project.schemaVersion !== 1 || !Array.isArray(project.segments)) throw new Error('shape');
    } catch {
      // Keep the damaged file for recovery instead of overwriting it on the next save.
      const keep = `${this.fileOf(id)}.corrupt-${this.now().getTime()}`;
      await rename(this.fileOf(id), keep).catch(() => undefined);
      throw new AppError('project.corrupt', { file: `${id}.json` });
    }
    this.open.set(id, project);
    return project;
  }

  /**
   * Change a project. `fn` may mutate the project it is given; the change is saved shortly after (see
   * {@link ProjectStore.flush}).
   */
  async update<T>(id: string, fn: (project: Project) => T, _options: ChangeOptions = {}): Promise<T> {
    const project = await this.get(id);
    const result = fn(project);
    project.updatedAt = this.now().toISOString();
    this.markDirty(id);
    return result;
  }

  /** Replace a whole project (e.g. after a re-import or an interchange round trip). */
  async replace(project: Project, _options: ChangeOptions = {}): Promise<void> {
    await this.get(project.id);
    project.updatedAt = this.now().toISOString();
    this.open.set(project.id, project);
    this.markDirty(project.id);
  }

  /** One segment, or a clear error when the id is unknown. */
  async segment(projectId: string, segmentId: string): Promise<{ project: Project; index: number }> {
    const project = await this.get(projectId);
    const index = project.segments.findIndex((s) => s.id === segmentId);
    if (index < 0) throw new AppError('project.segmentNotFound');
    return { project, index };
  }

  /** All projects, most recently changed first. */
  async list(): Promise<ProjectSummary[]> {
    await mkdir(this.dir, { recursive: true });
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'));
    const out: ProjectSummary[] = [];
    for (const name of names) {
      try {
        const p = await this.get(name.slice(0, -5));
        out.push({ id: p.id, name: p.name, updatedAt: p.updatedAt, progress: progressOf(p.segments) });
      } catch (e) {
        // A damaged file was set aside by get(); the list shows the rest, and the person is told.
        if (e instanceof AppError && e.code === 'project.corrupt') this.onSetAside(name);
      }
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The id of the project opened last, if it still exists. */
  async last(): Promise<string | null> {
    try {
      const state = JSON.parse(await readFile(join(this.dataDir, 'state.json'), 'utf8')) as {
        lastProjectId?: string;
      };
      if (!state.lastProjectId) return null;
      await this.get(state.lastProjectId);
      return state.lastProjectId;
    } catch (e) {
      if (e instanceof AppError && e.code === 'project.corrupt' && e.params?.file)
        this.onSetAside(String(e.params.file));
      return null;
    }
  }

  /** Remember the project the user works on, for the next start. */
  async setLast(id: string): Promise<void> {
    await writeAtomic(join(this.dataDir, 'state.json'), JSON.stringify({ lastProjectId: id }));
  }

  /** Write every pending change now (before quitting, and in tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const p = this.open.get(id);
      if (p) await this.persist(p);
    }
    await this.writing;
  }

  private markDirty(id: string): void {
    this.dirty.add(id);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((e: unknown) => console.error('autosave failed:', e));
    }, this.saveDelayMs);
  }

  private persist(project: Project): Promise<void> {
    // Serialise writes so an older snapshot never lands after a newer one.
    const json = JSON.stringify(project);
    const file = this.fileOf(project.id);
    this.writing = this.writing.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeAtomic(file, json);
    });
    return this.writing;
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
