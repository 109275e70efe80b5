/**
 * Sequences the integrity soak found (bench/integrity-defects.md), each shortened to the steps that matter: the
 * model-based test runs them before its random ones, so each defect stays fixed.
 */
import type { TargetLang } from '../../electron/contract';
import type { Op } from './integrity-ops';

const t = (who: number, row: number, lang: TargetLang, text: string, ms: number): Op => ({
  kind: 'type',
  who,
  row,
  lang,
  text,
  ms,
});
const undo = (who: number, ms: number): Op => ({ kind: 'undo', who, ms });

export const found: Op[][] = [
  // Soak seed 500044: a burst back where it started was never marked undone, so every later Undo repeated it.
  [
    t(0, 0, 'vi', '', 4000),
    { kind: 'approve', who: 0, row: 0, lang: 'vi', ms: 4000 },
    t(0, 0, 'vi', 'Seoul ký', 0),
    t(0, 0, 'vi', '', 0),
    undo(0, 4000),
    undo(0, 0),
  ],
  // Soak seed 400028: the same, for a person with nothing else to undo (Undo kept answering "typing").
  [t(0, 2, 'vi', '', 4000), t(1, 2, 'vi', 'Seoul ký', 4000), t(1, 2, 'vi', '', 0), undo(1, 0), undo(1, 4000)],
  // A burst went on over someone else's typing in its cell: its undo took their text with it.
  [t(0, 1, 'en', 'Hà Nội', 4000), t(1, 1, 'en', 'Seoul signed', 500), t(0, 1, 'en', 'MT', 500), undo(0, 500)],
  // A burst's undo put back the row's other language, changed by someone else between two of its keystrokes.
  [
    t(0, 0, 'vi', 'Hà Nội', 4000),
    t(1, 0, 'en', 'Seoul signed', 500),
    t(0, 0, 'vi', 'Seoul ký', 500),
    undo(0, 500),
  ],
  // Soak seed 1100000 (path 7): Minh's redo refused as a conflict because Lan had approved the cell again (the
  // same text, approved by her again: by value, as Minh's undo left it; only the approval's time differed).
  [
    { kind: 'approveRow', who: 0, row: 1, ms: 59986 },
    t(1, 1, 'vi', 'Seoul ký', 6890),
    undo(1, 4007),
    undo(0, 9),
    { kind: 'approve', who: 0, row: 1, lang: 'vi', ms: 7 },
    { kind: 'redo', who: 1, ms: 2202 },
  ],
];
