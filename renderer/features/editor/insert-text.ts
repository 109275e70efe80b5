/** The longest selection taken over as a search phrase. */
const MAX_PHRASE = 200;

/** The text selected where the focus is (a cell's text box, or the page: the Korean column), for a search. */
export function selectedText(): string {
  const el = document.activeElement;
  const text =
    el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
      ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)
      : (window.getSelection()?.toString() ?? '');
  return text.replace(/\s+/gu, ' ').trim().slice(0, MAX_PHRASE);
}

/**
 * Type `text` into the focused cell of language `lang` at its cursor (replacing a selection), as if typed: the
 * cell's own change handling saves it and Ctrl+Z takes it back. False when no editable cell of that language has
 * the focus.
 */
export function insertIntoFocusedCell(text: string, lang: string): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLTextAreaElement) || !el.classList.contains('cell-editor')) return false;
  if (el.lang !== lang || el.readOnly) return false;
  // execCommand keeps the browser's own undo and fires the input event React listens to; setRangeText would not.
  return document.execCommand('insertText', false, text);
}
