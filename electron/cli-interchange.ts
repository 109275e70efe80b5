/**
 * The command line's project-file commands that take part in the XLIFF round trip: reading a project file with
 * the app's file checks, recording what an XLIFF export wrote, and `import-xliff`.
 */
import { basename, resolve } from 'node:path';
import type { ExportBaseline, Project } from './contract';
import { AppError } from './services/errors';
import { writeFileAtomic } from './services/export';
import { withBaseline } from './services/interchange/baseline';
import { MAX_XLIFF_BYTES, roundTrip } from './services/interchange/roundtrip';
import { readRegularFile } from './services/import/files';
import { mirrorCaptions } from './services/project/cells';
import { decodeProjectFile, encodeProjectFile } from './services/project/projectfile';

const MiB = 1024 * 1024;
/** Largest project file the CLI reads (10,000 rows with history fit in a few MB). */
const MAX_PROJECT_BYTES = 256 * MiB;

function tooLarge(limit: number) {
  return (size: number) =>
    new AppError('import.tooLarge', {
      limitMb: limit / MiB,
      sizeMb: Math.ceil((size / MiB) * 10) / 10,
    });
}

/** Read a project file (regular file, size first); `project.notFound` / `project.corrupt` when it is not one. */
export async function readProject(path: string): Promise<Project> {
  let raw: Buffer;
  try {
    raw = await readRegularFile(path, MAX_PROJECT_BYTES, tooLarge(MAX_PROJECT_BYTES));
  } catch (e) {
    if (e instanceof AppError && e.code === 'import.notFound') throw new AppError('project.notFound');
    throw e;
  }
  // The versioned project file, or a bare project as earlier versions wrote it.
  return decodeProjectFile(raw.toString('utf8'));
}

/** Save a project file in place: it is the CLI's project store, as the database is the app's. */
export async function saveProject(path: string, project: Project): Promise<void> {
  await writeFileAtomic(
    resolve(path),
    new TextEncoder().encode(encodeProjectFile(project, new Date().toISOString())),
    {
      overwrite: true,
    },
  );
}

/** Record XLIFF exports in the project file, so `import-xliff` compares three ways. */
export async function recordBaselines(path: string, baselines: ExportBaseline[]): Promise<void> {
  if (baselines.length === 0) return;
  const project = await readProject(path);
  for (const b of baselines) project.exportBaselines = withBaseline(project, b);
  await saveProject(path, project);
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s).replace(/\n/g, ' ');

/**
 * `import-xliff <project.json> <file> [--dry-run]`: apply the file three-way, print the summary and one line per
 * conflict, and save the project unless it is a dry run. Returns the summary line.
 */
export async function importXliffCmd(
  projectPath: string,
  xliffPath: string,
  opts: { dryRun: boolean; now: Date },
): Promise<string> {
  const project = await readProject(projectPath);
  const bytes = await readRegularFile(xliffPath, MAX_XLIFF_BYTES, tooLarge(MAX_XLIFF_BYTES));
  const { project: next, summary } = roundTrip(project, basename(xliffPath), bytes, opts.now);
  const rowOf = new Map(project.segments.map((s, i) => [s.id, i + 1]));
  for (const c of summary.conflicts)
    console.log(
      `conflict row ${rowOf.get(c.segmentId)} [${summary.lang}]: here (${c.localStatus}) "${clip(c.local)}" | file (${c.incomingStatus ?? '?'}) "${clip(c.incoming)}"`,
    );
  if (summary.unknownIds.length) console.log(`not in the project: ${summary.unknownIds.join(', ')}`);
  if (!opts.dryRun) {
    mirrorCaptions(next.segments);
    next.updatedAt = opts.now.toISOString();
    await saveProject(projectPath, next);
  }
  return `${opts.dryRun ? 'dry run, nothing saved: ' : ''}${summary.lang}: ${summary.updated} updated, ${summary.statusChanged} status changed, ${summary.unchanged} unchanged, ${summary.conflicts.length} conflict(s) kept as here (compared with ${summary.basis === 'baseline' ? 'the recorded export' : summary.basis === 'file-notes' ? "the file's notes" : 'the project only'})`;
}
