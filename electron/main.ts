/**
 * Electron main process: one locked-down window showing the renderer, the contract served over IPC, and the
 * desktop-only pieces (menu in the UI language, native dialogs, OS keychain, single instance, files opened from
 * the OS). Everything else lives in plain-Node modules (`shell/`, `services/`), unit-tested without Electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, screen, session, shell, type WebFrameMain } from 'electron';
import { createCore, type Core } from './handlers';
import {
  broadcast,
  confirmKeyTransfer,
  desktopHandle,
  keychainVault,
  pickArticle,
  pickProjectFile,
  registerIpc,
  saveProjectFile,
  showUnsupported,
} from './ipc';
import { SAMPLE_ARTICLE, defaultDataDir, findAppRoot } from './services/paths';
import { SettingsStore } from './services/settings';
import { pickLang } from './services/i18n';
import { loadMainT } from './shell/i18n';
import { InstanceCoordinator, filesFromArgv } from './shell/instance';
import { buildMenuTemplate } from './shell/menu';
import { openFromDisk } from './shell/open-file';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './shell/window-state';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = findAppRoot(here);
const rendererIndex = join(appRoot, 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();
const dataDir = defaultDataDir(process.env);

let core: Core | null = null;
let win: BrowserWindow | null = null;

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  // Only our own page, loaded from disk, in a top-level frame may call the API.
  return !!frame && frame.parent === null && frame.url === rendererUrl;
}

const instances = new InstanceCoordinator({
  focus() {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  },
  async open(path, kind) {
    // Through the core: held until the window's UI has subscribed (the `uiReady` handshake).
    if (core) core.emit(await openFromDisk(path, kind, core.handlers));
  },
  unsupported: (path) => showUnsupported(win, path),
});

// Electron's single-instance lock is keyed by its profile folder: with a data folder of its own (REVIEW_DATA_DIR,
// tests and portable installs) the profile lives there too, so the lock means "one app per data folder".
if (process.env.REVIEW_DATA_DIR) app.setPath('userData', join(dataDir, 'profile'));
// One app per user: a second start hands its files to this one and quits (two processes must never write the
// same data folder).
if (InstanceCoordinator.decide(app.requestSingleInstanceLock()) === 'quit') app.quit();
app.on('second-instance', (_e, argv, cwd) => instances.secondInstance(argv, cwd, app.isPackaged));
// macOS sends files opened from Finder (and the dock) as events, possibly before the window exists.
app.on('open-file', (e, path) => {
  e.preventDefault();
  instances.request(path);
});

async function createWindow(): Promise<BrowserWindow> {
  const saved = fitToDisplays(
    await loadWindowState(dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const w = new BrowserWindow({
    ...saved,
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
      // Middle-click must not open links in new windows (navigation is denied anyway; this closes the path).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  w.once('ready-to-show', () => {
    if (saved.maximized) w.maximize();
    w.show();
  });
  w.webContents.setWindowOpenHandler(({ url }) => {
    // Links in an article (picture URLs) open in the user's browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-attach-webview', (e) => e.preventDefault());
  w.on('close', () => void saveWindowState(dataDir, currentState(w)).catch(() => undefined));
  await w.loadFile(rendererIndex);
  return w;
}

function currentState(w: BrowserWindow): WindowState {
  const b = w.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() };
}

/** The menu in the UI language (Settings, else the system's); rebuilt when the language changes. */
function buildMenu(w: BrowserWindow, lang: string): void {
  const t = loadMainT(appRoot, lang);
  const template = buildMenuTemplate(
    t,
    {
      openArticle: () => void pickArticle(w, t).then((p) => p && instances.request(p)),
      openProjectFile: () => void pickProjectFile(w, t).then((p) => p && instances.request(p)),
      saveProjectFile: () => void saveProjectFile(w, t, core),
      showShortcuts: () => broadcast({ type: 'show-help', topic: 'shortcuts' }),
      showAbout: () => broadcast({ type: 'show-help', topic: 'about' }),
    },
    { platform: process.platform, packaged: app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.enableSandbox();
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const uiLang = (): string => pickLang(settings.view().uiLanguage ?? app.getLocale());
  const settings: SettingsStore = new SettingsStore(dataDir, process.env, keychainVault(), (from, to) =>
    confirmKeyTransfer(win, loadMainT(appRoot, uiLang()), from, to),
  );
  const created = await createCore({
    dataDir,
    now: () => new Date(),
    appVersion: app.getVersion(),
    mode: 'electron',
    systemLocale: app.getLocale(),
    samplePath: join(appRoot, SAMPLE_ARTICLE),
    settings,
    emit: broadcast,
  });
  core = created;
  registerIpc(
    desktopHandle(created, () => win && buildMenu(win, uiLang())),
    isTrustedFrame,
  );
  win = await createWindow();
  buildMenu(win, uiLang());
  // `npm start -- article.txt` or a double-clicked project file: open once the page is ready.
  for (const file of filesFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() }))
    instances.request(file);
  await instances.markReady();
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
