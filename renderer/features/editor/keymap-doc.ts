import { SHEET } from './keymap';

/** Where the README's shortcut table starts and ends (written by `npm run docs:keys`, checked by a test). */
export const README_MARKS = ['<!-- keymap:start -->', '<!-- keymap:end -->'] as const;

/** The shortcut table as Markdown, from the key map and the English descriptions (`editor:shortcuts.*`). */
export function keymapMarkdown(describe: Record<string, string>): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const rows = SHEET.map((s) => {
    const what = describe[s.id];
    if (!what) throw new Error(`no description for the shortcut "${s.id}"`);
    return `| ${s.keys
      .split(' / ')
      .map((k) => `<kbd>${cell(k)}</kbd>`)
      .join(' / ')} | ${cell(what)} |`;
  });
  return ['| Keys (⌘ for Ctrl on a Mac) | What it does |', '| --- | --- |', ...rows].join('\n');
}

/** `readme` with its shortcut table replaced by `table`. */
export function withKeymap(readme: string, table: string): string {
  const [start, end] = README_MARKS;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README has no ${start} … ${end} section`);
  return `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`;
}
