import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../locales/en/editor.json';
import ko from '../locales/ko/editor.json';
import vi from '../locales/vi/editor.json';
import { SHEET } from '../renderer/features/editor/keymap';
import { keymapMarkdown, withKeymap } from '../renderer/features/editor/keymap-doc';

describe('one source for the shortcuts', () => {
  it('the README table is the key map (regenerate with npm run docs:keys)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withKeymap(readme, keymapMarkdown(en.shortcuts))).toBe(readme);
  });

  it('every shortcut is described in every UI language', () => {
    for (const locale of [en, ko, vi])
      for (const s of SHEET) expect(locale.shortcuts, s.id).toHaveProperty(s.id, expect.any(String));
  });

  it('a shortcut without a description cannot be written into the README', () => {
    const { undo: _dropped, ...rest } = en.shortcuts;
    expect(() => keymapMarkdown(rest)).toThrow(/undo/);
  });
});
