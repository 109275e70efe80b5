import type { ApiError } from '../../../electron/contract';
import { REFUSED_FOR_GOOD } from './save-types';

/**
 * What a failed save does next: `own` — the stored text is this page's own (a save whose answer was lost when the
 * host went away, or the journal's typing another tab sent after a new sign-in), so it is saved again over the
 * revision stored now; `ask` — a real conflict, the person chooses; `refused` — asking again would get the same
 * answer; `retry` — later, with back-off.
 */
export type FailureStep = 'own' | 'ask' | 'refused' | 'retry';

export function failureStep(f: {
  error: ApiError;
  /** The cell's text as typed now, and the text the conflict says is stored, at revision `theirsRev`. */
  mine: string;
  theirs: string;
  theirsRev: number;
  baseRev: number | undefined;
  /** Texts this page already sent for the cell's typing. */
  sent: readonly string[];
  canAsk: boolean;
}): FailureStep {
  const conflict = f.error.code === 'cell.conflict';
  if (conflict && f.theirsRev !== f.baseRev && (f.theirs === f.mine || f.sent.includes(f.theirs)))
    return 'own';
  if (conflict && f.canAsk) return 'ask';
  return REFUSED_FOR_GOOD.has(f.error.code) ? 'refused' : 'retry';
}
