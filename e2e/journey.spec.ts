import { expect, test } from './fixtures';

test('sample → DeepL fills both columns → edit → approve → reload → export approved Markdown', async ({
  review,
  deepl,
  page,
}) => {
  await review.open();
  await expect(review.title()).toContainText('오세훈');

  // Both target columns fill from the DeepL-compatible test server: real translations of the sample.
  await review.expectValue('vi', 1, false, '');
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  await expect(review.status('vi', 1)).toHaveText('Machine');
  await expect(review.mtSummary()).toContainText('Machine translation finished');
  const translateCalls = deepl.requests.filter((r) => r.path === '/v2/translate');
  expect(translateCalls).toHaveLength(2); // one request per language for the whole article

  const paragraphs = await review.rowsOfKind('paragraph');
  const [first, second, third] = paragraphs as [number, number, number];
  const edited =
    'Chiều 3/8 (giờ địa phương), Thị trưởng Oh Se-hoon đã chủ trì lễ công bố hợp tác — bản đã biên tập.';
  await review.fill('vi', first, edited);
  await expect(review.status('vi', first)).toHaveText('Edited');
  await review.press('vi', first, 'Control+Enter');
  // The edit drops the time and the second sentence: approving asks first (issue #10); the reviewer insists.
  await review.confirmDialog().getByRole('button', { name: 'Approve anyway' }).click();
  await expect(review.status('vi', first)).toHaveText('Approved');
  // Ctrl+Enter moves on to the next Vietnamese cell that is not approved yet.
  await expect(review.cell('vi', second)).toBeFocused();
  await expect(review.progress('vi')).toContainText('1 / ');
  // Alt+↓ walks the column without approving.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(review.cell('vi', third)).toBeFocused();
  await expect(review.status('vi', second)).toHaveText('Machine');

  await page.reload();
  await review.expectValue('vi', first, true, edited);
  await expect(review.status('vi', first)).toHaveText('Approved');
  expect(deepl.requests.filter((r) => r.path === '/v2/translate')).toHaveLength(2); // nothing paid twice

  const unapprovedText = await review.value('vi', second);
  const dialog = await review.openExport();
  await dialog.choose('md', 'vi');
  const total = Number(/\/ (\d+)/.exec((await review.progress('vi').textContent()) ?? '')?.[1]);
  await expect(dialog.preview()).toContainText(`Vietnamese: 1 of ${total} approved`);
  await expect(dialog.preview()).toContainText('Not approved: rows');
  await expect(dialog.gaps('vi')).toHaveCount(total - 1); // every other row is listed
  await expect(dialog.gaps('vi').getByText(String(second), { exact: true })).toBeVisible();
  const file = await dialog.exportText();
  expect(file.name).toMatch(/\.vi\.md$/);
  expect(file.text).toContain(edited);
  expect(file.text).not.toContain(unapprovedText);
  expect(file.text).toContain(`[CHƯA DUYỆT — hàng ${second}]`); // the marker in the document's language

  // A gap in the list jumps to its row.
  await dialog.gaps('vi').getByText(String(second), { exact: true }).click();
  await expect(dialog.root).toBeHidden();
  await expect(review.cell('vi', second)).toBeFocused();
});

test.describe('without a DeepL key', () => {
  test.use({ appEnv: {} });

  test('says how to add a key and lets the reviewer translate by hand', async ({ review, deepl, page }) => {
    await review.open();
    await expect(review.noKeyBanner()).toContainText('DEEPL_AUTH_KEY');
    await expect(review.noKeyBanner()).toContainText('Settings');
    await expect(await review.command('Translate')).toBeDisabled();
    await page.keyboard.press('Escape');
    await review.expectValue('vi', 1, true, '');
    await expect(review.status('vi', 1)).toHaveText('Empty');
    await review.fill('en', 1, 'Oh Se-hoon: support for smart-mobility firms entering Vietnam');
    await review.press('en', 1, 'Control+Enter');
    await expect(review.status('en', 1)).toHaveText('Approved');
    await expect(review.progress('en')).toContainText('1 / ');

    // The settings explain where a key comes from in browser mode.
    const settings = await review.openSettings();
    await expect(settings.keySource()).toContainText('not set');
    await expect(settings.root).toContainText('DEEPL_AUTH_KEY environment variable');
    await expect(settings.keyInput()).toHaveCount(0);
    await settings.cancel();
    expect(deepl.requests).toHaveLength(0);
  });
});
