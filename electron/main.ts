/**
 * Electron main process: one locked-down window showing the renderer, the contract served over IPC, and the
 * desktop-only pieces (native dialogs, OS keychain). Everything else lives in plain-Node services.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, session, shell, type WebFrameMain } from 'electron';
import type { ApiHandlers } from './contract';
import { createCore, type Core } from './handlers';
import { broadcast, desktopSave, keychainVault, pickArticle, registerIpc } from './ipc';
import { toApiError } from './services/api-errors';
import { SAMPLE_ARTICLE, defaultDataDir, findAppRoot } from './services/paths';
import { SettingsStore } from './services/settings';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = findAppRoot(here);
const rendererIndex = join(appRoot, 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();

let core: Core | null = null;

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  // Only our own page, loaded from disk, in a top-level frame may call the API.
  return !!frame && frame.parent === null && frame.url === rendererUrl;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Bilingual Review',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links in an article (picture URLs) open in the user's browser, never inside the app.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void win.loadFile(rendererIndex);
  return win;
}

async function openArticle(path: string): Promise<void> {
  if (!core) return;
  try {
    const bytes = await readFile(path);
    const outcome = await core.handlers.importArticle({
      fileName: basename(path),
      dataBase64: bytes.toString('base64'),
    });
    // Through the core: held until the window's UI has subscribed (the `uiReady` handshake).
    core.emit({ type: 'project-opened', outcome });
  } catch (e) {
    core.emit({ type: 'error', error: readError(e) });
  }
}

function readError(e: unknown) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'import.notFound' };
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return { code: 'import.unreadable' };
  return toApiError(e);
}

function buildMenu(win: BrowserWindow): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Open…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void pickArticle(win).then((p) => (p ? openArticle(p) : undefined)),
        },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.enableSandbox();
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dataDir = defaultDataDir(process.env);
  const created = await createCore({
    dataDir,
    now: () => new Date(),
    appVersion: app.getVersion(),
    mode: 'electron',
    systemLocale: app.getLocale(),
    samplePath: join(appRoot, SAMPLE_ARTICLE),
    settings: new SettingsStore(dataDir, process.env, keychainVault()),
    emit: broadcast,
  });
  core = created;
  const handlers: ApiHandlers = {
    ...created.handlers,
    saveExport: desktopSave(created.handlers.buildExport),
  };
  registerIpc(handlers, isTrustedFrame);
  const win = createWindow();
  buildMenu(win);
  // `npm start -- article.txt`: open that article once the page is ready.
  const fileArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && a !== '.');
  if (fileArg) win.webContents.once('did-finish-load', () => void openArticle(resolve(fileArg)));
});

let closing = false;
app.on('before-quit', (e) => {
  // Flush autosave before the process goes away, so the last edit is never lost.
  if (closing || !core) return;
  e.preventDefault();
  closing = true;
  void core.close().finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());
