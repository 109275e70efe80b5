import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type i18n as I18n } from 'i18next';
import { registerPercent } from '../../common/i18n/percent';
import { UI_LANGS, type ApiError, type UiLang } from '../contract';

export type { I18n };

type Resources = Record<string, Record<string, unknown>>;

/** One language's namespaces from `locales/<lng>/*.json` in the app folder; none when the folder is missing. */
function readLanguage(appRoot: string, lng: UiLang): Resources {
  const dir = join(appRoot, 'locales', lng);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return {};
  }
  const out: Resources = {};
  for (const file of files) {
    try {
      out[file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(dir, file), 'utf8'),
      ) as Resources[string];
    } catch {
      // An unreadable namespace falls back to English, then to the key.
    }
  }
  return out;
}

/**
 * i18next for the Node side (the CLI, the desktop main process: menu, native dialogs), on the same
 * `locales/<lng>/<ns>.json` files the renderer bundles, read synchronously from the app folder. Missing keys fall
 * back to English, then to the key itself.
 */
export function createNodeI18n(appRoot: string, locale: string | null | undefined): I18n {
  const lng = pickLang(locale);
  const resources: Record<string, Resources> = { en: readLanguage(appRoot, 'en') };
  if (lng !== 'en') resources[lng] = readLanguage(appRoot, lng);
  const instance = createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    resources,
    ns: Object.keys(resources.en!),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  registerPercent(instance);
  return instance;
}

/** The text of an error code in the instance's language (`import.empty` in `errors`, or `qa:numberMissing`). */
export function describeError(i18n: I18n, error: ApiError): string {
  const key = error.code.includes(':') ? error.code : `errors:${error.code}`;
  const options = { detail: '', ...(error.params ?? {}) };
  // With its params: a message in plural forms (`_one`, `_other`) exists only for a count.
  if (!i18n.exists(key, options)) return error.code;
  return i18n.t(key, options);
}

/** Our UI language for a locale such as `ko-KR` or `vi_VN`; English for anything else. */
export function pickLang(locale: string | null | undefined): UiLang {
  const base = (locale ?? '').toLowerCase().split(/[-_.]/)[0] as UiLang;
  return UI_LANGS.includes(base) ? base : 'en';
}
