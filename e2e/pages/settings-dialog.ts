import { expect, type Locator, type Page } from '@playwright/test';

/** The settings dialog (English UI names). */
export class SettingsDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('settings-dialog');
  }

  /** Where the DeepL key comes from: "from the environment", "saved" or "not set". */
  keySource(): Locator {
    return this.root.getByTestId('key-source');
  }

  /** The write-only key field (absent in browser mode, where keys come from the environment). */
  keyInput(): Locator {
    return this.root.getByLabel('DeepL key', { exact: true });
  }

  serverUrl(): Locator {
    return this.root.getByLabel('DeepL-compatible server');
  }

  englishVariant(): Locator {
    return this.root.getByLabel('English variant');
  }

  reviewerName(): Locator {
    return this.root.getByLabel('Reviewer name');
  }

  paragraphContext(): Locator {
    return this.root.getByRole('checkbox', { name: 'Send neighbouring paragraphs as context' });
  }

  uiLanguage(): Locator {
    return this.root.getByLabel('Interface language');
  }

  /** Settings › Desk: work on a team desk instead of this computer. */
  desk(): Locator {
    return this.root.getByTestId('desk-settings');
  }

  /** Fill in Settings › Desk and sign in; the app then starts over on the desk. */
  async connectDesk(address: string, name: string, password: string): Promise<void> {
    const desk = this.desk();
    await desk.getByLabel('Desk address').fill(address);
    await desk.getByLabel('User name').fill(name);
    await desk.getByLabel('Password').fill(password);
    await desk.getByRole('button', { name: 'Sign in and work on the desk' }).click();
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.root).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.root).toBeHidden();
  }
}
