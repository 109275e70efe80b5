import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  ApiHandlers,
  CellRef,
  ImportOutcome,
  Project,
  ReviewEvent,
  Segment,
  TargetCell,
  TranslateSummary,
} from './contract';
import { AppError } from './services/errors';
import { buildExport, importInterchange, previewExport } from './services/export';
import { mergeRevision, parseArticle, parseText, type ParsedArticle } from './services/import';
import { MachineTranslation } from './services/mt';
import * as cells from './services/project/cells';
import { ProjectStore } from './services/project/store';
import { checkProject } from './services/qa';
import type { SettingsStore } from './services/settings';

/** What the handler map needs from its host (Electron main or the loopback web host). */
export interface CoreOptions {
  dataDir: string;
  /** Where the MT cache lives; `<dataDir>/mt-cache` unless given (the CLI shares the app's). */
  cacheDir?: string;
  now: () => Date;
  appVersion: string;
  mode: 'electron' | 'browser';
  systemLocale: string;
  /** The article opened as a new project on first start. */
  samplePath: string;
  settings: SettingsStore;
  /** Push an event to the UI. */
  emit: (event: ReviewEvent) => void;
}

/** The Node side of the app, independent of transport: the handler map plus what hosts need to shut down. */
export interface Core {
  handlers: ApiHandlers;
  store: ProjectStore;
  /** Cancel running translations and write pending changes. */
  close(): Promise<void>;
}

/** Build the services and the one handler map both transports dispatch to. */
export function createCore(opts: CoreOptions): Core {
  const { now, settings, emit } = opts;
  const store = new ProjectStore(opts.dataDir, now);
  const mt = new MachineTranslation({
    cacheDir: opts.cacheDir ?? join(opts.dataDir, 'mt-cache'),
    getSettings: () => ({ ...settings.deepl(), ...pick(settings.view()) }),
    now,
    appVersion: opts.appVersion,
  });
  const running = new Map<string, AbortController>();
  const iso = () => now().toISOString();

  /** Change one target cell through a pure rule, keep captions in step, and return the updated row. */
  async function changeCell(
    ref: CellRef,
    rule: (cell: TargetCell, segment: Segment) => TargetCell | null,
  ): Promise<Segment> {
    const { index } = await store.segment(ref.projectId, ref.segmentId);
    return store.update(ref.projectId, (project) => {
      const segment = project.segments[index]!;
      if (!cells.isReviewable(segment)) throw new AppError('project.notReviewable');
      const next = rule(segment.targets[ref.lang], segment);
      if (next === null) throw new AppError('project.nothingToApprove');
      const updated: Segment = { ...segment, targets: { ...segment.targets, [ref.lang]: next } };
      if (next.status === 'approved' && updated.change) delete updated.change;
      project.segments[index] = updated;
      const mirrored = cells.mirrorCaptions(project.segments, new Set([segment.id]));
      if (mirrored.length) emit({ type: 'segments-updated', projectId: project.id, segments: mirrored });
      return updated;
    });
  }

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
      source: { fileName, format: parsed.format, encoding: parsed.encoding, importedAt: iso() },
    };
    cells.mirrorCaptions(next.segments);
    await store.replace(next);
    return { project: next, encoding: parsed.encoding, warnings: parsed.warnings, reimport: merged.counts };
  }

  const handlers: ApiHandlers = {
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

    updateCell: (edit) =>
      changeCell(edit, (cell) => cells.applyReviewerText(cell, edit.text, iso(), edit.elapsedMs)),

    approveCell: (ref) => changeCell(ref, (cell) => cells.approve(cell, iso(), settings.view().reviewerName)),

    unapproveCell: (ref) => changeCell(ref, (cell) => cells.unapprove(cell, iso())),

    acceptSuggestion: (ref) => changeCell(ref, (cell) => cells.acceptSuggestion(cell, iso())),

    setComment: (ref) =>
      changeCell(ref, (cell) => ({ ...cell, comment: ref.comment.trim() || undefined, updatedAt: iso() })),

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
        .map((e) => ({ ko: e.ko.trim(), vi: e.vi.trim(), en: e.en.trim() }))
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

    async translate(req) {
      const project = await store.get(req.projectId);
      if (running.has(project.id)) throw new AppError('project.translationRunning');
      const controller = new AbortController();
      running.set(project.id, controller);
      // Results arrive while the run goes on; the summary is returned only once all of them are applied.
      const applying: Promise<void>[] = [];
      try {
        const summary: TranslateSummary = await mt.translate({
          project: structuredClone(project),
          langs: req.langs,
          ...(req.segmentIds ? { segmentIds: req.segmentIds } : {}),
          ...(req.refresh ? { refresh: true } : {}),
          signal: controller.signal,
          onProgress: (lang, done, total) =>
            emit({ type: 'mt-progress', projectId: project.id, lang, done, total }),
          onResults: (lang, results) => {
            const applied = store.update(project.id, (p) => {
              const at = iso();
              const byId = new Map(results.map((r) => [r.segmentId, r]));
              const changed: Segment[] = [];
              p.segments = p.segments.map((s) => {
                const r = byId.get(s.id);
                if (!r) return s;
                const cell = s.targets[lang];
                const next =
                  'text' in r
                    ? cells.applyMachineText(cell, r.text, at)
                    : cells.applyMachineError(cell, r.error);
                if (next === cell) return s;
                const updated = { ...s, targets: { ...s.targets, [lang]: next } };
                changed.push(updated);
                return updated;
              });
              changed.push(...cells.mirrorCaptions(p.segments, new Set(changed.map((s) => s.id))));
              if (changed.length) emit({ type: 'segments-updated', projectId: p.id, segments: changed });
            });
            applying.push(applied);
          },
        });
        await Promise.all(applying);
        emit({ type: 'mt-finished', summary });
        return summary;
      } finally {
        running.delete(project.id);
      }
    },

    async cancelTranslation(projectId) {
      running.get(projectId)?.abort();
    },

    getUsage: () => mt.usage(),

    getSettings: async () => settings.view(),

    updateSettings: (patch) => settings.update(patch),

    async previewExport(req) {
      return previewExport(await store.get(req.projectId), req.lang);
    },

    async buildExport(req) {
      const project = await store.get(req.projectId);
      const file = await buildExport(project, req, {
        now: now(),
        reviewer: settings.view().reviewerName,
        appVersion: opts.appVersion,
      });
      return {
        fileName: file.fileName,
        mime: file.mime,
        dataBase64: Buffer.from(file.data).toString('base64'),
        preview: previewExport(project, req.lang),
      };
    },

    async saveExport() {
      // Only the desktop host can show a save dialog; it replaces this handler.
      throw new AppError('api.saveNeedsDesktop');
    },

    async importInterchange(req) {
      const project = await store.get(req.projectId);
      const result = importInterchange(project, req.fileName, Buffer.from(req.dataBase64, 'base64'), {
        now: now(),
      });
      cells.mirrorCaptions(result.project.segments);
      await store.replace(result.project);
      return { ...result.summary, project: result.project };
    },

    async runQa(projectId) {
      return checkProject(await store.get(projectId));
    },
  };

  return {
    handlers,
    store,
    async close() {
      for (const c of running.values()) c.abort();
      await store.flush();
    },
  };
}

function pick(view: { englishVariant: 'en-US' | 'en-GB'; paragraphContext: boolean }) {
  return { englishVariant: view.englishVariant, paragraphContext: view.paragraphContext };
}
