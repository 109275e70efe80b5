import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from './errors';
import { SettingsStore, type KeyVault } from './settings';

// A reversible stand-in for the OS keychain: enough to prove the key is stored sealed, never in clear.
const vault: KeyVault = {
  encrypt: (s) => Buffer.from([...s].reverse().join('')).toString('base64'),
  decrypt: (s) => [...Buffer.from(s, 'base64').toString()].reverse().join(''),
};

describe('SettingsStore', () => {
  it('stores the key sealed, never returns it, and reads it back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'settings-'));
    const store = new SettingsStore(dir, {}, vault);
    const view = await store.update({ deeplAuthKey: 'secret-key:fx', reviewerName: ' Lan ' });
    expect(view).toMatchObject({ keySource: 'settings', reviewerName: 'Lan' });
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain('secret-key');
    expect(new SettingsStore(dir, {}, vault).deepl().authKey).toBe('secret-key:fx');
  });

  it('lets the environment win and refuses to store a key without a keychain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'settings-'));
    const store = new SettingsStore(
      dir,
      { DEEPL_AUTH_KEY: 'env-key', DEEPL_SERVER_URL: 'http://127.0.0.1:9' },
      null,
    );
    expect(store.view()).toMatchObject({
      keySource: 'env',
      canStoreKey: false,
      serverUrl: 'http://127.0.0.1:9',
    });
    expect(store.deepl()).toEqual({ authKey: 'env-key', serverUrl: 'http://127.0.0.1:9' });
    await expect(store.update({ deeplAuthKey: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'settings.keyNeedsEnvironment'),
    );
  });

  it('rejects a server URL that is not http(s)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'settings-'));
    const store = new SettingsStore(dir, {}, null);
    await expect(store.update({ serverUrl: 'file:///etc/passwd' })).rejects.toSatisfy((e) =>
      isAppError(e, 'settings.badServerUrl'),
    );
    expect((await store.update({ serverUrl: 'https://api.deepl.com/' })).serverUrl).toBe(
      'https://api.deepl.com',
    );
  });
});
