import {
  CONCORDANCE_LIMIT,
  TARGET_LANGS,
  type TmBadge,
  type ApiHandlers,
  type CellRef,
  type Project,
  type Segment,
  type TargetLang,
  type TmMatch,
} from '../contract';
import { sameText } from '../../common/text/canonical';
import type { Database } from '../services/db';
import { memoryFor, exportTmx, importTmx, type ApprovedRow, type TranslationMemory } from '../services/tm';
import type { CoreContext } from './context';

type TmHandlers = Pick<ApiHandlers, 'tmLookup' | 'tmBadges' | 'tmConcordance' | 'importTmx' | 'exportTmx'>;

// One memory per open database: its statements are prepared once.
const memories = new WeakMap<Database, TranslationMemory>();
/** The translation memory of the context's database (one per database, statements prepared once). */
export function memory(ctx: CoreContext): TranslationMemory {
  let m = memories.get(ctx.memoryDatabase);
  if (!m) memories.set(ctx.memoryDatabase, (m = memoryFor(ctx.memoryDatabase)));
  return m;
}

/** A row with its neighbours' sources, which decide whether an exact match is also an in-context (101 %) one. */
function rowAt(project: Project, index: number, lang: TargetLang) {
  const s = project.segments[index]!;
  return {
    source: s.source,
    lang,
    previous: project.segments[index - 1]?.source,
    next: project.segments[index + 1]?.source,
  };
}

/** The memory units of a project's approved cells in one language (all rows, or the given ones). */
function approvedRows(project: Project, lang: TargetLang, only?: ReadonlySet<string>): ApprovedRow[] {
  const rows: ApprovedRow[] = [];
  project.segments.forEach((s, index) => {
    const cell = s.targets[lang];
    if (!s.translate || cell.status !== 'approved' || (only && !only.has(s.id))) return;
    rows.push({
      ...rowAt(project, index, lang),
      target: cell.text,
      at: cell.approvedAt ?? cell.updatedAt ?? project.updatedAt,
      projectId: project.id,
      projectName: project.name,
      ...(cell.approvedBy ? { reviewer: cell.approvedBy } : {}),
    });
  });
  return rows;
}

/**
 * Put a project's approved cells of one language into the memory of the caller's desk (after an approval or an
 * XLIFF import; the desk guard let the caller change the project, so it is the project's desk). The
 * approval itself is already saved: if the memory cannot be written, the reviewer's work is not undone for it,
 * the failure is logged and the memory simply lacks that unit.
 */
export async function rememberApproved(
  ctx: CoreContext,
  projectId: string,
  lang: TargetLang,
  segmentIds?: readonly string[],
): Promise<void> {
  try {
    const project = await ctx.store.get(projectId);
    const rows = approvedRows(project, lang, segmentIds && new Set(segmentIds));
    await memory(ctx).remember(ctx.actor().desk, rows);
  } catch (e) {
    console.error('translation memory: could not remember an approval', e);
  }
}

/** After an approval: remember the approved cell, then hand the row back unchanged (a one-line hook for cells.ts). */
export async function rememberApproval(ctx: CoreContext, ref: CellRef, segment: Segment): Promise<Segment> {
  await rememberApproved(ctx, ref.projectId, ref.lang, [segment.id]);
  return segment;
}

/** A cell of a project: its row index and language. */
interface CellAt {
  index: number;
  lang: TargetLang;
}

/**
 * The best memory match for each cell from Settings › Memory's badge threshold on (what the grid's badge shows),
 * keyed `segmentId|lang`, from one bulk lookup per language. An approved cell is in the memory itself: its own
 * text is no match for it.
 */
