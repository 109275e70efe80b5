import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGS, type UiLang } from '../contract';

type Tree = { [key: string]: string | Tree };

/**
 * A translation function for the main process (menu, native dialogs), read from `locales/<lng>/<ns>.json` in the
 * app folder: the same files the renderer bundles. Missing keys fall back to English, then to the key.
 */
export function loadMainT(
  appRoot: string,
  lng: string,
  ns = 'menu',
): (key: string, params?: Record<string, string | number>) => string {
  const read = (l: string): Tree => {
    try {
      return JSON.parse(readFileSync(join(appRoot, 'locales', l, `${ns}.json`), 'utf8')) as Tree;
    } catch {
      return {};
    }
  };
  const lang = pickLang(lng);
  const primary = read(lang);
  const english = lang === 'en' ? primary : read('en');
  const lookup = (tree: Tree, key: string): string | undefined => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  return (key, params = {}) =>
    (lookup(primary, key) ?? lookup(english, key) ?? key).replace(
      /\{\{\s*(\w+)\s*\}\}/g,
      (m, name: string) => (name in params ? String(params[name]) : m),
    );
}

/** Our UI language for a locale such as `ko-KR` or `vi_VN`; English for anything else. */
export function pickLang(locale: string | null | undefined): UiLang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] as UiLang;
  return UI_LANGS.includes(base) ? base : 'en';
}
