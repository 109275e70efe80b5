import type { Project, Segment, TargetLang, TranslateRequest, TranslateSummary } from '../contract';
import { pendingSegments, type MtResult } from '../services/mt';
import * as cells from '../services/project/cells';
import { cellsHoldingTerms, effectiveTerms, glossaryFromTerms } from '../services/qa';
import type { QaRepository } from '../services/qa/repository';
import type { CoreContext } from './context';
import { houseStyleOf } from './house-style';

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

/** The rows a request names and whether it asks for new suggestions, as the MT service takes them. */
export const runScope = (req: Pick<TranslateRequest, 'segmentIds' | 'refresh'>) => ({
  ...(req.segmentIds ? { segmentIds: req.segmentIds } : {}),
  ...(req.refresh ? { refresh: true } : {}),
});

/** Put one language's machine results into the project (in place); captions follow the changed rows. */
function applyResults(p: Project, lang: TargetLang, results: MtResult[], at: string) {
  const byId = new Map(results.map((r) => [r.segmentId, r]));
  const changed: Segment[] = [];
  p.segments = p.segments.map((s) => {
    const r = byId.get(s.id);
    if (!r) return s;
    const cell = s.targets[lang];
    const next =
      'text' in r
        ? cells.applyMachineText(cell, r.text, at, r.style)
        : cells.applyMachineError(cell, r.error);
    if (next === cell) return s;
    const updated = { ...s, targets: { ...s.targets, [lang]: next } };
    changed.push(updated);
    return updated;
  });
  // The store announces the changed rows (with their revisions) once they are committed.
  cells.mirrorCaptions(p.segments, new Set(changed.map((s) => s.id)));
}

/** One MT run over `project` (a copy carrying the termbase as its glossary); results are applied as they come. */
async function run(
  ctx: CoreContext,
  project: Project,
  langs: TargetLang[],
  opts: Pick<TranslateRequest, 'segmentIds' | 'refresh'>,
  signal: AbortSignal,
): Promise<TranslateSummary> {
  const { store, emit, iso } = ctx;
  const applying: Promise<void>[] = [];
  const summary = await ctx.mt.translate({
    project: structuredClone(project),
    langs,
    houseStyle: await houseStyleOf(ctx),
    ...runScope(opts),
    signal,
    onProgress: (lang, done, total) =>
      emit({ type: 'mt-progress', projectId: project.id, lang, done, total }),
    onResults: (lang, results) => {
      applying.push(
        store.update(project.id, (p) => applyResults(p, lang, results, iso()), { origin: 'machine' }),
      );
    },
  });
  // The summary is returned only once every result received is applied.
  await Promise.all(applying);
  return summary;
}

/** One summary of several single-language runs, with what the term refresh asked again. */
function joinSummaries(
  projectId: string,
  summaries: TranslateSummary[],
  termRefresh: NonNullable<TranslateSummary['termRefresh']>,
): TranslateSummary {
  const failed = summaries.find((s) => s.error);
  return {
    projectId,
    perLang: summaries.flatMap((s) => s.perLang),
    cancelled: summaries.some((s) => s.cancelled),
    ...(failed ? { error: failed.error! } : {}),
    ...(summaries.some((s) => s.style) ? { style: summaries.flatMap((s) => s.style ?? []) } : {}),
    termRefresh,
  };
}

/**
 * After a termbase change, a plain Translate also asks again for the machine cells whose Korean holds a changed
 * term, one language at a time so an edited or approved cell of the other language is never requested.
 */
async function translateWithTermRefresh(
  ctx: CoreContext,
  terms: QaRepository,
  project: Project,
  req: TranslateRequest,
  signal: AbortSignal,
): Promise<TranslateSummary> {
  const changed =
    req.segmentIds || req.refresh ? [] : await terms.changedTermsSinceSync(ctx.actor().desk, project.id);
  const stale = cellsHoldingTerms(project, changed);
  const count = req.langs.reduce((n, l) => n + stale[l].length, 0);
  if (count === 0) return run(ctx, project, req.langs, req, signal);
  const summaries: TranslateSummary[] = [];
  for (const lang of req.langs) {
    const pending = project.segments
      .filter((s) => cells.isReviewable(s) && ['empty', 'error'].includes(s.targets[lang].status))
      .map((s) => s.id);
    summaries.push(await run(ctx, project, [lang], { segmentIds: [...pending, ...stale[lang]] }, signal));
    if (signal.aborted || summaries.at(-1)!.error) break;
  }
  const hit = changed.filter((ko) => project.segments.some((s) => s.source.includes(ko)));
  return joinSummaries(project.id, summaries, { cells: count, terms: hit });
}

/** With `maxCharacters`, the refusal (`mt.overBudget`, with the estimate) when the run would send more; else null. */
async function overBudget(ctx: CoreContext, stored: Project, req: TranslateRequest) {
  if (req.maxCharacters === undefined) return null;
  const { characters, rows } = await ctx.mt.estimate({
    project: stored,
    langs: req.langs,
    houseStyle: await houseStyleOf(ctx),
    ...runScope(req),
  });
  if (characters <= req.maxCharacters) return null;
  return {
    ...nothingSent(stored.id, req.langs),
    error: { code: 'mt.overBudget', params: { characters, rows, max: req.maxCharacters } },
  };
}

/**
 * The machine part of a run, after the memory filled what it could: nothing with `memoryOnly` (empty cells
 * counted), nothing over the request's character budget (`mt.overBudget`, with the estimate), else DeepL.
 */
export async function machinePart(
  ctx: CoreContext,
  terms: QaRepository,
  stored: Project,
  req: TranslateRequest,
  signal: AbortSignal,
): Promise<TranslateSummary> {
  if (req.memoryOnly) {
    const unfilled = req.langs.map((lang) => ({
      lang,
      cells: pendingSegments(stored, lang, runScope(req)).length,
    }));
    return { ...nothingSent(stored.id, req.langs), unfilled };
  }
  const refused = await overBudget(ctx, stored, req);
  if (refused) return refused;
  // The glossary DeepL gets comes from the caller's desk's termbase (desk-wide + project) and the project's
  // own glossary.
  const termList = await terms.terms(ctx.actor().desk, stored.id);
  const project = { ...stored, glossary: glossaryFromTerms(effectiveTerms(stored, termList)) };
  const summary = await translateWithTermRefresh(ctx, terms, project, req, signal);
  if (!summary.cancelled && !summary.error) await terms.markSynced(stored.id, ctx.iso());
  return summary;
}
