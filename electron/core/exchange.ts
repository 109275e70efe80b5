import type { ApiHandlers } from '../contract';
import { AppError } from '../services/errors';
import { QaRepository } from '../services/qa/repository';
import { buildExport, previewExport } from '../services/export';
import { withBaseline } from '../services/interchange/baseline';
import { applyXliff, checkXliffFile } from '../services/interchange/roundtrip';
import { readXliffOffThread } from '../services/import/off-thread';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';
import { offeredMatches, rememberApproved } from './tm';
import { houseStyleOf } from './house-style';
import { currentCellCheck } from './actor';

type ExchangeHandlers = Pick<
  ApiHandlers,
  'previewExport' | 'buildExport' | 'saveExport' | 'importInterchange'
>;

/** Exports (publishing, review, interchange) and the three-way XLIFF round trip. */
export function exchangeHandlers(ctx: CoreContext): ExchangeHandlers {
  const { store, settings, now, opts } = ctx;
  return {
    async previewExport(req) {
      return previewExport(await store.committed(req.projectId), req.lang);
    },

    async buildExport(req) {
      // What is committed, not a copy another desk process may have moved past.
      const project = await store.committed(req.projectId);
      // The OmegaT package's glossary carries the termbase (the caller's desk and this project).
      const terms =
        req.format === 'omegat'
          ? await new QaRepository(ctx.database).terms(ctx.actor().desk, req.projectId)
          : undefined;
      // The review report shows each cell's memory match and the house style sent to DeepL.
      const report = req.format.startsWith('report-')
        ? { matches: await offeredMatches(ctx, project), houseStyle: await houseStyleOf(ctx) }
        : undefined;
      const uiLanguage = req.uiLanguage ?? settings.view().uiLanguage ?? 'en';
      const file = await buildExport(
        project,
        { ...req, uiLanguage },
        {
          now: now(),
          reviewer: settings.view().reviewerName,
          appVersion: opts.appVersion,
          ...(terms ? { terms } : {}),
          ...(report ? { report } : {}),
        },
      );
      // What an XLIFF file holds is kept in the project: the base a later re-import compares against.
      const { baseline } = file;
      if (baseline)
        await store.update(req.projectId, (p) => {
          p.exportBaselines = withBaseline(p, baseline);
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
      const bytes = Buffer.from(req.dataBase64, 'base64');
      checkXliffFile(req.fileName, bytes);
      // Parsed in the import worker: a large or hostile file never blocks the app.
      const xliff = await readXliffOffThread(bytes);
      const project = await store.committed(req.projectId);
      const resolutions = req.resolutions ?? {};
      const result = applyXliff(project, req.fileName, xliff, now(), resolutions);
      const { by, ...summary } = result.summary;
      // The preview: what the import would do, nothing changed.
      if (req.dryRun) return { ...summary, project };
      // A transport's cell check (the desk: a signed-off language is locked) sees the file's language first.
      await currentCellCheck()?.([summary.lang]);
      // Applied to the project as stored when the change commits (recomputed if another process changed it);
      // one commit: the whole import, choices included, is one undo step.
      const applied = await store.replaceWith(
        req.projectId,
        (current) => {
          const again =
            current === project ? result : applyXliff(current, req.fileName, xliff, now(), resolutions);
          cells.mirrorCaptions(again.project.segments);
          return { project: again.project, result: again };
        },
        { origin: 'xliff-import', by },
      );
      await rememberApproved(ctx, applied.project.id, summary.lang);
      const { by: _by, ...appliedSummary } = applied.summary;
      return { ...appliedSummary, project: applied.project };
    },
  };
}
