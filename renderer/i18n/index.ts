import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerJosa } from '../../common/i18n/josa';
import { registerPercent } from '../../common/i18n/percent';
import { UI_LANGS, type UiLang } from '../../electron/contract';
import enCommon from '../../locales/en/common.json';
import enEditor from '../../locales/en/editor.json';
import enDesk from '../../locales/en/desk.json';
import enErrors from '../../locales/en/errors.json';
import enExport from '../../locales/en/export.json';
import enProjects from '../../locales/en/projects.json';
import enQa from '../../locales/en/qa.json';
import enReview from '../../locales/en/review.json';
import enSettings from '../../locales/en/settings.json';
import enTm from '../../locales/en/tm.json';
import enTranslate from '../../locales/en/translate.json';
import enMenu from '../../locales/en/menu.json';
import enStorage from '../../locales/en/storage.json';
import koCommon from '../../locales/ko/common.json';
import koEditor from '../../locales/ko/editor.json';
import koDesk from '../../locales/ko/desk.json';
import koErrors from '../../locales/ko/errors.json';
import koExport from '../../locales/ko/export.json';
import koProjects from '../../locales/ko/projects.json';
import koQa from '../../locales/ko/qa.json';
import koReview from '../../locales/ko/review.json';
import koSettings from '../../locales/ko/settings.json';
import koTm from '../../locales/ko/tm.json';
import koTranslate from '../../locales/ko/translate.json';
import koMenu from '../../locales/ko/menu.json';
import koStorage from '../../locales/ko/storage.json';
import viCommon from '../../locales/vi/common.json';
import viEditor from '../../locales/vi/editor.json';
import viDesk from '../../locales/vi/desk.json';
import viErrors from '../../locales/vi/errors.json';
import viExport from '../../locales/vi/export.json';
import viProjects from '../../locales/vi/projects.json';
import viQa from '../../locales/vi/qa.json';
import viReview from '../../locales/vi/review.json';
import viSettings from '../../locales/vi/settings.json';
import viTm from '../../locales/vi/tm.json';
import viTranslate from '../../locales/vi/translate.json';
import viMenu from '../../locales/vi/menu.json';
import viStorage from '../../locales/vi/storage.json';

/** The UI's strings, by language and namespace; `en` is the source every other language must match. */
export const resources = {
  en: {
    common: enCommon,
    review: enReview,
    export: enExport,
    settings: enSettings,
    projects: enProjects,
    translate: enTranslate,
    errors: enErrors,
    qa: enQa,
    menu: enMenu,
    tm: enTm,
    storage: enStorage,
    editor: enEditor,
    desk: enDesk,
  },
  ko: {
    common: koCommon,
    review: koReview,
    export: koExport,
    settings: koSettings,
    projects: koProjects,
    translate: koTranslate,
    errors: koErrors,
    qa: koQa,
    menu: koMenu,
    tm: koTm,
    storage: koStorage,
    editor: koEditor,
    desk: koDesk,
  },
  vi: {
    common: viCommon,
    review: viReview,
    export: viExport,
    settings: viSettings,
    projects: viProjects,
    translate: viTranslate,
    errors: viErrors,
    qa: viQa,
    menu: viMenu,
    tm: viTm,
    storage: viStorage,
    editor: viEditor,
    desk: viDesk,
  },
} as const;

/** Every namespace; components name the ones they use in `useTranslation`. */
export const NAMESPACES = Object.keys(resources.en) as Array<keyof (typeof resources)['en']>;

/** The UI language for an OS/browser locale like `ko-KR` or `vi_VN`, or null when it is none of ours. */
export function matchUiLanguage(locale: string | null | undefined): UiLang | null {
  const base =
    (locale ?? '')
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return (UI_LANGS as readonly string[]).includes(base) ? (base as UiLang) : null;
}

/** Map a locale to a UI language, English when we have none closer. */
export function pickUiLanguage(locale: string | null | undefined): UiLang {
  return matchUiLanguage(locale) ?? 'en';
}

/** The UI language at start: the saved choice, else the OS language, else the browser's, else English. */
export function startLanguage(saved: UiLang | null, systemLocale: string, browserLocale: string): UiLang {
  return saved ?? matchUiLanguage(systemLocale) ?? matchUiLanguage(browserLocale) ?? 'en';
}

/** Start i18next in the given language and keep `<html lang>` in step with it (screen readers, fonts, hyphens). */
export async function initI18n(lng: UiLang): Promise<typeof i18next> {
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGS],
    defaultNS: 'common',
    ns: NAMESPACES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  registerJosa(i18next);
  registerPercent(i18next);
  document.documentElement.lang = lng;
  return i18next;
}
