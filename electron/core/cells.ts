import type { ApiHandlers } from '../contract';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';

type CellHandlers = Pick<
  ApiHandlers,
  'updateCell' | 'approveCell' | 'unapproveCell' | 'acceptSuggestion' | 'setComment'
>;

/** The reviewer's work on one target cell: typing, approval, suggestions, comments. */
export function cellHandlers(ctx: CoreContext): CellHandlers {
  const { changeCell, iso, settings } = ctx;
  return {
    updateCell: (edit) =>
      changeCell(edit, (cell) =>
        // NFC on the way in: text typed through an IME or pasted from a Mac may arrive decomposed.
        cells.applyReviewerText(cell, edit.text.normalize('NFC'), iso(), edit.elapsedMs),
      ),

    approveCell: (ref) => changeCell(ref, (cell) => cells.approve(cell, iso(), settings.view().reviewerName)),

    unapproveCell: (ref) => changeCell(ref, (cell) => cells.unapprove(cell, iso())),

    acceptSuggestion: (ref) => changeCell(ref, (cell) => cells.acceptSuggestion(cell, iso())),

    setComment: (ref) =>
      changeCell(ref, (cell) => ({ ...cell, comment: ref.comment.trim() || undefined, updatedAt: iso() })),
  };
}
