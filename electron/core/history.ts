import { planReplace } from '../../common/replace';
import type { ApiHandlers, CellRef, CellVersion, Project, Segment, TargetLang } from '../contract';
import { AppError } from '../services/errors';
import * as cells from '../services/project/cells';
import { changeById, segmentHistory } from '../services/project/history-repo';
import type { CoreContext } from './context';
import { keyedAnswer } from './keyed';
import { keyedMove, replaceAnswer, replaceCounts, stepKey, stepScope } from './keyed-steps';

type HistoryHandlers = Pick<
  ApiHandlers,
  'cellHistory' | 'restoreCellVersion' | 'undo' | 'redo' | 'replaceAll'
>;

/** A change's cell differs when anything but its revision and bookkeeping changed. */
function cellDiffers(a: Segment | null, b: Segment | null, lang: TargetLang): boolean {
  // Field by field, in one order: a row rebuilt from the tables and one from memory list fields differently.
  const strip = (s: Segment | null) => {
    if (!s) return null;
    const { rev: _r, editMs: _e, updatedAt: _u, ...rest } = s.targets[lang];
    return JSON.stringify(Object.entries(rest).sort(([x], [y]) => (x < y ? -1 : 1)));
  };
  return strip(a) !== strip(b);
}

type HistoryRow = Awaited<ReturnType<typeof segmentHistory>>[number];
type ReplaceRequest = Parameters<ApiHandlers['replaceAll']>[0];
interface ReplaceOutcome {
  replaced: number;
  skippedApproved: number;
  changed: Segment[];
}

/** The versions of one cell, from its row's change history (changes that left the cell as it was are left out). */
function cellVersions(rows: HistoryRow[], ref: CellRef): CellVersion[] {
  const out: CellVersion[] = [];
  for (const r of rows) {
    const before = r.before_json ? (JSON.parse(r.before_json) as Segment) : null;
    const after = r.after_json ? (JSON.parse(r.after_json) as Segment) : null;
    if (!after || !cellDiffers(before, after, ref.lang)) continue;
    const prev = before?.targets[ref.lang];
    out.push({
      id: String(r.id),
      segmentId: ref.segmentId,
      lang: ref.lang,
      text: after.targets[ref.lang].text,
      status: after.targets[ref.lang].status,
      previousText: prev?.text ?? '',
      previousStatus: prev?.status ?? 'empty',
      by: r.actor_name,
      at: r.at,
      origin: r.origin as CellVersion['origin'],
    });
  }
  return out;
}

/** Replace in one language of a project's rows (in place), as the dialog's preview planned it; captions follow. */
function replaceInProject(project: Project, req: ReplaceRequest, at: string): ReplaceOutcome {
  // The plan the dialog previewed (common/replace), over the rows as stored now.
  const plan = planReplace(
    project.segments.filter(cells.isReviewable).map((s) => ({
      id: s.id,
      text: s.targets[req.lang].text,
      approved: s.targets[req.lang].status === 'approved',
    })),
    { ...req, only: req.segmentIds },
  );
  const after = new Map(plan.hits.map((h) => [h.id, h.after]));
  const changed: Segment[] = [];
  project.segments = project.segments.map((s) => {
    const text = after.get(s.id);
    if (text === undefined) return s;
    const cell = s.targets[req.lang];
    const next = {
      ...s,
      targets: { ...s.targets, [req.lang]: cells.applyReviewerText(cell, text, at) },
    };
    changed.push(next);
    return next;
  });
  cells.mirrorCaptions(project.segments, new Set(changed.map((s) => s.id)));
  return { replaced: plan.replaced, skippedApproved: plan.skippedApproved, changed };
}

/** Per-cell history, restore, undo/redo and replace-all (each one undoable step). */
export function historyHandlers(ctx: CoreContext): HistoryHandlers {
  const { store, changeCell, iso } = ctx;
  return {
    async cellHistory(ref) {
      await store.segment(ref.projectId, ref.segmentId);
      return cellVersions(await segmentHistory(store.db, ref.projectId, ref.segmentId), ref);
    },

    // A version's id puts back the cell as that change left it; `b` and the id, as it was before the change (the
    // cell as opened, imported or migrated, before anything recorded changed it: what Esc goes back to then).
    async restoreCellVersion(req) {
      const [, before, changeId] = /^(b?)(\d+)$/.exec(req.versionId) ?? [];
      const change = changeId ? await changeById(store.db, Number(changeId)) : undefined;
      const json = before ? change?.before_json : change?.after_json;
      if (!change || change.project_id !== req.projectId || change.segment_id !== req.segmentId || !json)
        throw new AppError('history.versionNotFound');
      const version = (JSON.parse(json) as Segment).targets[req.lang];
      return changeCell(req, (cell) => cells.restoreVersion(cell, version, iso()), {
        origin: 'restore',
        ...(req.key ? { key: req.key } : {}),
      });
    },

    // A transport's cell check (the desk's locks and assignments) decides once the step's languages are known.
    undo: (projectId, options) => keyedMove(store, projectId, 'undo', options?.key),
    redo: (projectId, options) => keyedMove(store, projectId, 'redo', options?.key),

    replaceAll(req) {
      const scope = stepScope(req.projectId, 'replace-all');
      const record = req.key ? stepKey(store, scope, req.key) : null;
      const run = async () => {
        let outcome: ReplaceOutcome = { replaced: 0, skippedApproved: 0, changed: [] };
        await store.update(
          req.projectId,
          (project) => {
            outcome = replaceInProject(project, req, iso());
          },
          {
            origin: 'replace-all',
            ...(record ? { within: (db, gid) => record.within(db, gid, replaceCounts(outcome)) } : {}),
          },
        );
        await record?.settle(replaceCounts(outcome));
        return { segments: outcome.changed, ...replaceCounts(outcome) };
      };
      return keyedAnswer(store, scope, req.key, run, (done) => replaceAnswer(store, req.projectId, done));
    },
  };
}
