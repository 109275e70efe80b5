import { expect, type Locator, type Page } from '@playwright/test';

/** The Checks panel (renderer/features/qa/QaPanel.tsx), found by test id and role (English UI names). */
export class QaPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('qa-panel');
  }

  /** Open it from the header and wait for it. */
  static async open(page: Page): Promise<QaPanel> {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const panel = new QaPanel(page);
    await expect(panel.root).toBeVisible();
    return panel;
  }

  items(text?: string | RegExp): Locator {
    const all = this.root.getByTestId('qa-item');
    return text === undefined ? all : all.filter({ hasText: text });
  }

  async markNotAnError(item: Locator, reason: string): Promise<void> {
    await item.getByRole('button', { name: 'Not an error…' }).click();
    await item.getByTestId('qa-reason').fill(reason);
    await item.getByRole('button', { name: 'Mark as not an error' }).click();
  }

  filterLanguage(value: 'all' | 'vi' | 'en' | 'both'): Promise<string[]> {
    return this.root.getByTestId('qa-filter-lang').selectOption(value);
  }

  showDismissed(): Promise<void> {
    return this.root.getByLabel('Show findings marked “not an error”').check();
  }
}
