import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppInfo,
  EnglishVariant,
  SettingsPatch,
  SettingsView,
  TranslateRequest,
} from '../../electron/contract';
import { api } from '../api';
import { notice, type Notice } from '../components/notices';
import type { ReviewStore } from '../features/editor/store';
import { needsMachineTranslation } from '../features/review/review-state';
import { startLanguage } from '../i18n';

/**
 * The app's settings as the host stored them: saving applies the UI language at once and, when a key was just
 * added, fills the open article's empty cells; the English variant is the open project's.
 */
export function useAppSettings(o: {
  info: AppInfo;
  initial: SettingsView;
  store: ReviewStore;
  push(n: Notice): void;
  fail(e: unknown): void;
  startTranslation(req: TranslateRequest): Promise<unknown>;
}) {
  const { info, store, push, fail, startTranslation } = o;
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState(o.initial);
  const hasKey = settings.keySource !== 'none';

  const systemLanguage = () =>
    info.mode === 'browser'
      ? startLanguage(null, navigator.language, info.systemLocale)
      : startLanguage(null, info.systemLocale, navigator.language);

  const saveSettings = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      const next = await api.updateSettings(patch);
      setSettings(next);
      await i18n.changeLanguage(next.uiLanguage ?? systemLanguage());
      push(notice('info', { code: 'settings:saved' }));
      // A key was just added: fill the empty cells now rather than waiting for the next article.
      const current = store.getProject();
      if (!hasKey && next.keySource !== 'none' && current && needsMachineTranslation(current))
        void startTranslation({ projectId: current.id, langs: ['vi', 'en'] });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const setVariant = (variant: EnglishVariant) => {
    const project = store.getProject();
    if (!project) return;
    api.setEnglishVariant({ projectId: project.id, variant }).then((p) => {
      store.patchProject({ englishVariant: p.englishVariant });
      push(notice('info', { code: 'editor:variant.changed', params: { variant } }));
    }, fail);
  };

  return { settings, setSettings, hasKey, saveSettings, setVariant };
}
