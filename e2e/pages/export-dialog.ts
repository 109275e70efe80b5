import { expect, type Locator, type Page } from '@playwright/test';

/** The export dialog: format, language, policy, the approval preview, and the file. */
export class ExportDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('export-dialog');
  }

  /** Counts and gaps, shown before anything is exported. */
  preview(): Locator {
    return this.root.getByTestId('export-preview');
  }

  /** The row-number buttons listed as not approved. */
  gaps(lang: 'vi' | 'en'): Locator {
    return this.root.getByTestId(`export-preview-${lang}`).getByRole('button');
  }

  async choose(format: string, lang?: 'vi' | 'en'): Promise<void> {
    await this.root.getByLabel('Format').selectOption(format);
    if (lang) await this.root.getByLabel('Language', { exact: true }).selectOption(lang);
    await expect(this.preview()).not.toContainText('Counting');
  }

  async includeUnapproved(include: boolean): Promise<void> {
    await this.root.getByRole('radio', { name: include ? /Include them/ : /Leave them out/ }).check();
  }

  /** Export (a download in browser mode) and return the file's name and text; checks the dialog names it. */
  async exportText(): Promise<{ name: string; text: string }> {
    const { name, data } = await this.exportBytes();
    return { name, text: data.toString('utf8') };
  }

  /** Segment TMX / the OmegaT package's memory by sentence. */
  async bySentence(on: boolean): Promise<void> {
    await this.root.getByTestId('by-sentence').setChecked(on);
  }

  /** Export and return the file's name and bytes (for zip packages). */
  async exportBytes(): Promise<{ name: string; data: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.root.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const name = file.suggestedFilename();
    await expect(this.root.getByTestId('export-result')).toContainText(name);
    return { name, data: Buffer.concat(chunks) };
  }

  /** Bring an XLIFF file back (as if chosen in the file picker); its preview or refusal follows. */
  async importXliff(name: string, text: string): Promise<void> {
    await this.page.getByTestId('xliff-input').setInputFiles({
      name,
      mimeType: 'application/xliff+xml',
      buffer: Buffer.from(text),
    });
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.root).toBeHidden();
  }
}
