import type { ApiHandlers } from '../contract';
import * as cells from '../services/project/cells';
import type { CoreContext } from './context';
import { rememberApproval, rememberApproved } from './tm';

type CellHandlers = Pick<
  ApiHandlers,
  'updateCell' | 'approveCell' | 'approveRow' | 'unapproveCell' | 'acceptSuggestion' | 'setComment'
>;

/** The sender's key of a change, as an option of it (none: the change is applied as it comes). */
const keyOf = (req: { key?: string }): { key?: string } => (req.key ? { key: req.key } : {});

/** The reviewer's work on one target cell: typing, approval, suggestions, comments. */
export function cellHandlers(ctx: CoreContext): CellHandlers {
  const { changeCell, iso, actor } = ctx;
  return {
    updateCell: (edit) =>
      changeCell(
        edit,
        // NFC on the way in: text typed through an IME or pasted from a Mac may arrive decomposed.
        (cell) => cells.applyReviewerText(cell, edit.text.normalize('NFC'), iso(), edit.elapsedMs),
        {
          origin: edit.origin ?? 'typing',
          ...(edit.sender ? { sender: edit.sender } : {}),
          ...(edit.baseRev !== undefined ? { baseRev: edit.baseRev, text: edit.text.normalize('NFC') } : {}),
          ...(edit.key ? { key: edit.key } : {}),
        },
      ),

    approveCell: async (ref) =>
      rememberApproval(
        ctx,
        ref,
        await changeCell(ref, (cell) => cells.approve(cell, iso(), actor().name), {
          origin: 'approval',
          ...keyOf(ref),
        }),
      ),

    // Both languages of a row, or neither: one change, one undo step (an empty language refuses the row).
    approveRow: async (req) => {
      const segment = await ctx.changeCells(
        req,
        req.langs,
        (cell) => cells.approve(cell, iso(), actor().name),
        { origin: 'approval', ...keyOf(req) },
      );
      for (const lang of new Set(req.langs)) await rememberApproved(ctx, req.projectId, lang, [segment.id]);
      return segment;
    },

    unapproveCell: (ref) =>
      changeCell(ref, (cell) => cells.unapprove(cell, iso()), { origin: 'unapproval', ...keyOf(ref) }),

    acceptSuggestion: (ref) =>
      changeCell(ref, (cell) => cells.acceptSuggestion(cell, iso()), { origin: 'suggestion', ...keyOf(ref) }),

    setComment: (ref) =>
      changeCell(ref, (cell) => cells.applyComment(cell, ref.comment, actor().name, iso()), {
        origin: 'comment',
        ...keyOf(ref),
      }),
  };
}
