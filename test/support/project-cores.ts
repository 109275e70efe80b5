/**
 * The cores a test file opens with {@link testCore}, closed after each test (and the data folders made for them
 * removed), with the setups the host's tests share: a project with some typing, and the project read back by a
 * second core on the same data folder (the database, not the process that answered).
 * (Registers a vitest hook: for test files only; `project.ts` stays free of vitest for the bench.)
 */
import { rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import type { Project, Segment } from '../../electron/contract';
import type { Core } from '../../electron/handlers';
import { testCore } from './project';

/** What {@link testCore} gives. */
export type TestCore = Awaited<ReturnType<typeof testCore>>;

/** A core with a project on it; `h` its handlers. */
export type CoreWithProject = TestCore & { p: Project; h: Core['handlers'] };

export interface TestCores {
  /** A core on a new data folder (or on `dir`), closed after the test. */
  open(dir?: string): Promise<TestCore>;
  /** `core` closed now and a new one opened on `dir`: a restart. */
  reopen(core: Core, dir: string): Promise<TestCore>;
  /**
   * A new core with a project of `rows`, and each `[segmentId, text]` of `typed` typed into Vietnamese, each into a
   * row of its own: a typing burst is one cell's, so each is an undo step of its own (a row named twice throws).
   */
  project(rows: Segment[], typed?: Array<[segmentId: string, text: string]>): Promise<CoreWithProject>;
  /** The project as a fresh core on the data folder `dir` reads it back. */
  readBack(dir: string, projectId: string): Promise<Project>;
}

const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };

/** Registers the `afterEach` that closes the cores {@link TestCores} opened during the test. */
export function testCores(): TestCores {
  let cores: Core[] = [];
  const made: string[] = [];
  afterEach(async () => {
    for (const c of cores) await c.close();
    cores = [];
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const open = async (dir?: string) => {
    const t = await testCore(dir);
    cores.push(t.core);
    if (dir === undefined) made.push(t.dir);
    return t;
  };
  return {
    open,
    async reopen(core, dir) {
      await core.close();
      cores = cores.filter((c) => c !== core);
      return open(dir);
    },
    async project(rows, typed = []) {
      const t = await open();
      const p = await t.core.store.create({ title: 't', segments: rows, source });
      const h = t.core.handlers;
      if (new Set(typed.map(([id]) => id)).size < typed.length)
        throw new Error('typed: one text per row (the same cell typed twice would be one typing burst)');
      for (const [segmentId, text] of typed)
        await h.updateCell({ projectId: p.id, segmentId, lang: 'vi', text });
      return { ...t, p, h };
    },
    async readBack(dir, projectId) {
      return (await open(dir)).core.handlers.openProject(projectId);
    },
  };
}
