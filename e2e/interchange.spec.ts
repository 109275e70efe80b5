import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { screenshot } from './support/screenshot';
import { ExportDialog } from './pages/export-dialog';

test('an XLIFF file that comes back untouched never undoes an approval made in the app since the export', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 2, false, '');
  const exported = await review.exportFile('xliff12', 'en');

  // After the export, the reviewer approves row 2 and rewords row 3 here.
  await review.press('en', 2, 'Control+Enter');
  await expect(review.status('en', 2)).toHaveText('Approved');
  await review.fill('en', 3, 'Seoul declares cooperation with Vietnam’s government and universities');
  await review.cell('en', 3).blur();
  await expect(review.status('en', 3)).toHaveText('Edited');

  // The translator's tool sends the file back without touching those rows.
  const back = await review.openExport();
  await back.importXliff('back.xliff', exported.text);
  // The preview says nothing would change, and there is nothing to apply.
  await expect(page.getByTestId('import-preview-counts')).toContainText(
    '0 text changes and 0 status changes',
  );
  await expect(page.getByTestId('import-preview').getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(review.status('en', 2)).toHaveText('Approved');
  await review.expectValue(
    'en',
    3,
    true,
    'Seoul declares cooperation with Vietnam’s government and universities',
  );
});

test('an XLIFF import as a translator meets it: a cut-off file is refused with nothing changed; a good one previews, a conflict is taken as the file’s, and one undo puts it all back', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 3, false, '');
  const exported = await review.exportFile('xliff2', 'en');
  const machine2 = await review.value('en', 2);

  // After the export, the reviewer rewords row 3 here; the translator's tool changes rows 2 and 3.
  await review.fill('en', 3, 'Ours: Seoul and Vietnam sign a smart mobility pact');
  await review.cell('en', 3).blur();
  await expect(review.status('en', 3)).toHaveText('Edited');
  const target = (xml: string, row: number, text: string) =>
    xml.replace(new RegExp(`(<unit id="[^"]+" name="row-${row}"[\\s\\S]*?<target[^>]*>)[^<]*`), `$1${text}`);
  const file = target(
    target(exported.text, 2, 'File: Seoul backs its firms in Vietnam'),
    3,
    'File: the pact',
  );
  expect(file).toContain('File: the pact');

  // The file cut off in transit: refused, said so, nothing applied and no preview.
  const back = await review.openExport();
  await back.importXliff('cut.xlf', file.slice(0, Math.floor(file.length * 0.6)));
  await expect(page.getByTestId('notice').filter({ hasText: 'This XLIFF file is incomplete' })).toBeVisible();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  expect([await review.value('en', 2), await review.value('en', 3)]).toEqual([
    machine2,
    'Ours: Seoul and Vietnam sign a smart mobility pact',
  ]);

  // The whole file: a preview, with row 3 as a conflict; the reviewer takes the file's version.
  await back.importXliff('back.xlf', file);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-preview-counts')).toContainText('1 text changes');
  const conflict = preview.getByTestId('import-preview-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.locator('legend')).toHaveText('Row 3 (English)');
  await conflict.getByLabel("Take the file's: “File: the pact”").check();
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toHaveCount(0);
  await page.keyboard.press('Escape');
  await review.expectValue('en', 2, true, 'File: Seoul backs its firms in Vietnam');
  await review.expectValue('en', 3, true, 'File: the pact');

  // One undo step takes back the whole import, the conflict's choice included.
  await page.keyboard.press('Control+z');
  await expect(
    page.getByRole('status').filter({ hasText: 'Undone (XLIFF import): 2 cells, from row 2.' }),
  ).toBeVisible();
  await review.expectValue('en', 2, true, machine2);
  await review.expectValue('en', 3, true, 'Ours: Seoul and Vietnam sign a smart mobility pact');
});

test('the OmegaT package downloads as a project folder, its memory segmented by sentence on request', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('vi', 1, false, '');
  await review.press('vi', 1, 'Control+Enter');
  await expect(review.status('vi', 1)).toHaveText('Approved');
  const dialog = await review.openExport();
  await dialog.choose('omegat', 'vi');
  await dialog.bySentence(true);
  await screenshot(page, 'en-export-omegat.png');
  const file = await dialog.exportBytes();
  expect(file.name).toMatch(/\.vi\.omegat\.zip$/);
  const zip = await JSZip.loadAsync(file.data);
  const names = Object.keys(zip.files);
  const project = names.find((n) => n.endsWith('/omegat.project'))!;
  const root = project.slice(0, -'omegat.project'.length);
  expect(await zip.file(project)!.async('string')).toContain('<sentence_seg>true</sentence_seg>');
  expect(names).toEqual(expect.arrayContaining([`${root}source/`, `${root}glossary/glossary.txt`]));
  const tmx = await zip
    .file(names.find((n) => n.startsWith(`${root}tm/auto/`) && n.endsWith('.tmx'))!)!
    .async('string');
  expect(tmx).toContain('segtype="sentence"');
  expect(tmx).toContain('xml:lang="vi-VN"');
});

for (const ui of [
  { lng: 'ko', export: '내보내기…' },
  { lng: 'vi', export: 'Xuất…' },
] as const)
  test(`the OmegaT option in ${ui.lng}`, async ({ review, page }) => {
    await review.open();
    await review.expectValue('vi', 1, false, '');
    await review.setUiLanguage(ui.lng);
    await page.getByRole('button', { name: ui.export, exact: true }).click();
    const root = page.getByTestId('export-dialog');
    await root.locator('select').first().selectOption('omegat');
    await root.getByTestId('by-sentence').check();
    await expect(root.getByTestId('export-preview')).toBeVisible();
    expect(await page.locator('body').innerText()).not.toMatch(/\bexport[.:][a-zA-Z-]+\b/);
    await screenshot(page, `${ui.lng}-export-omegat.png`);
  });

// The import preview as people read it, in each interface language at both screen sizes: rows of the file that are
// not applied (here one the file translates from another Korean than the article's now, as after "Open revised
// version") are listed with their reason, beside the changes that will be.
for (const [lng, exportButton] of [
  ['en', 'Export…'],
  ['ko', '내보내기…'],
  ['vi', 'Xuất…'],
] as const)
  test(`the XLIFF import preview with a row not applied, in ${lng}`, async ({ review, page }) => {
    await review.open();
    await review.expectValue('en', 3, false, '');
    const exported = await review.exportFile('xliff2', 'en');
    const file = exported.text
      .replace(
        /(<unit id="[^"]+" name="row-2"[\s\S]*?<source[^>]*>)[^<]*/,
        '$1서울시, 베트남과 협력 (수정 전)',
      )
      .replace(/(<unit id="[^"]+" name="row-2"[\s\S]*?<target[^>]*>)[^<]*/, '$1File: Seoul backs its firms')
      .replace(/(<unit id="[^"]+" name="row-3"[\s\S]*?<target[^>]*>)[^<]*/, '$1File: the pact');
    await review.setUiLanguage(lng);
    await page.getByRole('button', { name: exportButton, exact: true }).click();
    await new ExportDialog(page).importXliff('back.xlf', file);
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByTestId('import-preview-refused')).toHaveCount(1);
    await expect(preview.getByTestId('import-preview-refused')).toContainText('2');
    expect(await page.locator('body').innerText()).not.toMatch(/\bexport[.:][a-zA-Z-]+\b/);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await screenshot(page, `${lng}-${size.width}-import-preview.png`);
    }
  });
