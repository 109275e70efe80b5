import { readFile } from 'node:fs/promises';
import type { ApiHandlers, ImportOutcome, Project } from '../contract';
import { DeskAccess } from '../services/desk/access';
import { AppError } from '../services/errors';
import { mergeRevision, parseText, type ParsedArticle, type ParseInput } from '../services/import';
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

type ProjectHandlers = Pick<
  ApiHandlers,
  | 'getAppInfo'
  | 'listProjects'
  | 'openProject'
  | 'openLastProject'
  | 'importArticle'
  | 'importText'
  | 'setTranslatable'
  | 'updateGlossary'
  | 'setEnglishVariant'
  | 'cancelImport'
>;

/** Glossary input in NFC with single spaces, so it matches however it was typed or pasted. */
const nfc = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Projects: open, import (new or revised article), per-project settings. */
export function projectHandlers(ctx: CoreContext): ProjectHandlers {
  const { store, settings, opts } = ctx;
  const access = new DeskAccess(ctx.database);
  // Imports in progress, so "cancel" can stop them; each runs in its own worker thread. Ids cancelled before their
  // import arrived (it was still uploading) are remembered, so it is refused on arrival.
  const importing = new Map<AbortController, string | undefined>();
  const cancelledEarly = new Set<string>();

  /** Parse an article off the main thread (time limit, capped memory, cancellable). */
  async function parseArticle(input: ParseInput, importId?: string): Promise<ParsedArticle> {
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

  /**
   * A project that already holds this very article (same title, same Korean rows): opening the file again
   * reopens it, so the project list has one entry per article. On a team desk only among the caller's desk's
   * projects: another newsroom importing the same wire story gets its own project, never this one's translations.
   */
  async function sameArticle(parsed: ParsedArticle): Promise<Project | null> {
    for (const summary of await store.list()) {
      if (summary.name !== parsed.title) continue;
      const desk = await access.projectDesk(summary.id);
      if (desk !== undefined && desk !== ctx.actor().desk) continue;
      const p = await store.get(summary.id);
      if (
        p.segments.length === parsed.segments.length &&
        p.segments.every((s, i) => s.source === parsed.segments[i]!.source)
      )
        return p;
    }
    return null;
  }

  async function newProjectFrom(parsed: ParsedArticle, fileName: string): Promise<ImportOutcome> {
    const existing = await sameArticle(parsed);
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

  async function reimport(
    projectId: string,
    parsed: ParsedArticle,
    fileName: string,
    confirmed: boolean,
  ): Promise<ImportOutcome> {
    // Merged into the project as stored when the change commits (another process may have changed it meanwhile).
    return store.replaceWith(
      projectId,
      (project) => {
        const merged = mergeRevision(project.segments, parsed.segments);
        const overlap = revisionOverlap(merged.counts);
        // Refused before anything is written: the open project stays exactly as it was.
        if (!confirmed && overlap < MIN_REVISION_OVERLAP)
          throw new AppError('project.differentArticle', {
            percent: Math.round(overlap * 100),
            new: merged.counts.new,
            removed: merged.counts.removed,
          });
        const next: Project = {
          ...project,
          segments: merged.segments,
          removed: merged.removed,
          source: { fileName, format: parsed.format, encoding: parsed.encoding, importedAt: ctx.iso() },
        };
        cells.mirrorCaptions(next.segments);
        const outcome: ImportOutcome = {
          project: next,
          encoding: parsed.encoding,
          warnings: parsed.warnings,
          reimport: merged.counts,
        };
        return { project: next, result: outcome };
      },
      { origin: 'revision-merge' },
    );
  }

  return {
    async getAppInfo() {
      return { version: opts.appVersion, mode: opts.mode, systemLocale: opts.systemLocale };
    },

    listProjects: () => store.list(),

    async openProject(projectId) {
      // As committed: another desk process may have changed it since this one last read it.
      const project = await store.committed(projectId);
      await store.setLast(projectId);
      return project;
    },

    async openLastProject() {
      const last = await store.last();
      if (last) return store.get(last);
      const bytes = await readFile(opts.samplePath);
      const fileName = opts.samplePath.split(/[\\/]/).pop() ?? 'sample.txt';
      const parsed = await parseArticle({ fileName, bytes });
      return (await newProjectFrom(parsed, fileName)).project;
    },

    async importArticle(req) {
      const parsed = await parseArticle(
        {
          fileName: req.fileName,
          bytes: Buffer.from(req.dataBase64, 'base64'),
          ...(req.encoding ? { encoding: req.encoding } : {}),
          ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
        },
        req.importId,
      );
      return req.intoProjectId
        ? reimport(req.intoProjectId, parsed, req.fileName, req.confirmDifferentArticle === true)
        : newProjectFrom(parsed, req.fileName);
    },

    async importText(req) {
      const parsed = parseText(req.text, {
        format: 'paste',
        ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
      });
      return newProjectFrom(parsed, req.name?.trim() || 'clipboard.txt');
    },

    async cancelImport(importId) {
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
    },

    async setTranslatable({ projectId, segmentId, translate }) {
      const { index } = await store.segment(projectId, segmentId);
      return store.update(projectId, (project) => {
        const updated = { ...project.segments[index]!, translate };
        project.segments[index] = updated;
        return updated;
      });
    },

    async updateGlossary({ projectId, entries }) {
      const clean = entries
        .map((e) => ({ ko: nfc(e.ko), vi: nfc(e.vi), en: nfc(e.en) }))
        .filter((e) => e.ko !== '' && (e.vi !== '' || e.en !== ''));
      await store.update(projectId, (project) => {
        project.glossary = clean;
      });
      return store.get(projectId);
    },

    async setEnglishVariant({ projectId, variant }) {
      await store.update(projectId, (project) => {
        project.englishVariant = variant;
      });
      return store.get(projectId);
    },
  };
}
