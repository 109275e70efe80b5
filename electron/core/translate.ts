import type { ApiHandlers, ReviewEvent, TranslateSummary } from '../contract';
import { AppError } from '../services/errors';
import { transact } from '../services/project/repository';
import { QaRepository } from '../services/qa/repository';
import type { CoreContext } from './context';
import { houseStyleOf } from './house-style';
import { applyMemoryFill, planMemoryFill, withFill } from './pretranslate';
import { memory } from './tm';
import { machinePart, runScope } from './translate-run';

type TranslateHandlers = Pick<
  ApiHandlers,
  'translate' | 'cancelTranslation' | 'getUsage' | 'estimateTranslation'
>;

/** How long an estimate waits for DeepL's account balance before it is shown without one. */
const USAGE_WAIT_MS = 4_000;

/** The promise's value if it resolves within `ms`, else null (also on failure). */
async function settleWithin<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([p.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tell the pages a run ended (the one that started it shows the summary; every page with the article open reads it
 * again, whether or not it still follows the run). On a desk the news is committed first, in the
 * outbox like an edit's, so a process killed before publishing it still has it told (any process moves it on);
 * when even that write fails, it is published directly (a copy: the bus takes the recorded object for one whose
 * record committed).
 */
async function tellFinished(ctx: CoreContext, summary: TranslateSummary): Promise<void> {
  const event: ReviewEvent = { type: 'mt-finished', summary };
  const { record } = ctx.opts;
  const told = record
    ? await transact(ctx.store.db, (trx) => record(trx, event)).then(
        () => event,
        () => ({ ...event }),
      )
    : event;
  ctx.emit(told);
}

/** Machine translation runs: start, cancel, account usage. */
export function translateHandlers(ctx: CoreContext): TranslateHandlers {
  const { store, mt, running, iso, settings } = ctx;
  const terms = new QaRepository(ctx.database);

  return {
    async translate(req) {
      const stored = await store.get(req.projectId);
      if (running.has(stored.id)) throw new AppError('project.translationRunning');
      const controller = new AbortController();
      running.set(stored.id, controller);
      try {
        // Memory first: exact matches fill their cells before anything is sent (or counted) for DeepL.
        const plan = await planMemoryFill(memory(ctx), ctx.actor().desk, stored, req.langs, req.segmentIds);
        const filled = await applyMemoryFill(ctx, stored.id, plan, settings.view().memory.autoApproveContext);
        // Named rows the memory filled in every language are not sent again (they would only become suggestions).
        const rest = req.segmentIds && {
          ...req,
          segmentIds: req.segmentIds.filter((id) => !req.langs.every((l) => plan.get(l)?.has(id))),
        };
        const summary = await machinePart(
          ctx,
          terms,
          await store.get(stored.id),
          rest || req,
          controller.signal,
        );
        const out = { ...summary, memory: filled };
        await tellFinished(ctx, out);
        return out;
      } finally {
        running.delete(stored.id);
      }
    },

    async estimateTranslation(req) {
      const stored = await store.get(req.projectId);
      const plan = await planMemoryFill(memory(ctx), ctx.actor().desk, stored, req.langs, req.segmentIds);
      const fromMemory = [...plan.values()].reduce((n, m) => n + m.size, 0);
      const after = withFill(stored, plan, iso());
      const { characters, rows } = req.memoryOnly
        ? { characters: 0, rows: 0 }
        : await mt.estimate({
            project: after,
            langs: req.langs,
            houseStyle: await houseStyleOf(ctx),
            ...runScope(req),
          });
      // The account's balance only informs the question: a DeepL that does not answer soon must not hold it up.
      const usage = characters > 0 ? await settleWithin(mt.usage(), USAGE_WAIT_MS) : null;
      return { projectId: stored.id, characters, rows, fromMemory, usage };
    },

    async cancelTranslation(projectId) {
      running.get(projectId)?.abort();
    },

    getUsage: () => mt.usage(),
  };
}
