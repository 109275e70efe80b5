/**
 * Pre-translation from the translation memory: before anything is sent to DeepL, every empty (or failed) cell whose
 * Korean the memory holds exactly is filled from it — 101 % when the neighbouring rows match too, else 100 % — in
 * one bulk lookup per language and one committed change (origin `memory`, undoable as one step).
 */
import type { MemoryFill, Project, TargetLang, TmMatch, TranslateSummary } from '../contract';
import * as cells from '../services/project/cells';
import { isMachineTranslatable } from '../services/mt';
import { CONTEXT_SCORE, type TranslationMemory } from '../services/tm';
import type { CoreContext } from './context';

/** The matches a run would fill, per language: segment id → match. */
export type MemoryPlan = Map<TargetLang, Map<string, TmMatch>>;

/** Cells a run may fill: translated rows with Korean whose cell is empty or failed (only `only`'s rows, if given). */
function fillableIndexes(project: Project, lang: TargetLang, only: ReadonlySet<string> | null): number[] {
  const out: number[] = [];
  project.segments.forEach((s, i) => {
    if (!isMachineTranslatable(s) || (only && !only.has(s.id))) return;
    const status = s.targets[lang].status;
    if (status === 'empty' || status === 'error') out.push(i);
  });
  return out;
}

/** Look every fillable cell of the article up at once (one bulk query per language); nothing is written. */
export async function planMemoryFill(
  memory: TranslationMemory,
  desk: string,
  project: Project,
  langs: readonly TargetLang[],
  segmentIds?: readonly string[],
): Promise<MemoryPlan> {
  const only = segmentIds ? new Set(segmentIds) : null;
  const plan: MemoryPlan = new Map();
  for (const lang of new Set(langs)) {
    const indexes = fillableIndexes(project, lang, only);
    const rows = indexes.map((i) => ({
      source: project.segments[i]!.source,
      previous: project.segments[i - 1]?.source,
      next: project.segments[i + 1]?.source,
    }));
    const matches = await memory.exactMatches(desk, lang, rows);
    const byId = new Map<string, TmMatch>();
    matches.forEach((m, k) => m && byId.set(project.segments[indexes[k]!]!.id, m));
    plan.set(lang, byId);
  }
  return plan;
}

/** What the cell records of the match it was filled from. */
export function fillOf(m: TmMatch): MemoryFill {
  return {
    score: m.score,
    text: m.target,
    at: m.at,
    ...(m.reviewer ? { reviewer: m.reviewer } : {}),
    ...(m.projectName ? { projectName: m.projectName } : {}),
  };
}

/** The project as it will be after the fill (for estimates: those cells are no longer sent to DeepL). */
export function withFill(project: Project, plan: MemoryPlan, at: string): Project {
  const segments = project.segments.map((s) => {
    let targets = s.targets;
    for (const [lang, byId] of plan) {
      const m = byId.get(s.id);
      if (m) targets = { ...targets, [lang]: cells.applyMemoryText(targets[lang], fillOf(m), at) };
    }
    return targets === s.targets ? s : { ...s, targets };
  });
  return { ...project, segments };
}

/**
 * Fill the planned cells in one committed change. With `approveContext`, 101 % matches are approved at once (the
 * person's opt-in), in the name of who runs it. Returns the counts per language for the run's summary.
 */
export async function applyMemoryFill(
  ctx: CoreContext,
  projectId: string,
  plan: MemoryPlan,
  approveContext: boolean,
): Promise<NonNullable<TranslateSummary['memory']>> {
  const counts = [...plan.keys()].map((lang) => ({ lang, context: 0, exact: 0, approved: 0 }));
  if ([...plan.values()].every((m) => m.size === 0)) return counts;
  const by = ctx.actor().name;
  await ctx.store.update(
    projectId,
    (p) => {
      const at = ctx.iso();
      const changed = new Set<string>();
      p.segments = p.segments.map((s) => {
        let next = s;
        for (const count of counts) {
          const m = plan.get(count.lang)!.get(s.id);
          if (!m) continue;
          const approve = approveContext && m.score === CONTEXT_SCORE ? by : undefined;
          const cell = cells.applyMemoryText(next.targets[count.lang], fillOf(m), at, approve);
          if (cell === next.targets[count.lang]) continue;
          next = { ...next, targets: { ...next.targets, [count.lang]: cell } };
          count[m.score === CONTEXT_SCORE ? 'context' : 'exact']++;
          if (cell.status === 'approved') count.approved++;
        }
        if (next !== s) changed.add(s.id);
        return next;
      });
      cells.mirrorCaptions(p.segments, changed);
    },
    { origin: 'memory' },
  );
  return counts;
}
