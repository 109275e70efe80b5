import { expect, type Locator, type Page } from '@playwright/test';

type Lang = 'vi' | 'en';
// Column names are the languages' own names in every UI language.
const LANG_NAME: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

/** The review screen, found by role, label and test id. */
export class ReviewPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.rows().first()).toBeVisible();
  }

  rows(): Locator {
    return this.page.locator('[data-testid^="row-"]');
  }

  /** The target textarea of a row (1-based), whatever the UI language. */
  cell(lang: Lang, row: number): Locator {
    return this.rows()
      .nth(row - 1)
      .locator(`[data-testid^="cell-${lang}-"]`);
  }

  /** The same textarea found by its accessible name, as a screen reader announces it in the English UI. */
  cellByLabel(lang: Lang, row: number): Locator {
    return this.page.getByRole('textbox', {
      name: `${LANG_NAME[lang]} translation, row ${row}`,
      exact: true,
    });
  }

  status(lang: Lang, row: number): Locator {
    return this.rows()
      .nth(row - 1)
      .locator(`[data-testid^="status-${lang}-"]`);
  }

  /** Row numbers of the rows of a kind (e.g. every paragraph). */
  async rowsOfKind(kind: string): Promise<number[]> {
    const classes = await this.rows().evaluateAll((els) => els.map((e) => e.className));
    return classes.flatMap((c, i) => (c.split(' ').includes(`kind-${kind}`) ? [i + 1] : []));
  }

  progress(lang: Lang): Locator {
    return this.page.getByTestId(`progress-${lang}`);
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async openExport(): Promise<ExportDialog> {
    await this.page
      .getByRole('button', { name: /^Export/ })
      .first()
      .click();
    const dialog = new ExportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

/** The export dialog. */
export class ExportDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog');
  }

  preview(): Locator {
    return this.root.getByTestId('export-preview');
  }

  async choose(format: string, lang?: string): Promise<void> {
    await this.root.getByLabel('Format').selectOption(format);
    if (lang) await this.root.getByLabel('Language').selectOption(lang);
  }

  /** Export and return the downloaded file's text. */
  async exportText(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.root.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
