import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_MEMORY_SETTINGS,
  type EnglishVariant,
  type LengthLimits,
  type MemorySettings,
  type SettingsPatch,
  type SettingsView,
  type UiLang,
} from '../contract';
import { AppError } from './errors';
import { writeFileAtomic } from './files';
import { addSecret } from './redact';
import { normaliseServerUrl } from './server-url';

/**
 * Encrypts the DeepL key at rest. The desktop app passes one backed by the OS keychain (Electron `safeStorage`);
 * the browser mode has none, so there the key can only come from the environment.
 */
export interface KeyVault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/**
 * Asks the person, outside the renderer's reach (a native dialog in the desktop app), whether the key entered for
 * one server may be sent to another. A compromised page cannot answer it.
 */
export type ConfirmKeyTransfer = (from: string | null, to: string | null) => Promise<boolean>;

interface StoredSettings {
  sealedKey?: string;
  /** The server the sealed key was entered for (null: DeepL itself). The key is sent nowhere else. */
  keyServer?: string | null;
  serverUrl?: string | null;
  englishVariant?: EnglishVariant;
  reviewerName?: string;
  paragraphContext?: boolean;
  uiLanguage?: UiLang | null;
  lengthLimits?: LengthLimits;
  memory?: Partial<MemorySettings>;
}

/** What the machine-translation service needs to reach DeepL. */
export interface DeeplAccess {
  authKey: string | null;
  serverUrl: string | null;
}

/**
 * User settings in `<dataDir>/settings.json`. The DeepL key is write-only from the UI's point of view: it is stored
 * sealed by the {@link KeyVault}, handed only to the MT service, and never returned, logged or put in an error.
 *
 * The key is bound to the server it was entered for: {@link SettingsStore.deepl} hands it out only while that
 * server is the current one. A key from the environment belongs to `DEEPL_SERVER_URL` (or DeepL itself); a key
 * from Settings to the server set when it was entered. Changing the server keeps the key for the old one unless
 * a new key comes with the change or the person confirms the transfer through {@link ConfirmKeyTransfer}.
 */
export class SettingsStore {
  private stored: StoredSettings;

  constructor(
    private readonly dataDir: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly vault: KeyVault | null,
    private readonly confirmKeyTransfer: ConfirmKeyTransfer | null = null,
  ) {
    this.stored = readStored(this.file);
  }

  private get file(): string {
    return join(this.dataDir, 'settings.json');
  }

  /** Settings for the UI: everything but the key itself. */
  view(): SettingsView {
    const s = this.stored;
    const serverUrl = this.currentServer();
    const envKey = this.envKeyServer() === serverUrl;
    const storedKey = !!s.sealedKey && this.storedKeyServer() === serverUrl;
    return {
      keySource: envKey ? 'env' : storedKey ? 'settings' : 'none',
      keyForOtherServer: !envKey && !storedKey && (!!this.env.DEEPL_AUTH_KEY?.trim() || !!s.sealedKey),
      canStoreKey: this.vault !== null,
      serverUrl,
      englishVariant: s.englishVariant ?? 'en-US',
      reviewerName: s.reviewerName ?? '',
      paragraphContext: s.paragraphContext ?? false,
      uiLanguage: s.uiLanguage ?? null,
      lengthLimits: s.lengthLimits ?? {},
      memory: { ...DEFAULT_MEMORY_SETTINGS, ...s.memory },
    };
  }

  /** The server translations go to now; the environment wins over Settings. */
  private currentServer(): string | null {
    return this.env.DEEPL_SERVER_URL?.trim() || this.stored.serverUrl || null;
  }

  /** The server the environment's key belongs to, or undefined when there is no such key. */
  private envKeyServer(): string | null | undefined {
    if (!this.env.DEEPL_AUTH_KEY?.trim()) return undefined;
    return this.env.DEEPL_SERVER_URL?.trim() || null;
  }

  /** The server the stored key was entered for (files from before binding: the server set at the time). */
  private storedKeyServer(): string | null {
    const s = this.stored;
    return s.keyServer !== undefined ? s.keyServer : (s.serverUrl ?? null);
  }

  /** Key and endpoint for DeepL: the key only when it was entered for the current server. */
  deepl(): DeeplAccess {
    const serverUrl = this.currentServer();
    let authKey = this.envKeyServer() === serverUrl ? this.env.DEEPL_AUTH_KEY!.trim() : null;
    if (!authKey && this.stored.sealedKey && this.vault && this.storedKeyServer() === serverUrl) {
      try {
        authKey = this.vault.decrypt(this.stored.sealedKey);
      } catch {
        // A key sealed on another machine or OS account cannot be opened: treat it as not set.
        authKey = null;
      }
    }
    addSecret(authKey);
    return { authKey, serverUrl };
  }

  /** Apply a change from the Settings screen and save it. */
  async update(patch: SettingsPatch): Promise<SettingsView> {
    const next: StoredSettings = { ...this.stored, keyServer: this.storedKeyServer() };
    if (patch.serverUrl !== undefined) next.serverUrl = normaliseServerUrl(patch.serverUrl);
    if (patch.deeplAuthKey !== undefined) {
      if (patch.deeplAuthKey === null || patch.deeplAuthKey.trim() === '') delete next.sealedKey;
      else if (!this.vault) throw new AppError('settings.keyNeedsEnvironment');
      else next.sealedKey = this.vault.encrypt(patch.deeplAuthKey.trim());
      // A key typed now is for the server set now (or in the same change).
      next.keyServer = next.serverUrl ?? null;
    } else if (next.sealedKey && (next.serverUrl ?? null) !== next.keyServer && this.confirmKeyTransfer) {
      // Same key, new server: only the person, asked outside the page, may let it go there.
      if (await this.confirmKeyTransfer(next.keyServer ?? null, next.serverUrl ?? null))
        next.keyServer = next.serverUrl ?? null;
    }
    if (patch.englishVariant !== undefined) next.englishVariant = patch.englishVariant;
    if (patch.reviewerName !== undefined) next.reviewerName = patch.reviewerName.trim().slice(0, 80);
    if (patch.paragraphContext !== undefined) next.paragraphContext = patch.paragraphContext;
    if (patch.uiLanguage !== undefined) next.uiLanguage = patch.uiLanguage;
    if (patch.lengthLimits !== undefined) next.lengthLimits = cleanLimits(patch.lengthLimits);
    if (patch.memory !== undefined) next.memory = { ...next.memory, ...patch.memory };
    // A fresh data folder may not exist yet (first start, or REVIEW_DATA_DIR pointing somewhere new).
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2), { overwrite: true });
    this.stored = next;
    return this.view();
  }
}

/** Only whole, positive limits are kept; a kind set to nothing (or 0) has no limit. */
function cleanLimits(limits: LengthLimits): LengthLimits {
  const out: LengthLimits = {};
  for (const [kind, max] of Object.entries(limits) as Array<[keyof LengthLimits, number | undefined]>)
    if (max !== undefined && Number.isInteger(max) && max > 0) out[kind] = max;
  return out;
}

function readStored(file: string): StoredSettings {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as StoredSettings) : {};
  } catch {
    return {};
  }
}
