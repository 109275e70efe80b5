import type { TargetLang } from '../../../electron/contract';
import type { Notice } from '../../components/notices';
import type { Command } from './keymap';

// The editor's own types, below its hook and the modules the hook is built from.

/** The focused cell. */
export interface FocusRef {
  segmentId: string;
  lang: TargetLang;
}

/** Commands the editor hands to the app (they open dialogs or fields the app owns). */
export type AppCommand = Extract<Command, 'search' | 'replace' | 'concordance' | 'shortcuts'>;

/** What the app needs from the editor. */
export interface EditorOptions {
  onNotice(n: Notice): void;
  onCommand(command: AppCommand): void;
  onComment(ref: FocusRef): void;
  /** Show the focused cell's actions as a menu (Shift+F10 or the Menu key in the cell). */
  onCellMenu?(ref: FocusRef): void;
  /** Show the history of a cell (Ctrl+Shift+H or its History button). */
  onHistory?(ref: FocusRef): void;
  retry(segmentId: string, lang: TargetLang): void;
  qaRows: ReadonlySet<string>;
  /**
   * Asked before cells of a row are approved (one, or both languages with Ctrl+Shift+Enter; e.g. they have open QA
   * errors): `true` to go on at once, or a promise of the reviewer's one answer for all of them. Kept synchronous
   * when there is nothing to ask, so Ctrl+Enter moves on without a wait.
   */
  beforeApprove?(segmentId: string, langs: readonly TargetLang[]): boolean | Promise<boolean>;
  /** Asked before a machine suggestion replaces text the reviewer edited or approved. */
  confirmSuggestion?(segmentId: string, lang: TargetLang): Promise<boolean>;
}
