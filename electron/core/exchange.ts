import type { ApiHandlers } from '../contract';
import { AppError } from '../services/errors';
import { buildExport, previewExport } from '../services/export';
import { withBaseline } from '../services/interchange/baseline';
import { applyXliff, checkXliffFile } from '../services/interchange/roundtrip';
import { readXliffOffThread } from '../services/import/off-thread';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';
import { rememberApproved } from './tm';
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
      return previewExport(await store.get(req.projectId), req.lang);
    },

    async buildExport(req) {
      const project = await store.get(req.projectId);
      const file = await buildExport(project, req, {
        now: now(),
        reviewer: settings.view().reviewerName,
        appVersion: opts.appVersion,
      });
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
      const project = await store.get(req.projectId);
      const result = applyXliff(project, req.fileName, xliff, now(), req.resolutions ?? {});
      const { by, ...summary } = result.summary;
      // The preview: what the import would do, nothing changed.
      if (req.dryRun) return { ...summary, project };
      // A transport's cell check (the desk: a signed-off language is locked) sees the file's language first.
      await currentCellCheck()?.([summary.lang]);
      cells.mirrorCaptions(result.project.segments);
      // One commit: the whole import, choices included, is one undo step.
      await store.replace(result.project, { origin: 'xliff-import', by });
      await rememberApproved(ctx, result.project.id, summary.lang);
      return { ...summary, project: result.project };
    },
  };
}
