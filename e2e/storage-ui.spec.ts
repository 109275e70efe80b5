import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runCommand } from './pages/review-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { screenshot } from './support/screenshot';

// The storage features' screens (issue #8 on top of the editor, #9): cell history, trash, project file, TMX.

test('cell history from the keyboard: every version listed, an earlier one restored and undone', async ({
  review,
  page,
}) => {
  await review.open();
  await review.expectValue('vi', 2, false, '');
  const machine = await review.value('vi', 2);
  await review.fill('vi', 2, 'Bản dịch thứ nhất của người duyệt');
  await expect(review.status('vi', 2)).toHaveText('Edited');
  await review.press('vi', 2, 'Control+Enter');
  await expect(review.status('vi', 2)).toHaveText('Approved');

  await review.focus('vi', 2);
  await page.keyboard.press('Control+Shift+H');
  const dialog = page.getByTestId('history-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('History: Vietnamese, row 2');
  const versions = dialog.getByTestId('history-version');
  await expect(versions.first()).toContainText('Approved');
  await expect(versions.first()).toContainText('Current version');
  await expect(versions.filter({ hasText: 'Typed' })).toHaveCount(1);
  await expect(versions.filter({ hasText: 'Machine translation' })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, '[data-testid="history-dialog"]');

  await versions
    .filter({ hasText: 'Machine translation' })
    .getByRole('button', { name: /^Restore the version of / })
    .click();
  await expect(dialog).toBeHidden();
  await review.expectValue('vi', 2, true, machine);
  await expect(review.status('vi', 2)).toHaveText('Machine');
  await expect(page.getByRole('status').filter({ hasText: 'earlier version is back' })).toBeVisible();

  // The restore is one more change: Ctrl+Z takes it back, and the history lists it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await review.expectValue('vi', 2, true, 'Bản dịch thứ nhất của người duyệt');
  await review.focus('vi', 2);
  await review.row(2).getByRole('button', { name: 'History of the Vietnamese translation, row 2' }).click();
  await expect(
    dialog.getByTestId('history-version').filter({ hasText: 'Earlier version restored' }),
  ).toHaveCount(1);
});

test('trash: a deleted project is listed and comes back', async ({ review, page }) => {
  await review.open();
  const name = (await review.title().textContent()) ?? '';
  await runCommand(page, 'Projects');
  const dialog = page.getByTestId('projects-dialog');
  await dialog.getByRole('button', { name: `Move to trash: ${name}` }).click();
  await expect(dialog.locator('.project-list').first().getByRole('listitem')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show the trash' }).click();
  const trash = dialog.getByTestId('trash-list');
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, '[data-testid="projects-dialog"]');
  await trash.getByRole('button', { name: `Restore from the trash: ${name}` }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(0);
  await expect(dialog.locator('.project-list').first().getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'is back in the project list' })).toBeVisible();
});

test('export a project as <name>.brproj and import it back; the memory as TMX and back', async ({
  review,
  page,
}) => {
  await review.open();
  await review.fill('vi', 2, 'Bản dịch đã duyệt để mang đi');
  await review.press('vi', 2, 'Control+Enter');
  await expect(review.status('vi', 2)).toHaveText('Approved');
  const name = (await review.title().textContent()) ?? '';
  await runCommand(page, 'Projects');
  const dialog = page.getByTestId('projects-dialog');

  const projectDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Export project file: ${name}` }).click();
  const projectFile = await projectDownload;
  expect(projectFile.suggestedFilename()).toMatch(/\.brproj$/);
  const projectBytes = await readFile(await projectFile.path());
  expect(JSON.parse(projectBytes.toString('utf8'))).toBeTruthy();

  await dialog.getByTestId('project-file-input').setInputFiles({
    name: projectFile.suggestedFilename(),
    mimeType: 'application/json',
    buffer: projectBytes,
  });
  await expect(page.getByRole('status').filter({ hasText: 'imported from the project file' })).toBeVisible();
  await review.expectValue('vi', 2, true, 'Bản dịch đã duyệt để mang đi');
  await expect(review.status('vi', 2)).toHaveText('Approved');
  await runCommand(page, 'Projects');
  await expect(dialog.locator('.project-list').first().getByRole('listitem')).toHaveCount(2);

  const tmxDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export memory (TMX)' }).click();
  const tmx = await tmxDownload;
  expect(tmx.suggestedFilename()).toMatch(/\.tmx$/);
  const tmxText = await readFile(await tmx.path(), 'utf8');
  expect(tmxText).toContain('Bản dịch đã duyệt để mang đi');
  await dialog.getByTestId('tmx-file-input').setInputFiles({
    name: 'agency.tmx',
    mimeType: 'application/xml',
    buffer: Buffer.from(tmxText),
  });
  await expect(page.getByRole('status').filter({ hasText: 'memory units imported' })).toBeVisible();
});

const BYLINE = '[서울=뉴시스]홍길동 기자 =';
const SHARED =
  '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const SHARED_VI = 'Thành phố Seoul ngày 4 cho biết đã ký thỏa thuận hợp tác với Hà Nội.';

async function paste(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Paste…');
  await page.getByLabel('Korean article text').fill(text);
  await page.getByRole('button', { name: 'Create project' }).click();
}

for (const lng of ['en', 'ko', 'vi'] as const) {
  test(`screens: memory matches and findings in the grid, history, projects with trash in ${lng}`, async ({
    review,
    page,
  }) => {
    await review.open();
    await paste(page, ['서울시, 베트남과 스마트 모빌리티 협력', BYLINE, SHARED].join('\n'));
    await review.expectValue('vi', 3, false, '');
    await review.fill('vi', 3, SHARED_VI);
    await review.press('vi', 3, 'Control+Enter');
    await expect(review.status('vi', 3)).toHaveText('Approved');
    await paste(
      page,
      [
        '서울시, 베트남 협력 확대',
        BYLINE,
        '서울시는 5일 베트남 호찌민시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.',
        SHARED,
      ].join('\n'),
    );
    await review.expectValue('vi', 4, false, '');
    await review.setUiLanguage(lng);
    // Row 3 says the 5th; the reviewer types the 6th: the finding stays under the cell once the focus moves on.
    await review.fill(
      'vi',
      3,
      'Thành phố Seoul ngày 6 cho biết đã ký thỏa thuận hợp tác với TP. Hồ Chí Minh.',
    );
    await review.focus('vi', 4);
    await expect(review.row(3).locator('[data-testid^="findings-vi-"]')).toBeVisible();
    await expect(review.row(4).locator('.tm-matches')).toContainText(SHARED_VI);
    await screenshot(page, `${lng}-grid-tm-qa.png`);

    await review.focus('vi', 3);
    await page.keyboard.press('Control+Shift+H');
    await expect(page.getByTestId('history-version').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, '[data-testid="history-dialog"]');
    await screenshot(page, `${lng}-history.png`);
    await page.keyboard.press('Escape');

    // Projects is an item of the Article menu, both named in the UI language.
    const [menu, projects] = {
      en: ['Article', 'Projects'],
      ko: ['기사', '프로젝트'],
      vi: ['Bài viết', 'Dự án'],
    }[lng];
    await page.getByRole('button', { name: menu, exact: true }).click();
    await page
      .getByRole('menu', { name: menu })
      .getByRole('menuitem', { name: projects, exact: true })
      .click();
    const dialog = page.getByTestId('projects-dialog');
    await dialog.getByRole('button', { expanded: false }).first().click();
    await expect(dialog.getByTestId('trash-list')).toBeVisible();
    await screenshot(page, `${lng}-projects.png`);
  });
}
