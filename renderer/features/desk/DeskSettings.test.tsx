// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_ERROR_PREFIX, type DeskConnection, type ReviewApi } from '../../../electron/contract';

/** The API as the settings see it (the preload's place): a disconnect the test refuses. */
const refusal = { code: 'storage.readOnly' };
window.reviewApi = {
  deskDisconnect: () => Promise.reject(new Error(API_ERROR_PREFIX + JSON.stringify(refusal))),
} as unknown as ReviewApi;
const { initI18n } = await import('../../i18n');
const { DeskSettings } = await import('./DeskSettings');

const link: DeskConnection = {
  address: 'https://desk.example.org',
  state: 'online',
  user: {
    id: 'u1',
    name: 'Minh',
    role: 'editor',
    desk: 'main',
    disabled: false,
    createdAt: '2026-12-01T00:00:00.000Z',
  },
  kept: 0,
  canConnect: true,
};

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('Settings › Desk', () => {
  it('says why a disconnect failed, and stays on the desk', async () => {
    const onSwitched = vi.fn();
    render(<DeskSettings link={link} onSwitched={onSwitched} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out and work on this computer' }));
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/data folder is read-only/);
    expect(onSwitched).not.toHaveBeenCalled();
    // The button is usable again, to try once more.
    expect(screen.getByRole('button', { name: 'Sign out and work on this computer' })).toHaveProperty(
      'disabled',
      false,
    );
  });
});
