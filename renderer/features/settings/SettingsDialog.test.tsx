// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MEMORY_SETTINGS, type SettingsView } from '../../../electron/contract';
import { initI18n } from '../../i18n';
import { useSaveTogether, type SectionSave } from './save-together';
import { SettingsDialog } from './SettingsDialog';

const settings: SettingsView = {
  keySource: 'none',
  canStoreKey: false,
  serverUrl: null,
  englishVariant: 'en-US',
  reviewerName: 'Lan',
  paragraphContext: false,
  uiLanguage: null,
  lengthLimits: {},
  memory: DEFAULT_MEMORY_SETTINGS,
};

/** A section stored by its own API method (as the house style is), saved by the dialog's Save. */
function Section(props: { save: SectionSave | null }) {
  useSaveTogether(props.save);
  return null;
}

function open(o: { settingsOk?: boolean; section: SectionSave | null }) {
  const onSave = vi.fn(() => Promise.resolve(o.settingsOk ?? true));
  const onClose = vi.fn();
  render(
    <SettingsDialog
      settings={settings}
      onSave={onSave}
      onClose={onClose}
      extra={<Section save={o.section} />}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  return { onSave, onClose };
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('Settings: one Save stores every section, and closes only when all were stored', () => {
  it('stores a changed section with the settings, then closes', async () => {
    const section = vi.fn(() => Promise.resolve(true));
    const { onSave, onClose } = open({ section });
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(onSave).toHaveBeenCalledOnce();
    expect(section).toHaveBeenCalledOnce();
  });

  it('stays open when a section is refused, so what was typed there is not lost', async () => {
    let refused!: () => void;
    const asked = new Promise<void>((ok) => (refused = ok));
    const section = vi.fn(() => {
      refused();
      return Promise.resolve(false);
    });
    const { onClose } = open({ section });
    await asked;
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false),
    );
    expect(onClose).not.toHaveBeenCalled();
  });

  it('does not store the section when the settings themselves were refused', async () => {
    const section = vi.fn(() => Promise.resolve(true));
    const { onSave, onClose } = open({ settingsOk: false, section });
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false),
    );
    expect(section).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes at once when no section has anything to store', async () => {
    const { onClose } = open({ section: null });
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });
});
