import {
  BrowserWindow,
  dialog,
  ipcMain,
  safeStorage,
  type IpcMainInvokeEvent,
  type WebFrameMain,
} from 'electron';
import { CHANNELS, EVENT_CHANNEL, type ApiHandlers, type ApiMethod, type ReviewEvent } from './contract';
import { dispatch } from './dispatch';
import { toTransportError } from './services/api-errors';
import { AppError } from './services/errors';
import { writeFileAtomic } from './services/export';
import type { KeyVault } from './services/settings';

/**
 * Serve every contract channel over IPC. Each call is checked twice before it reaches a handler: the sender must
 * be our own top-level page (not an iframe or a navigated-away frame), and the arguments must match the channel's
 * schema.
 */
export function registerIpc(
  handlers: ApiHandlers,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
): void {
  for (const [method, channel] of Object.entries(CHANNELS) as Array<[ApiMethod, string]>) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      try {
        if (!isTrustedFrame(event.senderFrame)) throw new AppError('api.forbidden');
        return await dispatch(handlers, method, args);
      } catch (e) {
        throw toTransportError(e);
      }
    });
  }
}

/** Push an event to every window. */
export function broadcast(event: ReviewEvent): void {
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send(EVENT_CHANNEL, event);
}

/**
 * The OS keychain through `safeStorage`, or null where it would only obfuscate (Linux without a keyring falls back
 * to a hard-coded password, which is no protection): then the key must come from the environment.
 */
export function keychainVault(): KeyVault | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** The desktop's save: a native dialog (which itself asks before replacing a file), then an atomic write. */
export function desktopSave(buildExport: ApiHandlers['buildExport']): ApiHandlers['saveExport'] {
  return async (req) => {
    const file = await buildExport(req);
    const win = BrowserWindow.getFocusedWindow();
    const options = { defaultPath: file.fileName };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { path: null };
    await writeFileAtomic(choice.filePath, Buffer.from(file.dataBase64, 'base64'), { overwrite: true });
    return { path: choice.filePath };
  };
}

/** File › Open: pick an article in a native dialog; returns its name and bytes, or null when cancelled. */
export async function pickArticle(win: BrowserWindow): Promise<string | null> {
  const choice = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [{ name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'docx'] }],
  });
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}
