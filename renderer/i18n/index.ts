import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGS, type UiLang } from '../../electron/contract';
import enCommon from '../../locales/en/common.json';
import enErrors from '../../locales/en/errors.json';
import enQa from '../../locales/en/qa.json';
import koCommon from '../../locales/ko/common.json';
import koErrors from '../../locales/ko/errors.json';
import koQa from '../../locales/ko/qa.json';
import viCommon from '../../locales/vi/common.json';
import viErrors from '../../locales/vi/errors.json';
import viQa from '../../locales/vi/qa.json';

/** The UI's strings, by language and namespace; `en` is the source every other language must match. */
export const resources = {
  en: { common: enCommon, errors: enErrors, qa: enQa },
  ko: { common: koCommon, errors: koErrors, qa: koQa },
  vi: { common: viCommon, errors: viErrors, qa: viQa },
} as const;

/** Map an OS/browser locale like `ko-KR` to a UI language, English when we have none closer. */
export function pickUiLanguage(locale: string | null | undefined): UiLang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGS as readonly string[]).includes(base ?? '') ? (base as UiLang) : 'en';
}

/** Start i18next in the given language and keep `<html lang>` in step with it. */
export async function initI18n(lng: UiLang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: ['common', 'errors', 'qa'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18next;
}
