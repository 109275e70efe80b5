import type { ApiHandlers, Segment, TranslateSummary } from '../contract';
import { AppError } from '../services/errors';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';

type TranslateHandlers = Pick<ApiHandlers, 'translate' | 'cancelTranslation' | 'getUsage'>;

/** Machine translation runs: start, cancel, account usage. */
export function translateHandlers(ctx: CoreContext): TranslateHandlers {
  const { store, mt, emit, running, iso } = ctx;
  return {
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
            const applied = store.update(
              project.id,
              (p) => {
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
                // The store announces the changed rows (with their revisions) once they are committed.
                cells.mirrorCaptions(p.segments, new Set(changed.map((s) => s.id)));
              },
              { origin: 'machine' },
            );
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
  };
}
