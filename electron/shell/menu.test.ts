import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGS } from '../contract';
import { pickLang } from '../services/i18n';
import { loadMainT } from './i18n';
import { buildMenuTemplate, type MenuActions, type MenuItemSpec } from './menu';

const appRoot = dirname(dirname(import.meta.dirname));
const calls: string[] = [];
const actions: MenuActions = {
  openArticle: () => calls.push('openArticle'),
  openProjectFile: () => calls.push('openProjectFile'),
  saveProjectFile: () => calls.push('saveProjectFile'),
  showShortcuts: () => calls.push('showShortcuts'),
  showAbout: () => calls.push('showAbout'),
};
const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
const TOP: Record<string, string[]> = {
  en: ['&File', '&Edit', '&View', '&Help'],
  ko: ['파일(&F)', '편집(&E)', '보기(&V)', '도움말(&H)'],
  vi: ['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp'],
};

describe('application menu', () => {
  it.each(UI_LANGS)('is File, Edit, View, Help in %s with every label translated', (lng) => {
    const t = loadMainT(appRoot, lng);
    const menu = buildMenuTemplate(t, actions, { platform: 'linux', packaged: true });
    expect(menu.map((m) => m.label)).toEqual(TOP[lng]);
    for (const item of flat(menu).filter((i) => i.type !== 'separator')) {
      expect(item.label, JSON.stringify(item)).toBeTruthy();
      expect(item.label).not.toMatch(/^[a-z][A-Za-z]+$/); // a raw key would look like `openArticle`
    }
    if (lng !== 'en') expect(flat(menu).map((i) => i.label)).not.toContain('&Open article…');
  });

  it('has the usual accelerators and runs the app actions', () => {
    const menu = flat(
      buildMenuTemplate(loadMainT(appRoot, 'en'), actions, { platform: 'win32', packaged: true }),
    );
    const acc = Object.fromEntries(
      menu.filter((i) => i.accelerator).map((i) => [i.role ?? i.label, i.accelerator]),
    );
    expect(acc).toMatchObject({
      '&Open article…': 'CmdOrCtrl+O',
      undo: 'CmdOrCtrl+Z',
      redo: 'Ctrl+Y',
      copy: 'CmdOrCtrl+C',
      paste: 'CmdOrCtrl+V',
      zoomIn: 'CmdOrCtrl+Plus',
      togglefullscreen: 'F11',
      quit: 'Ctrl+Q',
      '&Keyboard shortcuts': 'F1',
    });
    calls.length = 0;
    for (const i of menu) i.click?.();
    expect(calls.sort()).toEqual([
      'openArticle',
      'openProjectFile',
      'saveProjectFile',
      'showAbout',
      'showShortcuts',
    ]);
    // No developer tools in an installed app.
    expect(menu.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('follows macOS conventions: app menu first, Window menu, no mnemonics', () => {
    const menu = buildMenuTemplate(loadMainT(appRoot, 'ko'), actions, {
      platform: 'darwin',
      packaged: false,
    });
    expect(menu.map((m) => m.label)).toEqual(['Bilingual Review', '파일', '편집', '보기', '창', '도움말']);
    expect(flat(menu).some((i) => i.label?.includes('&'))).toBe(false);
    expect(flat(menu).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('falls back to English for other system languages and interpolates', () => {
    expect(pickLang('ko-KR')).toBe('ko');
    expect(pickLang('vi_VN')).toBe('vi');
    expect(pickLang('fr-FR')).toBe('en');
    expect(loadMainT(appRoot, 'fr')('file')).toBe('&File');
    expect(loadMainT(appRoot, 'vi')('keyToOtherServer', { to: 'https://x' })).toContain('https://x');
    expect(loadMainT(join(appRoot, 'nowhere'), 'en')('file')).toBe('file');
  });
});
