import { expect, test } from './fixtures';
import { runCommand } from './pages/review-page';

test('house style: set in Settings, sent to DeepL, and a refusal is said, not dropped', async ({
  review,
  deepl,
  page,
}) => {
  await review.open();
  await review.expectValue('en', 1, true, /Oh Se-hoon/);
  const settings = await review.openSettings();
  const style = settings.root.getByTestId('house-style');
  // Vietnamese: DeepL has no style rules or custom instructions for it, and the screen says so.
  await expect(style.getByTestId('house-style-unsupported-vi')).toContainText('only the translation memory');
  await expect(
    style.getByTestId('house-style-vi').getByLabel('Custom instructions (one per line)'),
  ).toBeDisabled();
  await style
    .getByTestId('house-style-en')
    .getByLabel('Custom instructions (one per line)')
    .fill('Write "Oh Se-hoon" as "OH SE-HOON"');
  // The dialog's one Save stores the house style with the other settings.
  await settings.root.getByRole('button', { name: 'Save' }).click();
  await expect(settings.root).toBeHidden();
  const again = await review.openSettings();
  await expect(
    again.root.getByTestId('house-style-en').getByLabel('Custom instructions (one per line)'),
  ).toHaveValue('Write "Oh Se-hoon" as "OH SE-HOON"');
  await again.root.getByRole('button', { name: 'Cancel' }).click();

  // DeepL refuses the instructions (not on the plan): the run goes on without them, and a notice says so.
  deepl.style.refuse('custom_instructions', 403);
  await runCommand(page, 'New suggestions');
  await expect(
    page.getByRole('alert').filter({ hasText: 'refused the house style for English' }),
  ).toBeVisible();
  await review.expectValue('en', 1, true, /Oh Se-hoon/);

  // Accepted: the instruction reaches DeepL and shows in the text.
  deepl.style.refuse('custom_instructions', null);
  await runCommand(page, 'New suggestions');
  await review.expectValue('en', 1, true, /OH SE-HOON/);
  const sent = deepl.requests.filter((r) => r.path === '/v2/translate' && r.params.custom_instructions);
  expect(sent.at(-1)!.params.custom_instructions).toBe('Write "Oh Se-hoon" as "OH SE-HOON"');
});
