// Undo and redo, replace-all and the trash as a reviewer uses them: what one undo step is (typing into one cell
// from one tab, a command on its own), what it says, and what is stored afterwards (read back after a reload).
import { expect, test } from './fixtures';
import { ReviewPage, runCommand } from './pages/review-page';

test('undo and redo across cells: approval, typing, suggestion', async ({ review, page }) => {
  await review.open();
  await expect(review.status('vi', 1)).toHaveText('Machine');
  const machine = await review.value('vi', 2);
  await review.press('vi', 1, 'Control+Enter');
  await expect(review.status('vi', 1)).toHaveText('Approved');
  await review.fill('vi', 2, 'Bản dịch của người duyệt');
  await expect(review.status('vi', 2)).toHaveText('Edited');
  // Saved: Ctrl+Z in the cell is the grid's undo (only unsaved typing is the text box's own).
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');

  await page.keyboard.press('Control+z');
  // Undo says what it undid: the row and the language (information fades after a few seconds: checked first).
  await expect(page.getByRole('status').filter({ hasText: 'Row 2, Vietnamese: undone' })).toBeVisible();
  await review.expectValue('vi', 2, true, machine);
  await expect(review.status('vi', 2)).toHaveText('Machine');
  await page.keyboard.press('Control+z');
  await expect(review.status('vi', 1)).not.toHaveText('Approved');
  await page.keyboard.press('Control+Shift+z');
  await expect(review.status('vi', 1)).toHaveText('Approved');
  await page.keyboard.press('Control+y');
  await review.expectValue('vi', 2, true, 'Bản dịch của người duyệt');
  await page.reload();
  await review.expectValue('vi', 2, true, 'Bản dịch của người duyệt');
});

test("Ctrl+Z right after opening leaves the machine pre-fill: it is not the reviewer's step", async ({
  review,
  page,
}) => {
  await review.open();
  await expect(review.status('vi', 2)).toHaveText('Machine');
  const machine = [await review.value('vi', 2), await review.value('en', 2)];
  expect(machine[0]).not.toBe('');
  await review.cell('vi', 2).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to undo.' })).toBeVisible();
  // After an edit, Ctrl+Z takes back the edit, then nothing: the machine text is never wiped.
  await review.fill('vi', 2, 'Bản dịch của người duyệt');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Row 2, Vietnamese: undone' })).toBeVisible();
  await review.expectValue('vi', 2, true, machine[0]!);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to undo.' })).toBeVisible();
  await page.reload();
  await review.expectValue('vi', 2, true, machine[0]!);
  await review.expectValue('en', 2, true, machine[1]!);
  await expect(review.status('vi', 2)).toHaveText('Machine');
});

test('replace all in one language leaves approved cells alone and is undone in one step', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  await review.press('en', 1, 'Control+Enter');
  await expect(review.status('en', 1)).toHaveText('Approved');
  await page.keyboard.press('Control+h');
  const dialog = page.getByTestId('replace-dialog');
  await dialog.getByLabel('In the translation').selectOption('en');
  await dialog.getByLabel('Find', { exact: true }).fill('Oh Se-hoon');
  await dialog.getByLabel('Replace with').fill('OH Se-hoon');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (decodeURIComponent(new URL(r.url()).pathname) === '/api/cell:replaceAll')
      sent.push(r.postData() ?? '');
  });
  await dialog.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'approved cells left' })).toContainText(
    '1 approved',
  );
  // With its key: sent again after no answer, the host answers it as done instead of replacing again.
  expect((JSON.parse(sent[0]!) as Array<{ key?: string }>)[0]!.key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  await review.expectValue('en', 1, true, /Oh Se-hoon/); // approved: untouched
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
});

