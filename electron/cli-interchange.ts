/**
 * The command line's project-file commands that take part in the XLIFF round trip: reading a project file with
 * the app's file checks, recording what an XLIFF export wrote, and `import-xliff`.
 */
import { basename, resolve } from 'node:path';
import type { ExportBaseline, InterchangeRefusal, Project } from './contract';
import { AppError } from './services/errors';
import { writeFileAtomic } from './services/files';
import { withBaseline } from './services/interchange/baseline';
import {
  MAX_XLIFF_BYTES,
  applyXliff,
  checkXliffFile,
  type RoundTripSummary,
} from './services/interchange/roundtrip';
import { readXliff } from './services/interchange/xliff-read';
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

/** Why a unit was not applied, for the command line's warning. */
const REFUSED: Record<InterchangeRefusal['reason'], string> = {
  inlineCode: "the file's target has an inline code (placeholder) whose text cannot be put back",
  partialTarget: 'the file splits it into sentences and leaves some of them untranslated',
  segmentOrder: "the file's order of its translated sentences is not valid",
  sourceChanged: 'its Korean text was revised since the export; the file translates the earlier version',
};

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s).replace(/\n/g, ' ');

/** The lines the CLI prints about an import besides its summary: conflicts, refusals, emptied cells. */
function reportLines(project: Project, summary: RoundTripSummary, takeTheirs: boolean): string[] {
  const rowOf = new Map(project.segments.map((s, i) => [s.id, i + 1]));
  const lang = summary.lang;
  const lines = summary.conflicts.map(
    (c) =>
      `conflict row ${rowOf.get(c.segmentId)} [${lang}]: here (${c.localStatus}) "${clip(c.local)}" | file (${c.incomingStatus ?? '?'}) "${clip(c.incoming)}" -> ${takeTheirs ? "file's version taken" : 'kept as here'}`,
  );
  for (const r of summary.refused ?? [])
    lines.push(
      `warning: row ${rowOf.get(r.segmentId)} [${lang}] refused: ${REFUSED[r.reason]}; the row was not changed`,
    );
  for (const id of summary.emptied ?? [])
    lines.push(`warning: row ${rowOf.get(id)} [${lang}] is emptied: the file's target for it is empty`);
  if (summary.unknownIds.length) lines.push(`not in the project: ${summary.unknownIds.join(', ')}`);
  return lines;
}

/**
 * `import-xliff <project.json> <file> [--dry-run] [--take-theirs]`: apply the file three-way, print one line per
 * conflict, refused unit and emptied cell, and save the project unless it is a dry run. A file that is not
 * well-formed or not valid XLIFF is refused whole (nothing saved). Returns the summary line.
 */
export async function importXliffCmd(
  projectPath: string,
  xliffPath: string,
  opts: { dryRun: boolean; takeTheirs?: boolean; now: Date },
): Promise<string> {
  const project = await readProject(projectPath);
  const bytes = await readRegularFile(xliffPath, MAX_XLIFF_BYTES, tooLarge(MAX_XLIFF_BYTES));
  checkXliffFile(basename(xliffPath), bytes);
  const xliff = readXliff(bytes);
  const everyConflict = opts.takeTheirs
    ? Object.fromEntries(project.segments.map((s) => [s.id, 'theirs' as const]))
    : {};
  const { project: next, summary } = applyXliff(project, basename(xliffPath), xliff, opts.now, everyConflict);
  for (const line of reportLines(project, summary, !!opts.takeTheirs)) console.log(line);
  if (!opts.dryRun) {
    mirrorCaptions(next.segments);
    next.updatedAt = opts.now.toISOString();
    await saveProject(projectPath, next);
  }
  const kept = opts.takeTheirs ? "resolved as the file's version" : 'kept as here';
  const refused = summary.refused?.length ?? 0;
  return `${opts.dryRun ? 'dry run, nothing saved: ' : ''}${summary.lang}: ${summary.updated} updated, ${summary.statusChanged} status changed, ${summary.unchanged} unchanged, ${summary.conflicts.length} conflict(s) ${kept}, ${refused} refused (compared with ${summary.basis === 'baseline' ? 'the recorded export' : summary.basis === 'file-notes' ? "the file's notes" : 'the project only'})`;
}
