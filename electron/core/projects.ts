import { readFile } from 'node:fs/promises';
import type { ApiHandlers, ImportOutcome, Project } from '../contract';
import { mergeRevision, parseArticle, parseText, type ParsedArticle } from '../services/import';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';

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
>;

/** Glossary input in NFC with single spaces, so it matches however it was typed or pasted. */
const nfc = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Projects: open, import (new or revised article), per-project settings. */
export function projectHandlers(ctx: CoreContext): ProjectHandlers {
  const { store, settings, opts } = ctx;

  async function newProjectFrom(parsed: ParsedArticle, fileName: string): Promise<ImportOutcome> {
    const project = await store.create({
      title: parsed.title,
      segments: parsed.segments,
      source: { fileName, format: parsed.format, encoding: parsed.encoding },
    });
    project.englishVariant = settings.view().englishVariant;
    return { project, encoding: parsed.encoding, warnings: parsed.warnings };
  }

  async function reimport(
    projectId: string,
    parsed: ParsedArticle,
    fileName: string,
  ): Promise<ImportOutcome> {
    const project = await store.get(projectId);
    const merged = mergeRevision(project.segments, parsed.segments);
    const next: Project = {
      ...project,
      segments: merged.segments,
      removed: merged.removed,
      source: { fileName, format: parsed.format, encoding: parsed.encoding, importedAt: ctx.iso() },
    };
    cells.mirrorCaptions(next.segments);
    await store.replace(next);
    return { project: next, encoding: parsed.encoding, warnings: parsed.warnings, reimport: merged.counts };
  }

  return {
    async getAppInfo() {
      return { version: opts.appVersion, mode: opts.mode, systemLocale: opts.systemLocale };
    },

    listProjects: () => store.list(),

    async openProject(projectId) {
      const project = await store.get(projectId);
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
      const parsed = await parseArticle({
        fileName: req.fileName,
        bytes: Buffer.from(req.dataBase64, 'base64'),
        ...(req.encoding ? { encoding: req.encoding } : {}),
        ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
      });
      return req.intoProjectId
        ? reimport(req.intoProjectId, parsed, req.fileName)
        : newProjectFrom(parsed, req.fileName);
    },

    async importText(req) {
      const parsed = parseText(req.text, {
        format: 'paste',
        ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
      });
      return newProjectFrom(parsed, req.name?.trim() || 'clipboard.txt');
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
