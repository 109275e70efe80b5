import type { ApiHandlers } from '../contract';
import type { CoreContext } from './context';

type SettingsHandlers = Pick<ApiHandlers, 'getSettings' | 'updateSettings'>;

/** App settings (the DeepL key is write-only and never comes back). */
export function settingsHandlers(ctx: CoreContext): SettingsHandlers {
  const { settings } = ctx;
  return {
    getSettings: async () => settings.view(),
    updateSettings: (patch) => settings.update(patch),
  };
}
