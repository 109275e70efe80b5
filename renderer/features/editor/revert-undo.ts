import {
  TARGET_LANGS,
  type CellStatus,
  type CellVersion,
  type Segment,
  type TargetLang,
  type UndoResult,
} from '../../../electron/contract';
import { api } from '../../api';
import { notice } from '../../components/notices';
import { isReviewable } from '../review/review-state';
import { StepKeys } from './change-keys';
import type { SaveQueue } from './save-queue';
import { cellKey, type ReviewStore } from './store';
import type { EditorOptions, FocusRef } from './editor-types';

interface Deps {
  store: ReviewStore;
  queue: SaveQueue;
  focus(): FocusRef | null;
  goTo(segmentId: string, lang: TargetLang): void;
  opts(): EditorOptions;
  fail(e: unknown): void;
  /** Send a change of a row with its key (the same while it goes unanswered, see ChangeKeys). */
  keyed<T>(change: string, segmentId: string, call: (key: string) => Promise<T>): Promise<T>;
}

/** A cell's saved state before the typing of this visit (what Esc goes back to). */
interface Saved {
  key: string;
  text: string;
  status: CellStatus;
}

/**
 * The target cells whose text or status differ between `before` (the rows as known when the step was asked for:
 * the host's live update of the same change may reach the store before the answer does) and `next`.
 */
export function changedCells(
  before: readonly Segment[],
  next: readonly Segment[],
): { segmentId: string; lang: TargetLang }[] {
  const out: { segmentId: string; lang: TargetLang }[] = [];
  const byId = new Map(next.length ? before.map((s) => [s.id, s]) : []);
  for (const s of next)
    for (const lang of TARGET_LANGS) {
      const before = byId.get(s.id)?.targets[lang];
      if (before?.text !== s.targets[lang].text || before.status !== s.targets[lang].status)
        out.push({ segmentId: s.id, lang });
    }
  return out;
}

/**
 * The version of a cell to put back for `saved` (text and status): a version the history has, else the cell as it
 * was before a recorded change (`b` + its id: a cell opened from a project file, with no version of its own yet,
 * keeps its approval), else none (the text alone is typed back).
 */
export function versionOf(versions: readonly CellVersion[], saved: Pick<Saved, 'text' | 'status'>) {
  const same = versions.find((v) => v.text === saved.text && v.status === saved.status);
  if (same) return same.id;
  const before = versions.find((v) => v.previousText === saved.text && v.previousStatus === saved.status);
  return before ? `b${before.id}` : undefined;
}

/**
 * Esc and undo/redo with one meaning each. Esc reverts the cell to its last saved text — what it held before the
 * typing of this visit — as one undoable step, saying so with the cell's row and language. Undo and redo say
 * which cells they changed (row and language) and move the focus to the first of them.
 */
export function revertAndUndo(d: Deps) {
  const { store, queue } = d;
  const projectId = () => store.getProject()?.id ?? '';
  const say = (kind: 'info' | 'warning', code: string, params: Record<string, string | number>) =>
    d.opts().onNotice(notice(kind, { code, params }));
  let saved: Saved | null = null;
  const steps = new StepKeys();

  /** Before each keystroke: the first one of a visit to a cell remembers what the cell held on disk. */
  function typing(segmentId: string, lang: TargetLang): void {
    const key = cellKey(segmentId, lang);
    if (saved?.key === key) return;
    const cell = store.segment(segmentId)?.targets[lang];
    saved = cell ? { key, text: cell.text, status: cell.status } : null;
  }

  /** The focus moved to another cell: its typing is a new visit. */
  function moved(next: FocusRef | null): void {
    if (!next || saved?.key !== cellKey(next.segmentId, next.lang)) saved = null;
  }

  /** True when Esc has something to revert in this cell (else it leaves the text box). */
  function canRevert(segmentId: string, lang: TargetLang): boolean {
    if (saved?.key !== cellKey(segmentId, lang)) return false;
    const now = store.draft(segmentId, lang)?.text ?? store.segment(segmentId)?.targets[lang].text;
    return now !== saved.text;
  }

  /**
   * Revert: the typing is saved first (so Ctrl+Z can bring it back), then the saved version from before it is
   * restored from the cell's history (text and status), as its own step.
   */
  async function revert(segmentId: string, lang: TargetLang): Promise<void> {
    const target = saved;
    if (!target || target.key !== cellKey(segmentId, lang)) return;
    const params = { row: store.indexOf(segmentId) + 1, lang };
    if (!(await queue.flushCell(segmentId, lang))) return say('warning', 'editor:revert.notSaved', params);
    try {
      const ref = { projectId: projectId(), segmentId, lang };
      const versionId = versionOf(await api.cellHistory(ref), target);
      // Esc again after no answer is the same revert: the host answers it as done if it was.
      const segment = await d.keyed(`revert:${lang}`, segmentId, (key) =>
        versionId
          ? api.restoreCellVersion({ ...ref, versionId, key })
          : api.updateCell({ ...ref, text: target.text, origin: 'restore', key }),
      );
      store.applySegments(ref.projectId, [segment]);
      saved = null;
      say('info', 'editor:revert.done', params);
    } catch (e) {
      d.fail(e);
    }
  }

  /** Say what an undo or redo changed, and go there. */
  function report(result: UndoResult, redo: boolean, cells: ReturnType<typeof changedCells>): void {
    const verb = redo ? 'redo' : 'undo';
    if (result.origin === null) return say('info', `editor:${verb}.nothing`, {});
    const first = cells[0];
    // A change of one row itself (Keep original / Translate this row) names its row, not cells.
    const only = result.segments.length === 1 ? result.segments[0] : undefined;
    if (!first && only)
      return say('info', `editor:${verb}.row`, { row: store.indexOf(only.id) + 1, origin: result.origin });
    if (!first) return say('info', `editor:${verb}.done`, {});
    const row = store.indexOf(first.segmentId) + 1;
    if (cells.length === 1)
      say('info', `editor:${verb}.cell`, { row, lang: first.lang, origin: result.origin });
    else say('info', `editor:${verb}.cells`, { row, count: cells.length, origin: result.origin });
    const segment = store.segment(first.segmentId);
    if (segment && isReviewable(segment)) d.goTo(first.segmentId, first.lang);
  }

  async function undo(redo = false): Promise<void> {
    if (!(await queue.flush())) return;
    try {
      const before = store.getProject()?.segments ?? [];
      const id = projectId();
      const result = await steps.send(`${redo ? 'redo' : 'undo'}:${id}`, (key) =>
        redo ? api.redo(id, { key }) : api.undo(id, { key }),
      );
      const cells = changedCells(before, result.segments);
      store.applySegments(projectId(), result.segments);
      saved = null;
      report(result, redo, cells);
    } catch (e) {
      d.fail(e);
    }
  }

  return { typing, moved, canRevert, revert, undo };
}