async function offered(
  ctx: CoreContext,
  project: Project,
  cells: readonly CellAt[],
): Promise<Map<string, TmMatch>> {
  const threshold = ctx.settings.view().memory.badgeThreshold;
  const out = new Map<string, TmMatch>();
  for (const lang of TARGET_LANGS) {
    const indexes = cells.filter((c) => c.lang === lang).map((c) => c.index);
    if (indexes.length === 0) continue;
    const rows = indexes.map((index) => rowAt(project, index, lang));
    const found = await memory(ctx).lookupMany(ctx.actor().desk, lang, rows);
    indexes.forEach((index, k) => {
      const s = project.segments[index]!;
      const cell = s.targets[lang];
      const matches = found[k]!;
      const [best] =
        cell.status === 'approved' ? matches.filter((m) => !sameText(m.target, cell.text)) : matches;
      if (best && best.score >= threshold) out.set(`${s.id}|${lang}`, best);
    });
  }
  return out;
}

/**
 * For the review report: the score of the memory match offered for each cell the memory did not fill (a filled
 * cell carries its own), keyed `segmentId|lang`, as the grid's badges show them.
 */
export async function offeredMatches(ctx: CoreContext, project: Project): Promise<Map<string, number>> {
  const cells: CellAt[] = [];
  for (const [index, s] of project.segments.entries())
    if (s.translate) for (const lang of TARGET_LANGS) if (!s.targets[lang].tm) cells.push({ index, lang });
  const best = await offered(ctx, project, cells);
  return new Map([...best].map(([key, m]) => [key, m.score]));
}

/** The grid's badges for the given rows: the match offered for each cell not yet approved, unless it is its text. */
async function badges(ctx: CoreContext, project: Project, segmentIds: readonly string[]): Promise<TmBadge[]> {
  const at = new Map(project.segments.map((s, i) => [s.id, i]));
  const cells: CellAt[] = [];
  for (const segmentId of new Set(segmentIds)) {
    const index = at.get(segmentId);
    if (index === undefined || !project.segments[index]!.translate) continue;
    for (const lang of TARGET_LANGS)
      if (project.segments[index]!.targets[lang].status !== 'approved') cells.push({ index, lang });
  }
  const best = await offered(ctx, project, cells);
  const out: TmBadge[] = [];
  for (const { index, lang } of cells) {
    const s = project.segments[index]!;
    const m = best.get(`${s.id}|${lang}`);
    if (m && !sameText(m.target, s.targets[lang].text))
      out.push({ segmentId: s.id, lang, score: m.score, target: m.target });
  }
  return out;
}

/**
 * The translation memory of the caller's desk (`ctx.actor().desk`): matches for a cell, TMX import and export of
 * that desk's whole memory. Another desk's units are never read, counted or written.
 */
export function tmHandlers(ctx: CoreContext): TmHandlers {
  return {
    async tmLookup(ref) {
      const { project, index } = await ctx.store.segment(ref.projectId, ref.segmentId);
      const matches = await memory(ctx).lookup(ctx.actor().desk, rowAt(project, index, ref.lang));
      // An approved cell is in the memory itself: its own text is no help, only other translations are.
      const cell = project.segments[index]!.targets[ref.lang];
      return cell.status === 'approved' ? matches.filter((m) => !sameText(m.target, cell.text)) : matches;
    },

    async tmBadges(req) {
      return badges(ctx, await ctx.store.get(req.projectId), req.segmentIds);
    },

    tmConcordance(req) {
      return memory(ctx).concordance(ctx.actor().desk, req.phrase, req.lang, CONCORDANCE_LIMIT);
    },

    async importTmx(req) {
      return importTmx(memory(ctx), ctx.actor().desk, Buffer.from(req.dataBase64, 'base64'), ctx.now());
    },

    async exportTmx() {
      const xml = await exportTmx(memory(ctx), ctx.actor().desk, {
        now: ctx.now(),
        appVersion: ctx.opts.appVersion,
      });
      const day = ctx.iso().slice(0, 10);
      return { fileName: `translation-memory-${day}.tmx`, dataBase64: Buffer.from(xml).toString('base64') };
    },
  };
}
