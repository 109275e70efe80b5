import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const SAMPLE = readFileSync('samples/newsis-seoul-vietnam-smart-mobility.ko.txt', 'utf8');

test('a saved web page opens as its article text only', async ({ review, page }) => {
  await review.open();
  const html = `<!doctype html><html><head><title>x</title><style>p{color:red}</style></head><body>
    <nav>메뉴 홈 정치 경제</nav>
    <article><h1>서울시, 베트남과 협력</h1><p>오세훈 서울시장이 3일 호찌민에서 협력을 발표했다.</p>
    <script>alert('광고')</script><p>두 번째 문단입니다 &amp; 끝.</p></article>
    <footer>저작권 안내</footer></body></html>`;
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.locator('h1')).toHaveText('서울시, 베트남과 협력');
  await expect(review.rows()).toHaveCount(3);
  await expect(review.rows().nth(2)).toContainText('두 번째 문단입니다 & 끝.');
  await expect(page.locator('main')).not.toContainText('광고');
  await expect(page.locator('main')).not.toContainText('메뉴');
});

test('bad files are refused with a clear message and the open project stays', async ({ review, page }) => {
  await review.open();
  const before = await review.rows().count();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
  await expect(page.getByRole('alert').filter({ hasText: 'not a text file' })).toBeVisible();
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert').filter({ hasText: 'The file is empty.' })).toBeVisible();
  await expect(review.rows()).toHaveCount(before);
});

test('text with no Korean asks before opening', async ({ review, page }) => {
  await review.open();
  const english = {
    name: 'english.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Seoul backs smart mobility firms\nThe city signed a letter of intent.'),
  };
  const title = await page.locator('h1').textContent();
  // Cancel keeps the open project.
  await page.getByTestId('file-input').setInputFiles(english);
  await expect(review.confirmDialog()).toContainText('This does not look like Korean. Continue anyway?');
  await review.confirmDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(review.confirmDialog()).toBeHidden();
  await expect(page.locator('h1')).toHaveText(title ?? '');
  // Continue opens it.
  await page.getByTestId('file-input').setInputFiles(english);
  await review.confirmDialog().getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('Seoul backs smart mobility firms');
});

test('a revised version keeps translations of unchanged paragraphs and flags the rest', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('vi', 1, false, '');
  const headlineVi = await review.value('vi', 1);
  const revised = SAMPLE.replace('2시20분', '2시30분').replace(
    '한편 그는',
    '서울시는 내년에 후속 협력 사업을 발표할 계획이다.\n한편 그는',
  );
  await page.getByTestId('revised-input').setInputFiles({
    name: 'newsis-seoul-vietnam-smart-mobility.ko.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(revised),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Revised version' })).toContainText(
    '1 new, 1 changed',
  );
  await review.expectValue('vi', 1, true, headlineVi);
  await expect(page.locator('.grid-row.change-new')).toHaveCount(1);
  await expect(page.locator('.grid-row.change-changed')).toHaveCount(1);
});

test('an import can be cancelled while the file is still on its way; the open project stays', async ({
  review,
  page,
}) => {
  await review.open();
  const title = await page.locator('h1').textContent();
  // Hold the upload, so Cancel certainly comes first: the import is refused when it arrives.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/project:import', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('file-input').setInputFiles({
    name: 'bai-moi.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(SAMPLE.replace('오세훈', '박원순')),
  });
  const bar = page.getByTestId('import-progress');
  await expect(bar).toContainText('Opening bai-moi.txt…');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(page.getByText('The import was cancelled. The open project is unchanged.')).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(page.locator('h1')).toHaveText(title!);
});
