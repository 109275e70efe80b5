import { readFile } from 'node:fs/promises';
import type { ApiHandlers } from '../contract';
import { parseText } from '../services/import';
import { AppError } from '../services/errors';
import type { CoreContext } from './context';
import { importRunner, newProjectFrom, reimport } from './project-import';
import { ROW, decidedOnDatabase, keyRecorder, keyedOnce } from './keyed';

type OpenHandlers = Pick<ApiHandlers, 'getAppInfo' | 'listProjects' | 'openProject' | 'openLastProject'>;
type ImportHandlers = Pick<ApiHandlers, 'importArticle' | 'importText' | 'cancelImport'>;
type ProjectSettingsHandlers = Pick<ApiHandlers, 'setTranslatable' | 'updateGlossary' | 'setEnglishVariant'>;
type ProjectHandlers = OpenHandlers & ImportHandlers & ProjectSettingsHandlers;

/** Glossary input in NFC with single spaces, so it matches however it was typed or pasted. */
const nfc = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Open a project: the list, one by id, the last one (the sample article on first start). */
function openHandlers(ctx: CoreContext, runner: ReturnType<typeof importRunner>): OpenHandlers {
  const { store, opts } = ctx;
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
      const parsed = await runner.parse({ fileName, bytes });
      return (await newProjectFrom(ctx, parsed, fileName)).project;
    },
  };
}

/** Import an article (a new project or a revision of an open one) or pasted text; cancel an import. */
function importHandlers(ctx: CoreContext, runner: ReturnType<typeof importRunner>): ImportHandlers {
  return {
    async importArticle(req) {
      const parsed = await runner.parse(
        {
          fileName: req.fileName,
          bytes: Buffer.from(req.dataBase64, 'base64'),
          ...(req.encoding ? { encoding: req.encoding } : {}),
          ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
        },
        req.importId,
      );
      return req.intoProjectId
        ? reimport(ctx, req.intoProjectId, parsed, req.fileName, req.confirmDifferentArticle === true)
        : newProjectFrom(ctx, parsed, req.fileName);
    },

    async importText(req) {
      const parsed = parseText(req.text, {
        format: 'paste',
        ...(req.acceptNonKorean ? { acceptNonKorean: true } : {}),
      });
      return newProjectFrom(ctx, parsed, req.name?.trim() || 'clipboard.txt');
    },

    async cancelImport(importId) {
      runner.cancel(importId);
    },
  };
}

/** Per-project settings: which rows are translated, the glossary, the English variant. */
function projectSettingsHandlers({ store }: CoreContext): ProjectSettingsHandlers {
  return {
    // A key makes it one change: sent again after its answer was lost, it is not applied over a colleague's.
    async setTranslatable({ projectId, segmentId, translate, key }) {
      await store.segment(projectId, segmentId); // an unknown row is refused before anything is queued
      const scope = { projectId, segmentId, lang: ROW };
      const within = key ? keyRecorder(store, scope, key) : undefined;
      let idle = false;
      const change = () =>
        store.update(
          projectId,
          (project) => {
            // Found by id when the change runs: rows may have moved while it waited (a revision merged first).
            const index = project.segments.findIndex((s) => s.id === segmentId);
            if (index < 0) throw new AppError('project.segmentNotFound');
            idle = project.segments[index]!.translate === translate;
            const updated = { ...project.segments[index]!, translate };
            project.segments[index] = updated;
            return updated;
          },
          { origin: 'translatable', ...(within ? { within } : {}) },
        );
      return keyedOnce(store, scope, key, () => decidedOnDatabase(store, scope, change, () => idle));
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

/** Projects: open, import (new or revised article), per-project settings. */
export function projectHandlers(ctx: CoreContext): ProjectHandlers {
  const runner = importRunner();
  return { ...openHandlers(ctx, runner), ...importHandlers(ctx, runner), ...projectSettingsHandlers(ctx) };
}
