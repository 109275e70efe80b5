import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnglishVariant, SettingsPatch, SettingsView, UiLang } from '../contract';
import { AppError } from './errors';
import { writeAtomic } from './project/store';

/**
 * Encrypts the DeepL key at rest. The desktop app passes one backed by the OS keychain (Electron `safeStorage`);
 * the browser mode has none, so there the key can only come from the environment.
 */
export interface KeyVault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

interface StoredSettings {
  sealedKey?: string;
  serverUrl?: string | null;
  englishVariant?: EnglishVariant;
  reviewerName?: string;
  paragraphContext?: boolean;
  uiLanguage?: UiLang | null;
}

/** What the machine-translation service needs to reach DeepL. */
export interface DeeplAccess {
  authKey: string | null;
  serverUrl: string | null;
}

/**
 * User settings in `<dataDir>/settings.json`. The DeepL key is write-only from the UI's point of view: it is stored
 * sealed by the {@link KeyVault}, handed only to the MT service, and never returned, logged or put in an error.
 */
export class SettingsStore {
  private stored: StoredSettings;

  constructor(
    private readonly dataDir: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly vault: KeyVault | null,
  ) {
    this.stored = readStored(this.file);
  }

  private get file(): string {
    return join(this.dataDir, 'settings.json');
  }

  /** Settings for the UI: everything but the key itself. */
  view(): SettingsView {
    const s = this.stored;
    return {
      keySource: this.env.DEEPL_AUTH_KEY ? 'env' : s.sealedKey ? 'settings' : 'none',
      canStoreKey: this.vault !== null,
      serverUrl: this.env.DEEPL_SERVER_URL || s.serverUrl || null,
      englishVariant: s.englishVariant ?? 'en-US',
      reviewerName: s.reviewerName ?? '',
      paragraphContext: s.paragraphContext ?? false,
      uiLanguage: s.uiLanguage ?? null,
    };
  }

  /** Key and endpoint for DeepL; the environment wins over Settings. */
  deepl(): DeeplAccess {
    let authKey = this.env.DEEPL_AUTH_KEY?.trim() || null;
    if (!authKey && this.stored.sealedKey && this.vault) {
      try {
        authKey = this.vault.decrypt(this.stored.sealedKey);
      } catch {
        // A key sealed on another machine or OS account cannot be opened: treat it as not set.
        authKey = null;
      }
    }
    return { authKey, serverUrl: this.view().serverUrl };
  }

  /** Apply a change from the Settings screen and save it. */
  async update(patch: SettingsPatch): Promise<SettingsView> {
    const next: StoredSettings = { ...this.stored };
    if (patch.deeplAuthKey !== undefined) {
      if (patch.deeplAuthKey === null || patch.deeplAuthKey.trim() === '') delete next.sealedKey;
      else if (!this.vault) throw new AppError('settings.keyNeedsEnvironment');
      else next.sealedKey = this.vault.encrypt(patch.deeplAuthKey.trim());
    }
    if (patch.serverUrl !== undefined) next.serverUrl = normaliseServerUrl(patch.serverUrl);
    if (patch.englishVariant !== undefined) next.englishVariant = patch.englishVariant;
    if (patch.reviewerName !== undefined) next.reviewerName = patch.reviewerName.trim().slice(0, 80);
    if (patch.paragraphContext !== undefined) next.paragraphContext = patch.paragraphContext;
    if (patch.uiLanguage !== undefined) next.uiLanguage = patch.uiLanguage;
    await writeAtomic(this.file, JSON.stringify(next, null, 2));
    this.stored = next;
    return this.view();
  }
}

function normaliseServerUrl(url: string | null): string | null {
  if (url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('settings.badServerUrl');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new AppError('settings.badServerUrl');
  return parsed.toString().replace(/\/$/, '');
}

function readStored(file: string): StoredSettings {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as StoredSettings) : {};
  } catch {
    return {};
  }
}
