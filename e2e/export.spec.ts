import { expect, test } from './fixtures';

test('every format downloads from the dialog; an XLIFF edited elsewhere comes back with a summary', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  await review.press('en', 1, 'Control+Enter');
  await expect(review.status('en', 1)).toHaveText('Approved');

  const dialog = await review.openExport();
  for (const [format, name] of [
    ['html', /\.en\.html$/],
    ['docx', /\.en\.docx$/],
    ['xliff12', /\.en\.xliff12\.xlf$/],
    ['review-docx', /\.review\.docx$/],
    ['tmx', /\.tmx$/],
    ['report-csv', /\.report\.csv$/],
  ] as const) {
    await dialog.choose(
      format,
      format === 'review-docx' || format === 'tmx' || format === 'report-csv' ? undefined : 'en',
    );
    const file = await dialog.exportText();
    expect(file.name).toMatch(name);
  }

  await dialog.choose('xliff2', 'en');
  const xliff = await dialog.exportText();
  expect(xliff.text).toContain('trgLang="en-US"');
  // Another tool approves row 2 after editing it.
  const edited = xliff.text.replace(
    /(<unit id="[^"]+" name="row-2"[\s\S]*?<segment id="[^"]+" state=")initial("[\s\S]*?<target xml:space="preserve">)[^<]*/,
    '$1final$2Seoul and Vietnam join forces on smart mobility',
  );
  expect(edited).not.toBe(xliff.text);
  await dialog.importXliff('edited.xlf', edited);
  // A preview first: nothing changes until Apply.
  await expect(page.getByTestId('import-preview-counts')).toContainText(
    '1 text changes and 1 status changes',
  );
  await page.getByTestId('import-preview').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('round-trip')).toContainText('1 updated, 1 status changes');
  await page.keyboard.press('Escape');
  await review.expectValue('en', 2, true, 'Seoul and Vietnam join forces on smart mobility');
  await expect(review.status('en', 2)).toHaveText('Approved');
});

test('the files take the name typed in the export dialog, made safe, one extension per format', async ({
  review,
}) => {
  await review.open();
  await review.expectValue('vi', 1, false, '');
  await review.press('vi', 1, 'Control+Enter');
  await expect(review.status('vi', 1)).toHaveText('Approved');
  const dialog = await review.openExport();
  await dialog.choose('md', 'vi');
  await dialog.root.getByTestId('export-name').fill('Bản tin Busan – 부산 EV');
  await expect(dialog.root.getByTestId('export-name-slug')).toContainText('ban-tin-busan-busan-ev');
  expect((await dialog.exportText()).name).toBe('ban-tin-busan-busan-ev.vi.md');
  await dialog.choose('xliff12', 'vi');
  expect((await dialog.exportText()).name).toBe('ban-tin-busan-busan-ev.vi.xliff12.xlf');
  await dialog.choose('xliff2', 'vi');
  expect((await dialog.exportText()).name).toBe('ban-tin-busan-busan-ev.vi.xliff20.xlf');
});
