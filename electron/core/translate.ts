import type {
  ApiHandlers,
  Project,
  Segment,
  TargetLang,
  TranslateRequest,
  TranslateSummary,
} from '../contract';
import { AppError } from '../services/errors';
import { pendingSegments } from '../services/mt';
import * as cells from '../services/project/cells';
import { cellsHoldingTerms, effectiveTerms, glossaryFromTerms } from '../services/qa';
import { QaRepository } from '../services/qa/repository';
import type { CoreContext } from './context';
import { houseStyleOf } from './house-style';
import { applyMemoryFill, planMemoryFill, withFill } from './pretranslate';
import { memory } from './tm';

type TranslateHandlers = Pick<
  ApiHandlers,
  'translate' | 'cancelTranslation' | 'getUsage' | 'estimateTranslation'
>;

/** A run that sends nothing to DeepL: every language with zero counts. */
const nothingSent = (projectId: string, langs: TargetLang[]): TranslateSummary => ({
  projectId,
  perLang: langs.map((lang) => ({
    lang,
    requested: 0,
    translated: 0,
    fromCache: 0,
    failed: 0,
    requests: 0,
    billedCharacters: 0,
  })),
  cancelled: false,
});

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

/** Machine translation runs: start, cancel, account usage. */
export function translateHandlers(ctx: CoreContext): TranslateHandlers {
  const { store, mt, emit, running, iso, settings } = ctx;
  const terms = new QaRepository(ctx.database);

  /** One MT run over `project` (a copy carrying the termbase as its glossary); results are applied as they come. */
  async function run(
    project: Project,
    langs: TargetLang[],
    opts: Pick<TranslateRequest, 'segmentIds' | 'refresh'>,
    signal: AbortSignal,
  ): Promise<TranslateSummary> {
    const applying: Promise<void>[] = [];
    const summary = await mt.translate({
      project: structuredClone(project),
      langs,
      houseStyle: await houseStyleOf(ctx),
      ...(opts.segmentIds ? { segmentIds: opts.segmentIds } : {}),
      ...(opts.refresh ? { refresh: true } : {}),
      signal,
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
    // The summary is returned only once every result received is applied.
    await Promise.all(applying);
    return summary;
  }

  /**
   * After a termbase change, a plain Translate also asks again for the machine cells whose Korean holds a changed
   * term, one language at a time so an edited or approved cell of the other language is never requested.
   */
  async function translateWithTermRefresh(project: Project, req: TranslateRequest, signal: AbortSignal) {
    const changed =
      req.segmentIds || req.refresh ? [] : await terms.changedTermsSinceSync(ctx.actor().desk, project.id);
    const stale = cellsHoldingTerms(project, changed);
    const count = req.langs.reduce((n, l) => n + stale[l].length, 0);
    if (count === 0) return run(project, req.langs, req, signal);
    const summaries: TranslateSummary[] = [];
    for (const lang of req.langs) {
      const pending = project.segments
        .filter((s) => cells.isReviewable(s) && ['empty', 'error'].includes(s.targets[lang].status))
        .map((s) => s.id);
      summaries.push(await run(project, [lang], { segmentIds: [...pending, ...stale[lang]] }, signal));
      if (signal.aborted || summaries.at(-1)!.error) break;
    }
    const hit = changed.filter((ko) => project.segments.some((s) => s.source.includes(ko)));
    return {
      projectId: project.id,
      perLang: summaries.flatMap((s) => s.perLang),
      cancelled: summaries.some((s) => s.cancelled),
      ...(summaries.find((s) => s.error) ? { error: summaries.find((s) => s.error)!.error! } : {}),
      ...(summaries.some((s) => s.style) ? { style: summaries.flatMap((s) => s.style ?? []) } : {}),
      termRefresh: { cells: count, terms: hit },
    } satisfies TranslateSummary;
  }

  /** The rows a request names and whether it asks for new suggestions, as the MT service takes them. */
  const runScope = (req: TranslateRequest) => ({
    ...(req.segmentIds ? { segmentIds: req.segmentIds } : {}),
    ...(req.refresh ? { refresh: true } : {}),
  });

  /**
   * The machine part of a run, after the memory filled what it could: nothing with `memoryOnly` (empty cells
   * counted), nothing over the request's character budget (`mt.overBudget`, with the estimate), else DeepL.
   */
  async function machinePart(stored: Project, req: TranslateRequest, signal: AbortSignal) {
    if (req.memoryOnly) {
      const unfilled = req.langs.map((lang) => ({
        lang,
        cells: pendingSegments(stored, lang, runScope(req)).length,
      }));
      return { ...nothingSent(stored.id, req.langs), unfilled };
    }
    if (req.maxCharacters !== undefined) {
      const { characters, rows } = await mt.estimate({
        project: stored,
        langs: req.langs,
        houseStyle: await houseStyleOf(ctx),
        ...runScope(req),
      });
      if (characters > req.maxCharacters)
        return {
          ...nothingSent(stored.id, req.langs),
          error: { code: 'mt.overBudget', params: { characters, rows, max: req.maxCharacters } },
        };
    }
    // The glossary DeepL gets comes from the caller's desk's termbase (desk-wide + project) and the project's
    // own glossary.
    const termList = await terms.terms(ctx.actor().desk, stored.id);
    const project = { ...stored, glossary: glossaryFromTerms(effectiveTerms(stored, termList)) };
    const summary = await translateWithTermRefresh(project, req, signal);
    if (!summary.cancelled && !summary.error) await terms.markSynced(stored.id, iso());
    return summary;
  }

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
        const summary = await machinePart(await store.get(stored.id), rest || req, controller.signal);
        const out = { ...summary, memory: filled };
        emit({ type: 'mt-finished', summary: out });
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
