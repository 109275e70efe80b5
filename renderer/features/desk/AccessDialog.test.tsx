// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeskProjectAccess, DeskUser, ReviewApi } from '../../../electron/contract';

/** The desk as the dialog sees it (the preload's place): one reviewer, sign-offs the test's calls change. */
const access: DeskProjectAccess = { projectId: 'p1', assignments: [], signoffs: [] };
const reads = { access: 0 };
const lan: DeskUser = {
  id: 'u2',
  name: 'Lan',
  role: 'reviewer',
  desk: 'main',
  disabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
};
window.reviewApi = {
  deskProjectAccess: () => {
    reads.access++;
    return Promise.resolve(structuredClone(access));
  },
  deskListUsers: () => Promise.resolve([lan]),
  deskSignOff: (req: { lang: 'vi' | 'en'; signed: boolean }) => {
    access.signoffs = req.signed ? [{ lang: req.lang, by: 'Minh', at: '2026-12-07T19:00:00.000Z' }] : [];
    return Promise.resolve(structuredClone(access));
  },
  deskAssign: () => Promise.reject(new Error('the desk is away')),
} as unknown as ReviewApi;
const { initI18n } = await import('../../i18n');
const { AccessDialog } = await import('./AccessDialog');

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('AccessDialog', () => {
  it('shows the access it read, takes each change’s answer, and says why a change failed', async () => {
    render(<AccessDialog projectId="p1" onClose={() => undefined} />);
    const vi = await screen.findByTestId('desk-access-vi');
    expect(await within(vi).findByText('Lan')).toBeTruthy();
    expect(within(vi).getByText('open')).toBeTruthy();
    await act(async () => fireEvent.click(within(vi).getByRole('button', { name: 'Sign off VI' })));
    expect(within(vi).getByText('Signed off by Minh')).toBeTruthy();
    expect(reads.access).toBe(1);
    await act(async () => fireEvent.click(within(vi).getByRole('checkbox')));
    expect(screen.getByRole('alert').textContent).toMatch(/the desk is away/);
    // What was shown stays.
    expect(within(vi).getByText('Signed off by Minh')).toBeTruthy();
  });
});
