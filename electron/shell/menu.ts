/**
 * The desktop application menu as plain data, built from a translation function, so it is unit-tested in every UI
 * language without Electron. `main.ts` hands the result to `Menu.buildFromTemplate` (the shape is Electron's
 * `MenuItemConstructorOptions`, declared here structurally because only main, preload and ipc import electron).
 */

/** One menu item (the subset of Electron's `MenuItemConstructorOptions` we use). */
export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'normal';
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

/** Electron roles we use: the OS implements these (clipboard, zoom, window handling) natively. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

/** What the app's own items do. */
export interface MenuActions {
  openArticle(): void;
  openProjectFile(): void;
  saveProjectFile(): void;
  showShortcuts(): void;
  showAbout(): void;
}

/** Looks up a key of the `menu` namespace in the UI language. */
export type MenuT = (key: string) => string;

const sep: MenuItemSpec = { type: 'separator' };

/**
 * File, Edit, View, (Window on macOS) and Help with the usual items and accelerators. On macOS the app menu comes
 * first and `&` mnemonics are removed (macOS has none); developer tools only in unpackaged builds.
 */
export function buildMenuTemplate(
  t: MenuT,
  actions: MenuActions,
  opts: { platform: NodeJS.Platform; packaged: boolean },
): MenuItemSpec[] {
  const mac = opts.platform === 'darwin';
  const l = (key: string) => (mac ? t(key).replace(/\(&\w\)|&/g, '') : t(key));
  const item = (key: string, extra: Omit<MenuItemSpec, 'label'>): MenuItemSpec => ({
    label: l(key),
    ...extra,
  });
  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: 'Bilingual Review',
          submenu: [
            item('about', { click: actions.showAbout }),
            sep,
            item('hide', { role: 'hide' }),
            item('hideOthers', { role: 'hideOthers' }),
            item('showAll', { role: 'unhide' }),
            sep,
            item('quit', { role: 'quit', accelerator: 'Cmd+Q' }),
          ],
        },
      ]
    : [];
  const file = item('file', {
    submenu: [
      item('openArticle', { accelerator: 'CmdOrCtrl+O', click: actions.openArticle }),
      item('openProject', { accelerator: 'CmdOrCtrl+Shift+O', click: actions.openProjectFile }),
      item('saveProject', { accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveProjectFile }),
      sep,
      mac
        ? item('close', { role: 'close', accelerator: 'Cmd+W' })
        : item('quit', { role: 'quit', accelerator: 'Ctrl+Q' }),
    ],
  });
  const edit = item('edit', {
    submenu: [
      item('undo', { role: 'undo', accelerator: 'CmdOrCtrl+Z' }),
      item('redo', { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' }),
      sep,
      item('cut', { role: 'cut', accelerator: 'CmdOrCtrl+X' }),
      item('copy', { role: 'copy', accelerator: 'CmdOrCtrl+C' }),
      item('paste', { role: 'paste', accelerator: 'CmdOrCtrl+V' }),
      item('selectAll', { role: 'selectAll', accelerator: 'CmdOrCtrl+A' }),
    ],
  });
  const view = item('view', {
    submenu: [
      item('reload', { role: 'reload', accelerator: 'CmdOrCtrl+R' }),
      ...(opts.packaged ? [] : [{ role: 'toggleDevTools' as const, accelerator: 'CmdOrCtrl+Shift+I' }]),
      sep,
      item('resetZoom', { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' }),
      item('zoomIn', { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' }),
      item('zoomOut', { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' }),
      sep,
      item('fullScreen', { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' }),
    ],
  });
  const windowMenu = mac
    ? [item('window', { submenu: [item('minimize', { role: 'minimize', accelerator: 'Cmd+M' })] })]
    : [];
  const help = item('help', {
    submenu: [
      item('shortcuts', { accelerator: 'F1', click: actions.showShortcuts }),
      ...(mac ? [] : [sep, item('about', { click: actions.showAbout })]),
    ],
  });
  return [...appMenu, file, edit, view, ...windowMenu, help];
}
