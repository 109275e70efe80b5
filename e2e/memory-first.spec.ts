import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';

// Memory first, as a new user meets it (#19): approve an article; open its CP949 copy and a second article that
// shares paragraphs. The approved text comes back with memory badges, DeepL is asked only for the rest, and a run
// shows its estimate before anything is sent.
const SAMPLE = readFileSync('samples/newsis-seoul-vietnam-smart-mobility.ko.txt', 'utf8');
const LINES = SAMPLE.split('\n').filter((l) => l.trim());
const FIX = 'Thị trưởng Oh Se-hoon: bản dịch do người duyệt sửa.';
const NEW_PARAGRAPH = '부산시는 5일 일본 후쿠오카시와 관광 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';

test.setTimeout(180_000);

test('an approved article comes back from the memory, in a CP949 copy and in a second article; DeepL only for the rest', async ({
  review,
  deepl,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 2, false, '');
  await review.fill('vi', 2, FIX);
  await review.approveAll('vi');
  await review.approveAll('en');

  // The same article again, as a CP949 (Windows Korean) file. CP949 has no "©": its copyright line reads
  // "Copyright ? NEWSIS.COM" and is the one row the memory does not hold; every other cell comes from the memory.
  deepl.reset();
  await page.getByTestId('file-input').setInputFiles({
    name: 'newsis-copy.txt',
    mimeType: 'text/plain',
    buffer: iconv.encode(SAMPLE, 'cp949'),
  });
  await expect(review.title()).toHaveText(LINES[0]!);
  // Every translatable row has a memory match (the filter counts them, whatever the grid has drawn).
  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'Memory match' });
  await expect(review.rowCount()).toHaveText('16 of 19 rows');
  await show.selectOption({ label: 'All rows' });
  await expect(review.progress('vi')).toContainText('0 / 17'); // filled, not approved
  await review.expectValue('vi', 2, true, FIX);
  await expect(review.row(2).locator('.chip-memory')).toHaveText(['Memory 101%', 'Memory 101%']);
  // Whole in the row's corner, not cut to "Memory 1…".
  for (const chip of await review.row(2).locator('.chip-memory').all())
    expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const sentTexts = () => deepl.requests.filter((r) => r.path === '/v2/translate').flatMap((r) => r.texts);
  await expect.poll(sentTexts).toHaveLength(2);
  expect(new Set(sentTexts())).toEqual(new Set(['Copyright ? NEWSIS.COM, 무단 전재 및 재배포 금지']));

  // Ask before every run (threshold 0), then a second article sharing two paragraphs with the first.
  const settings = await review.openSettings();
  await settings.root.getByLabel('Ask before sending DeepL more than (characters)').fill('0');
  await settings.save();
  deepl.reset();
  const second = ['서울시, 하노이와 모빌리티 협력 확대', LINES[6]!, LINES[7]!, NEW_PARAGRAPH];
  await page.getByTestId('file-input').setInputFiles({
    name: 'second.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(second.join('\n')),
  });
  const estimate = page.getByTestId('mt-estimate');
  await expect(estimate).toContainText('(4 cells)'); // the headline and the new paragraph, in two languages
  await expect(estimate).toContainText('4 cells come from the translation memory, free.');
  expect(sentTexts()).toEqual([]); // nothing sent before asking
  await estimate.getByRole('button', { name: /^Translate \(/ }).click();
  await expect.poll(sentTexts, { timeout: 30_000 }).toHaveLength(4);
  expect(new Set(sentTexts())).toEqual(new Set([second[0], NEW_PARAGRAPH]));
  for (const row of [2, 3])
    await expect(review.row(row).locator('.chip-memory')).toHaveText([
      /^Memory 10[01]%$/,
      /^Memory 10[01]%$/,
    ]);
  await expect(review.row(4).locator('.chip-memory')).toHaveCount(0);
  await review.expectValue('vi', 4, false, '');
});
