import type { QaFinding } from '../../../common/qa';
import type { TargetLang } from '../../../electron/contract';

// Where a finding shows in the grid. A cross-language finding the checker can place (a value one translation has
// and neither the Korean nor the other one does) carries that cell's language; one it cannot place (a name written
// two ways: which is right?) is about the row, and shows once, under the Korean, not in both cells.

/** The findings a target cell shows: those of its own language. */
export const cellPart = (found: readonly QaFinding[], lang: TargetLang): QaFinding[] =>
  found.filter((f) => f.lang === lang);

/** The findings the row shows under the Korean: those about both translations that neither cell owns. */
export const rowPart = (found: readonly QaFinding[]): QaFinding[] => found.filter((f) => f.lang === 'both');