test('projects: rename, move to the trash, one entry per article', async ({ review, page }) => {
  await review.open();
  await runCommand(page, 'Projects');
  const list = page.getByTestId('projects-dialog');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const name = (await review.title().textContent()) ?? '';
  await list.getByRole('button', { name: `Rename: ${name}` }).click();
  await list.getByLabel(`New name for ${name}`).fill('Seoul – Vietnam mobility');
  await list.getByRole('button', { name: 'Save' }).click();
  await expect(review.title()).toHaveText('Seoul – Vietnam mobility');
  await list.getByRole('button', { name: 'Move to trash: Seoul – Vietnam mobility' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'moved to the trash' })).toBeVisible();
});

test("the same person typing in two tabs: Ctrl+Z in one takes back only that tab's typing", async ({
  review,
  page,
  host,
}) => {
  await review.open();
  const other = new ReviewPage(await page.context().newPage(), host.url);
  await other.open();
  await review.fill('vi', 2, 'Tab một');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  // The other tab is told at once and types on (well within the few seconds one typing step lasts).
  await other.expectValue('vi', 2, true, 'Tab một');
  await other.fill('vi', 2, 'Tab một, tab hai');
  await expect(other.page.getByTestId('save-state')).toContainText('All changes saved');
  await other.page.keyboard.press('Control+z');
  await expect(other.page.getByRole('status').filter({ hasText: 'Row 2, Vietnamese: undone' })).toBeVisible();
  // Only the second tab's typing was one step: the first tab's stays (read back after a reload).
  await other.page.reload();
  await other.expectValue('vi', 2, true, 'Tab một');
});

test('"Keep original" pressed right after typing is a step of its own: Ctrl+Z takes back only it', async ({
  review,
  page,
}) => {
  // The race made certain: the typing's save is held on its way to the host. Were "Keep original" sent without
  // waiting for the save, it would reach the host first (forwarded, answered, and only then the save let go) and
  // the typing would arrive on a row kept in the original: refused, "Not saved" (checked without the app's order).
  // Sent after the save's answer (the app's order), it cannot overtake.
  await page.addInitScript(() => {
    type Fetch = (input: unknown, init?: unknown) => Promise<unknown>;
    const g = globalThis as unknown as { fetch: Fetch; apiCalls: string[] };
    const fetch = g.fetch.bind(g);
    g.apiCalls = [];
    g.fetch = (input, init) => {
      g.apiCalls.push(String((input as { url?: string }).url ?? input));
      return fetch(input, init);
    };
  });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/cell:update', async (route) => {
    await held;
    await route.continue();
  });
  await page.route('**/api/segment:setTranslatable', async (route) => {
    const response = await route.fetch();
    release();
    await route.fulfill({ response });
  });
  await review.open();
  await review.scrollToEnd();
  const credit = review.rows().filter({ hasText: 'CREDIT' });
  const cell = credit.locator('[data-testid^="cell-vi-"]');
  await cell.click();
  await expect(cell).toHaveJSProperty('tagName', 'TEXTAREA');
  await cell.fill('Ảnh: Sở Giao thông Seoul');
  // At once: the click's mousedown leaves the text box, whose save goes out (and is held).
  await credit.getByRole('button', { name: /^Keep row \d+ as in the original$/ }).click();
  // The click's handler has run: "Keep original" sent at once would be among the calls made by now.
  const sentAtOnce = await page.evaluate(() =>
    (globalThis as unknown as { apiCalls: string[] }).apiCalls.some((u) =>
      u.endsWith('segment:setTranslatable'),
    ),
  );
  if (!sentAtOnce) release();
  await expect(credit).toContainText('Do not translate');
  await expect(page.getByTestId('save-state')).toContainText('All changes saved');
  await page.keyboard.press('Control+z');
  await expect(cell).toBeVisible();
  // The notice names the row and what was undone (it said only "Undone.").
  await expect(
    page.getByRole('status').filter({ hasText: /Row \d+: undone \(Keep original \/ translate this row\)\./ }),
  ).toBeVisible();
  await page.reload();
  await review.scrollToEnd();
  await expect(cell).toHaveAttribute('data-value', 'Ảnh: Sở Giao thông Seoul');
});
