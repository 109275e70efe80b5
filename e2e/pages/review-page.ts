import { expect, type Locator, type Page } from '@playwright/test';
import { ExportDialog } from './export-dialog';
import { SettingsDialog } from './settings-dialog';

/** Header commands that live in a menu, and the menu's name. */
const MENU_OF: Record<string, string> = {
  'Open…': 'Article',
  'Paste…': 'Article',
  'Open revised version…': 'Article',
  Projects: 'Article',
  'Close project': 'Article',
  Translate: 'Machine',
  'New suggestions': 'Machine',
  'English (US)': 'Machine',
  'English (UK)': 'Machine',
};

/**
 * A header command by its English name: a tool bar button, or an item of the Article or Machine menu (the menu is
 * opened first).
 */
export async function headerCommand(page: Page, name: string): Promise<Locator> {
  const menu = MENU_OF[name];
  if (!menu) return page.getByRole('toolbar').getByRole('button', { name, exact: true });
  const list = page.getByRole('menu', { name: menu });
  if (!(await list.isVisible())) await page.getByRole('button', { name: menu, exact: true }).click();
  return list.getByRole(name.startsWith('English') ? 'menuitemradio' : 'menuitem', { name, exact: true });
}

/** Click a header command (see {@link headerCommand}). */
export async function runCommand(page: Page, name: string): Promise<void> {
  await (await headerCommand(page, name)).click();
}

/** A target language of the grid. */
export type Lang = 'vi' | 'en';
const LANG_NAME: Record<Lang, string> = { vi: 'Vietnamese', en: 'English' };

