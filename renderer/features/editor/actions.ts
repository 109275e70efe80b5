import type { KeyboardEvent } from 'react';
import type { TargetLang } from '../../../electron/contract';

/** What a row asks of the editor controller (one object for the whole grid, so rows stay memoized). */
export interface EditorActions {
  /**
   * Start editing a cell: `open` for a click, Enter or F2; `focus` when focus arrives by Tab (ignored once right
   * after Esc parked the focus on this cell, so Esc really leaves the editor).
   */
  focusCell(segmentId: string, lang: TargetLang, how?: 'focus' | 'open'): void;
  /** The reviewer typed; `elapsedMs` is active time since the last call. */
  type(segmentId: string, lang: TargetLang, text: string, elapsedMs: number): void;
  /** Keys of the focused editor (approve, move, revert, undo…). */
  keyDown(e: KeyboardEvent<HTMLTextAreaElement>, segmentId: string, lang: TargetLang): void;
  /** The editor lost focus: save now. */
  blur(segmentId: string, lang: TargetLang): void;
  approve(segmentId: string, lang: TargetLang): void;
  unapprove(segmentId: string, lang: TargetLang): void;
  useSuggestion(segmentId: string, lang: TargetLang): void;
  retry(segmentId: string, lang: TargetLang): void;
  comment(segmentId: string, lang: TargetLang): void;
  /** Show the cell's recorded versions (restore one). */
  history(segmentId: string, lang: TargetLang): void;
  toggleDiff(segmentId: string): void;
  toggleTranslate(segmentId: string): void;
}
