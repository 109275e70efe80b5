import type { ApiHandlers } from '../contract';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';
import { rememberApproval } from './tm';

type CellHandlers = Pick<
  ApiHandlers,
  'updateCell' | 'approveCell' | 'unapproveCell' | 'acceptSuggestion' | 'setComment'
>;

/** The reviewer's work on one target cell: typing, approval, suggestions, comments. */
export function cellHandlers(ctx: CoreContext): CellHandlers {
  const { changeCell, iso, settings } = ctx;
  return {
    updateCell: (edit) =>
      changeCell(edit, (cell) => cells.applyReviewerText(cell, edit.text, iso(), edit.elapsedMs)),

    approveCell: async (ref) =>
      rememberApproval(
        ctx,
        ref,
        await changeCell(ref, (cell) => cells.approve(cell, iso(), settings.view().reviewerName)),
      ),

    unapproveCell: (ref) => changeCell(ref, (cell) => cells.unapprove(cell, iso())),

    acceptSuggestion: (ref) => changeCell(ref, (cell) => cells.acceptSuggestion(cell, iso())),

    setComment: (ref) =>
      changeCell(ref, (cell) => ({ ...cell, comment: ref.comment.trim() || undefined, updatedAt: iso() })),
  };
}
