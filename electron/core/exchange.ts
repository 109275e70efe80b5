import type { ApiHandlers } from '../contract';
import { AppError } from '../services/errors';
import { buildExport, importInterchange, previewExport } from '../services/export';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';
import { rememberApproved } from './tm';

type ExchangeHandlers = Pick<
  ApiHandlers,
  'previewExport' | 'buildExport' | 'saveExport' | 'importInterchange'
>;

/** Exports (publishing, review, interchange) and the XLIFF round trip. */
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
      await store.replace(result.project, { origin: 'xliff-import' });
      await rememberApproved(ctx, result.project.id, result.summary.lang);
      return { ...result.summary, project: result.project };
    },
  };
}
