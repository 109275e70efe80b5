// `npm run docs:keys`: write the README's shortcut table from the key map (renderer/features/editor/keymap.ts) and
// the English descriptions. A unit test fails while the README differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import en from '../locales/en/editor.json' with { type: 'json' };
import { keymapMarkdown, withKeymap } from '../renderer/features/editor/keymap-doc';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withKeymap(before, keymapMarkdown(en.shortcuts));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README shortcut table is up to date' : 'README shortcut table written');
