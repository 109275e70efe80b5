import {
  BrowserWindow,
  dialog,
  ipcMain,
  safeStorage,
  type IpcMain,
  type IpcMainInvokeEvent,
  type WebFrameMain,
} from 'electron';
import { API_METHODS, EVENT_CHANNEL, METHODS, type ApiHandlers, type ReviewEvent } from './contract';
import { composePipeline, withOverrides, type Handle } from './core/pipeline';
import { toTransportError } from './services/api-errors';
import { AppError } from './services/errors';
import { writeFileAtomic } from './services/files';
import { extname } from 'node:path';
import type { Core } from './handlers';
import { describeServer } from './services/server-url';
import type { KeyVault } from './services/settings';
import { ARTICLE_EXTENSIONS, PROJECT_EXTENSION } from './shell/instance';
import { readError } from './shell/open-file';

/**
 * Serve every method of the table over IPC, through one pipeline composed here once (validate → handle; `handle`
 * is the core's, which routes to a desk and follows a backup restore). The sender must be our own top-level page
 * (not an iframe or a navigated-away frame) before anything else runs.
 */
export function registerIpc(
  handle: Handle,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
  ipc: Pick<IpcMain, 'handle'> = ipcMain,
): void {
  const call = composePipeline({ handle });
  for (const method of API_METHODS) {
    ipc.handle(METHODS[method].channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      try {
        if (!isTrustedFrame(event.senderFrame)) throw new AppError('api.forbidden');
        return await call(method, args, undefined);
      } catch (e) {
        throw toTransportError(e);
      }
    });
  }
}

/**
 * What the desktop's IPC ends in: the core, with the desktop's own save (a native dialog writing what the core,
 * or the desk, built) and a settings change that also rebuilds the menu when the UI language changed.
 */
export function desktopHandle(core: Pick<Core, 'handle' | 'handlers'>, onUiLanguage: () => void): Handle {
  const api = core.handlers;
  return withOverrides(core.handle, {
    saveExport: desktopSave(api.buildExport),
    updateSettings: async (patch) => {
      const view = await api.updateSettings(patch);
      if (patch.uiLanguage !== undefined) onUiLanguage();
      return view;
    },
  });
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

/** Main-process translation function (the `menu` namespace). */
type MainT = (key: string, params?: Record<string, string | number>) => string;

/** File › Open article: pick an article in a native dialog; its path, or null when cancelled. */
export async function pickArticle(win: BrowserWindow, t: MainT): Promise<string | null> {
  const choice = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [{ name: t('articles'), extensions: ARTICLE_EXTENSIONS.map((e) => e.slice(1)) }],
  });
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/** File › Open project file: pick a portable project file; its path, or null when cancelled. */
export async function pickProjectFile(win: BrowserWindow, t: MainT): Promise<string | null> {
  const choice = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [{ name: t('projectFiles'), extensions: [PROJECT_EXTENSION.slice(1)] }],
  });
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/**
 * File › Save project file as…: the project open last (the one on screen) as a portable file, through a native
 * save dialog (which asks before replacing a file) and an atomic write. Failures go to the UI as an error event.
 */
export async function saveProjectFile(win: BrowserWindow, t: MainT, core: Core | null): Promise<void> {
  if (!core) return;
  try {
    const id = await core.store.last();
    if (!id) return;
    const file = await core.handlers.exportProjectFile(id);
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: file.fileName,
      filters: [{ name: t('projectFiles'), extensions: [PROJECT_EXTENSION.slice(1)] }],
    });
    if (choice.canceled || !choice.filePath) return;
    await writeFileAtomic(choice.filePath, Buffer.from(file.dataBase64, 'base64'), { overwrite: true });
  } catch (e) {
    broadcast({ type: 'error', error: readError(e) });
  }
}

/** A file of a type the app does not open (from the file manager or a second start). */
export function showUnsupported(win: BrowserWindow | null, path: string): void {
  broadcast({
    type: 'error',
    error: { code: 'import.unsupported', params: { ext: extname(path).slice(1) } },
  });
  win?.focus();
}

/**
 * The native question before the DeepL key goes to a server it was not entered for. Native, so a compromised
 * page cannot answer it; "No" is the default and the cancel answer.
 */
export async function confirmKeyTransfer(
  win: BrowserWindow | null,
  t: MainT,
  from: string | null,
  to: string | null,
): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    buttons: [t('no'), t('yes')],
    defaultId: 0,
    cancelId: 0,
    message: t('keyToOtherServer', { to: describeServer(to) }),
    detail: t('keyToOtherServerDetail', { from: describeServer(from) }),
  };
  const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return answer.response === 1;
}
