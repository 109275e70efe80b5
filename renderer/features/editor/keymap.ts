/** Commands reachable from the keyboard; the shortcut sheet lists them in this order. */
export const COMMANDS = [
  'approve',
  'approveRow',
  'nextRow',
  'prevRow',
  'nextCell',
  'prevCell',
  'revert',
  'undo',
  'redo',
  'search',
  'replace',
  'concordance',
  'changes',
  'comment',
  'history',
  'cellMenu',
  'shortcuts',
] as const;
/** One keyboard command. */
export type Command = (typeof COMMANDS)[number];

/** The keys of each command as shown on the sheet (Cmd stands in for Ctrl on a Mac). */
export const KEYS: Record<Command, string> = {
  approve: 'Ctrl+Enter',
  approveRow: 'Ctrl+Shift+Enter',
  nextRow: 'Alt+↓',
  prevRow: 'Alt+↑',
  nextCell: 'Tab',
  prevCell: 'Shift+Tab',
  revert: 'Esc',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z / Ctrl+Y',
  search: 'Ctrl+F',
  replace: 'Ctrl+H',
  concordance: 'Ctrl+K',
  changes: 'Alt+D',
  comment: 'Shift+F2',
  history: 'Ctrl+Shift+H',
  cellMenu: 'Shift+F10 / ≣ Menu',
  shortcuts: '? / F1',
};

/**
 * Keys that other parts of the app handle (a memory match in the focused cell, dialogs, the desktop window), listed
 * with the grid's commands so that the one sheet below is complete.
 */
export const OTHER_KEYS = {
  takeMatch: 'Ctrl+1 / Ctrl+2 / Ctrl+3',
  closeDialog: 'Esc',
  pasteCreate: 'Ctrl+Enter',
  openFile: 'Ctrl+O',
  zoom: 'Ctrl++ / Ctrl+− / Ctrl+0',
} as const;

/** Every shortcut of the app, in the order the `?` sheet, Help and the README list them. */
export const SHEET: ReadonlyArray<{ id: Command | keyof typeof OTHER_KEYS; keys: string }> = [
  ...COMMANDS.map((id) => ({ id, keys: KEYS[id] })),
  ...Object.entries(OTHER_KEYS).map(([id, keys]) => ({ id: id as keyof typeof OTHER_KEYS, keys })),
];

/** The subset of a keyboard event the key map reads (React's and the DOM's both fit). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The command of a key press, or null. `inEditor` is true in the cell's text box, where plain keys type and
 * Ctrl+Z undoes typing natively (the grid's undo takes over only once the cell has nothing unsaved).
 */
export function commandOf(e: KeyInput, inEditor: boolean): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && key === 'Enter') return e.shiftKey ? 'approveRow' : 'approve';
  if (e.altKey && !mod && key === 'ArrowDown') return 'nextRow';
  if (e.altKey && !mod && key === 'ArrowUp') return 'prevRow';
  if (e.altKey && !mod && (key === 'd' || e.key === '∂')) return 'changes';
  if (inEditor && key === 'Tab' && !mod && !e.altKey) return e.shiftKey ? 'prevCell' : 'nextCell';
  if (key === 'Escape') return 'revert';
  if (mod && !e.altKey && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && !e.altKey && key === 'y') return 'redo';
  if (mod && !e.altKey && key === 'f') return 'search';
  if (mod && !e.altKey && key === 'h') return e.shiftKey ? 'history' : 'replace';
  if (mod && !e.altKey && !e.shiftKey && key === 'k') return 'concordance';
  if (key === 'F2' && e.shiftKey) return 'comment';
  if (inEditor && ((key === 'F10' && e.shiftKey && !mod) || key === 'ContextMenu')) return 'cellMenu';
  if (key === 'F1' || (!inEditor && !mod && e.key === '?')) return 'shortcuts';
  return null;
}
