import type { ImportOutcome, Project } from '../contract';
import { DeskAccess } from '../services/desk/access';
import { AppError } from '../services/errors';
import { mergeRevision, type ParsedArticle, type ParseInput } from '../services/import';
import { parseArticleOffThread } from '../services/import/off-thread';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';

/**
 * Below this share of rows kept (unchanged or changed) a "revision" is most likely another article: merging it
 * would flag nearly everything new and move the old translations to `removed`, so the reviewer must confirm.
 */
export const MIN_REVISION_OVERLAP = 0.5;

/** Share of rows a revision keeps from the article it revises (1 = every row is still there). */
export function revisionOverlap(counts: {
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
}) {
  const kept = counts.changed + counts.unchanged;
  const larger = Math.max(kept + counts.removed, kept + counts.new);
  return larger === 0 ? 1 : kept / larger;
}

/**
 * Imports in progress, so "cancel" can stop them; each runs in its own worker thread. Ids cancelled before their
 * import arrived (it was still uploading) are remembered, so it is refused on arrival.
 */
export function importRunner() {
  const importing = new Map<AbortController, string | undefined>();
  const cancelledEarly = new Set<string>();

  /** Parse an article off the main thread (time limit, capped memory, cancellable). */
  async function parse(input: ParseInput, importId?: string): Promise<ParsedArticle> {
    if (importId && cancelledEarly.delete(importId)) throw new AppError('import.cancelled');
    const control = new AbortController();
    importing.set(control, importId);
    try {
      const parsed = await parseArticleOffThread(input, { signal: control.signal });
      // Cancelled just as the worker answered: still nothing is written.
      if (control.signal.aborted) throw new AppError('import.cancelled');
      return parsed;
    } finally {
      importing.delete(control);
    }
  }

  /** Stop the import `importId` (every import when absent), or refuse it on arrival when it has not come yet. */
  function cancel(importId: string | undefined) {
    let found = false;
    for (const [control, id] of importing)
      if (importId === undefined || id === importId) {
        control.abort();
        found = true;
      }
    if (importId && !found) {
      if (cancelledEarly.size >= 100) cancelledEarly.clear(); // ids of imports that never came
      cancelledEarly.add(importId);
    }
  }

  return { parse, cancel };
}

/** Whether a stored project holds exactly the parsed article's Korean rows. */
const sameRows = (p: Project, parsed: ParsedArticle) =>
  p.segments.length === parsed.segments.length &&
  p.segments.every((s, i) => s.source === parsed.segments[i]!.source);

/**
 * A project that already holds this very article (same title, same Korean rows): opening the file again
 * reopens it, so the project list has one entry per article. On a team desk only among the caller's desk's
 * projects: another newsroom importing the same wire story gets its own project, never this one's translations.
 */
async function sameArticle(ctx: CoreContext, parsed: ParsedArticle): Promise<Project | null> {
  const access = new DeskAccess(ctx.database);
  for (const summary of await ctx.store.list()) {
    if (summary.name !== parsed.title) continue;
    const desk = await access.projectDesk(summary.id);
    if (desk !== undefined && desk !== ctx.actor().desk) continue;
    const p = await ctx.store.get(summary.id);
    if (sameRows(p, parsed)) return p;
  }
  return null;
}

/** A new project from a parsed article, or the project that already holds it (reopened, with a warning). */
export async function newProjectFrom(
  ctx: CoreContext,
  parsed: ParsedArticle,
  fileName: string,
): Promise<ImportOutcome> {
  const { store, settings } = ctx;
  const existing = await sameArticle(ctx, parsed);
  if (existing) {
    await store.setLast(existing.id);
    return {
      project: existing,
      encoding: parsed.encoding,
      warnings: [...parsed.warnings, 'import.sameArticle'],
    };
  }
  const project = await store.create({
    title: parsed.title,
    segments: parsed.segments,
    source: { fileName, format: parsed.format, encoding: parsed.encoding },
  });
  const variant = settings.view().englishVariant;
  if (project.englishVariant !== variant)
    await store.update(project.id, (p) => {
      p.englishVariant = variant;
    });
  return { project, encoding: parsed.encoding, warnings: parsed.warnings };
}

/**
 * The project with a revised article merged in (pure): refused with `project.differentArticle` when it keeps too
 * few rows and the reviewer has not confirmed.
 */
export function mergedRevision(
  project: Project,
  parsed: ParsedArticle,
  source: Project['source'],
  confirmed: boolean,
): ImportOutcome {
  const merged = mergeRevision(project.segments, parsed.segments);
  const overlap = revisionOverlap(merged.counts);
  // Refused before anything is written: the open project stays exactly as it was.
  if (!confirmed && overlap < MIN_REVISION_OVERLAP)
    throw new AppError('project.differentArticle', {
      // Rounded down, a share under the bar never reads as the bar itself ("only 50 %" at 49.6 %); one paragraph
      // in common is never "0 %".
      percent: overlap > 0 ? Math.max(1, Math.floor(overlap * 100)) : 0,
      new: merged.counts.new,
      removed: merged.counts.removed,
    });
  const next: Project = { ...project, segments: merged.segments, removed: merged.removed, source };
  cells.mirrorCaptions(next.segments);
  return { project: next, encoding: parsed.encoding, warnings: parsed.warnings, reimport: merged.counts };
}

/** Merge a revised article into the project `projectId`. */
export function reimport(
  ctx: CoreContext,
  projectId: string,
  parsed: ParsedArticle,
  fileName: string,
  confirmed: boolean,
): Promise<ImportOutcome> {
  // Merged into the project as stored when the change commits (another process may have changed it meanwhile).
  return ctx.store.replaceWith(
    projectId,
    (project) => {
      const source = { fileName, format: parsed.format, encoding: parsed.encoding, importedAt: ctx.iso() };
      const outcome = mergedRevision(project, parsed, source, confirmed);
      return { project: outcome.project, result: outcome };
    },
    { origin: 'revision-merge' },
  );
}