/** The review screen, found by role, label and test id (names are the English UI's). */
export class ReviewPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** Load the app and wait for the grid. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.rows().first()).toBeVisible();
  }

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  rows(): Locator {
    return this.page.locator('[data-testid^="row-"]');
  }

  /** "N of M rows" above the grid (the grid itself holds only the rows near the viewport). */
  rowCount(): Locator {
    return this.page.getByTestId('filter-count');
  }

  /** The scrolling grid. */
  grid(): Locator {
    return this.page.getByTestId('grid');
  }

  /** Scroll the grid to its last row (again after rows were measured, as heights settle). */
  async scrollToEnd(): Promise<void> {
    await expect
      .poll(() =>
        this.grid().evaluate((el) => {
          el.scrollTop = el.scrollHeight;
          return el.scrollHeight - el.scrollTop - el.clientHeight;
        }),
      )
      .toBeLessThanOrEqual(1);
  }

  /** Scroll the grid back to its first row. */
  async scrollToTop(): Promise<void> {
    await this.grid().evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(this.row(1)).toBeVisible();
  }

  /** A row by its article row number (1-based); it must be near the viewport (see {@link scrollToTop}). */
  row(row: number): Locator {
    return this.page.locator(`[data-testid^="row-"][aria-rowindex="${row + 1}"]`);
  }

  /**
   * A target cell of a row (1-based), whatever the UI language: its text when not focused, the one live editor
   * (a textarea with the same test id) when it is.
   */
  cell(lang: Lang, row: number): Locator {
    return this.row(row).locator(`[data-testid^="cell-${lang}-"]`);
  }

  /** The text of a cell, from the editor when it is open, else from the shown text. */
  async value(lang: Lang, row: number): Promise<string> {
    return this.cell(lang, row).evaluate((el) =>
      'value' in el && typeof el.value === 'string' ? el.value : (el.getAttribute('data-value') ?? ''),
    );
  }

  /** Wait until a cell's text is (or, with `positive` false, is no longer) `expected`. */
  async expectValue(lang: Lang, row: number, positive: boolean, expected: string | RegExp): Promise<void> {
    const poll = expect.poll(() => this.value(lang, row), { timeout: 15_000 });
    const matcher = positive ? poll : poll.not;
    if (typeof expected === 'string') await matcher.toBe(expected);
    else await matcher.toMatch(expected);
  }

  /** Open a cell's editor (as a click or Tab would) and wait for it to have the focus. */
  async focus(lang: Lang, row: number): Promise<void> {
    const cell = this.cell(lang, row);
    // As a person would click again: on a loaded machine a dialog closing late (it hands the focus back to what
    // opened it) can take the first focus away. That the editor opens and keeps the focus is editor.spec's test.
    await expect(async () => {
      await cell.focus();
      await expect(cell).toBeFocused({ timeout: 2000 });
      await expect(cell).toHaveJSProperty('tagName', 'TEXTAREA', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Replace a cell's text as a reviewer would. */
  async fill(lang: Lang, row: number, text: string): Promise<void> {
    await this.focus(lang, row);
    await this.cell(lang, row).fill(text);
  }

  /** Press a key in a cell's editor. */
  async press(lang: Lang, row: number, key: string): Promise<void> {
    await this.focus(lang, row);
    await this.cell(lang, row).press(key);
  }

  /** The same textarea found by its accessible name, as a screen reader announces it in the English UI. */
  cellByLabel(lang: Lang, row: number): Locator {
    return this.page.getByRole('textbox', {
      name: `${LANG_NAME[lang]} translation, row ${row}`,
      exact: true,
    });
  }

  status(lang: Lang, row: number): Locator {
    return this.row(row).locator(`[data-testid^="status-${lang}-"]`);
  }

  approveButton(lang: Lang, row: number): Locator {
    return this.page.getByRole('button', {
      name: `Approve ${LANG_NAME[lang]} translation, row ${row}`,
      exact: true,
    });
  }

  /** Row numbers of the rows of a kind (e.g. every paragraph). */
  async rowsOfKind(kind: string): Promise<number[]> {
    const classes = await this.rows().evaluateAll((els) => els.map((e) => e.className));
    return classes.flatMap((c, i) => (c.split(' ').includes(`kind-${kind}`) ? [i + 1] : []));
  }

  /** Approve every open cell of a language with Ctrl+Enter (approve and go to the next open cell). */
  async approveAll(lang: Lang): Promise<void> {
    const progress = this.progress(lang);
    await this.focus(lang, 1);
    for (let i = 0; i < 60; i++) {
      const before = await progress.textContent();
      const [done, total] = (before ?? '').match(/\d+/g)!.map(Number);
      if (done === total) return;
      await this.page.keyboard.press('Control+Enter');
      // The press takes effect: one more approved, or a cell with an open check finding asks first.
      const ask = this.confirmDialog();
      const moved = async () => (await progress.textContent()) !== before;
      await expect.poll(async () => (await moved()) || (await ask.isVisible())).toBe(true);
      if (!(await moved())) {
        // The reviewer has read the finding.
        await ask.getByRole('button', { name: 'Approve anyway' }).click();
        await expect.poll(moved).toBe(true);
      }
    }
    throw new Error(`${lang}: not everything approved: ${await progress.textContent()}`);
  }

  /** "approved / total" of a language in the header. */
  progress(lang: Lang): Locator {
    return this.page.getByTestId(`progress-${lang}`);
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  noKeyBanner(): Locator {
    return this.page.getByTestId('no-key-banner');
  }

  /** The machine-translation progress bar (while a run goes on). */
  mtProgress(): Locator {
    return this.page.getByTestId('mt-progress');
  }

  /** The summary of the last machine-translation run. */
  mtSummary(): Locator {
    return this.page.getByTestId('mt-summary');
  }

  /** The in-app yes/no question (e.g. "does not look like Korean"). */
  confirmDialog(): Locator {
    return this.page.getByRole('alertdialog');
  }

  /** Switch the interface language with the header's switcher (works from any UI language). */
  /**
   * A header command by its English name: a button, or an item of the Article or Machine menu (the menu is
   * opened first). Use it to click, or to assert an item's state.
   */
  command(name: string): Promise<Locator> {
    return headerCommand(this.page, name);
  }

  /** Click a header command (see {@link command}). */
  async run(name: string): Promise<void> {
    await runCommand(this.page, name);
  }

  async setUiLanguage(lng: 'en' | 'ko' | 'vi'): Promise<void> {
    await this.page.getByRole('toolbar').getByRole('combobox').selectOption(lng);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lng);
  }

  async openExport(): Promise<ExportDialog> {
    await this.page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = new ExportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Export one file (format, and language where it has one) from the export dialog, then close it. */
  async exportFile(format: string, lang?: 'vi' | 'en'): Promise<{ name: string; text: string }> {
    const dialog = await this.openExport();
    await dialog.choose(format, lang);
    const file = await dialog.exportText();
    await dialog.close();
    return file;
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = new SettingsDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
