import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Run axe on the page (or one dialog) and fail on any serious or critical violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page, include?: string): Promise<void> {
  // A scan walks the whole DOM in the page: on a busy machine it can take most of a minute. Give the test that
  // much more time for it rather than let the scan eat the test's own budget.
  test.info().setTimeout(test.info().timeout + 60_000);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(serious, serious.join('\n')).toEqual([]);
}
