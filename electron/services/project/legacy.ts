import { existsSync } from 'node:fs';
import { readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../../contract';
import { loadProject } from './repository';
import type { ProjectStore } from './store';

/** What the move of the old JSON files did. */
export interface LegacyMigration {
  moved: number;
  skipped: string[];
}

function isV1Project(p: unknown): p is Project {
  const o = p as Partial<Project> | null;
  return (
    !!o &&
    o.schemaVersion === 1 &&
    typeof o.id === 'string' &&
    /^[A-Za-z0-9-]{1,64}$/.test(o.id) &&
    Array.isArray(o.segments) &&
    o.segments.every((s) => typeof s?.id === 'string' && !!s.targets?.vi && !!s.targets?.en)
  );
}

/**
 * Move projects of the JSON-file store (version 1: `<dataDir>/projects/*.json` and `state.json`) into the
 * database, once. The old folder is renamed, never deleted; damaged files stay in it and are listed.
 */
export async function migrateJsonProjects(store: ProjectStore, dataDir: string): Promise<LegacyMigration> {
  const dir = join(dataDir, 'projects');
  const result: LegacyMigration = { moved: 0, skipped: [] };
  if (!existsSync(dir)) return result;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    let project: unknown;
    try {
      project = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch {
      result.skipped.push(name);
      continue;
    }
    if (!isV1Project(project)) {
      result.skipped.push(name);
      continue;
    }
    if (await loadProject(store.db, project.id, true)) continue; // moved by an earlier, interrupted run
    await store.insert(project);
    result.moved++;
  }
  try {
    const state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as {
      lastProjectId?: string;
    };
    if (state.lastProjectId && (await loadProject(store.db, state.lastProjectId)))
      await store.setLast(state.lastProjectId);
  } catch {
    // No state file (or a damaged one): the first project opened becomes the last one.
  }
  await rename(dir, join(dataDir, 'projects.v1-migrated'));
  return result;
}
