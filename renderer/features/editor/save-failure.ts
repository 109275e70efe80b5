import type { ApiError, TargetCell } from '../../../electron/contract';
import { REFUSED_FOR_GOOD } from './save-types';

/**
 * What a failed save does next: `own` — the stored text is this page's own (a save whose answer was lost when the
 * host went away, or the journal's typing another tab sent after a new sign-in), so it is saved again over the
 * revision stored now; `ask` — a real conflict, the person chooses; `refused` — asking again would get the same
 * answer; `retry` — later, with back-off.
 */
export type FailureStep = 'own' | 'ask' | 'refused' | 'retry';

/**
 * Whether a conflict's stored cell still holds the text and status the typing started from (`base`): its revision
 * moved on by a change of something else (a colleague's comment, a machine suggestion), which the typing does not
 * overwrite, so it is saved again over the revision stored now instead of asking.
 */
/** A typing base at a stored cell: its revision, text and status. */
export const baseOf = (cell: TargetCell) => ({ rev: cell.rev ?? 0, text: cell.text, status: cell.status });

export function sameAsBase(error: ApiError, base: { text?: string; status?: string } | undefined): boolean {
  const p = error.params ?? {};
  return base?.text !== undefined && p.text === base.text && p.status === base.status;
}

export function failureStep(f: {
  error: ApiError;
  /** The cell's text as typed now, and the text the conflict says is stored, at revision `theirsRev`. */
  mine: string;
  theirs: string;
  theirsRev: number;
  baseRev: number | undefined;
  /** Texts this page already sent for the cell's typing (else the base's). */
  sent?: readonly string[];
  canAsk: boolean;
  /** The cell's text and status at `baseRev`, when known (see {@link sameAsBase}). */
  base?: { text?: string; status?: string; sent?: readonly string[] };
}): FailureStep {
  const conflict = f.error.code === 'cell.conflict';
  const sent = f.sent ?? f.base?.sent ?? [];
  const own = f.theirs === f.mine || sent.includes(f.theirs) || sameAsBase(f.error, f.base);
  if (conflict && f.theirsRev !== f.baseRev && own) return 'own';
  if (conflict && f.canAsk) return 'ask';
  return REFUSED_FOR_GOOD.has(f.error.code) ? 'refused' : 'retry';
}
