import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, toApiError } from './api';
import { App } from './App';
import { StorageRecovery } from './features/storage/StorageRecovery';
import { LoginScreen } from './features/desk/LoginScreen';
import { loadDeskMe } from './features/desk/desk-session';
import { initI18n, startLanguage } from './i18n';
import { useMessage } from './i18n/messages';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../electron/contract';
import './styles/app.css';

/** Shown when the app cannot even read its settings (the background service is down). */
function StartFailed(props: { error: ApiError }) {
  const { t } = useTranslation();
  const message = useMessage();
  return (
    <div className="start-failed" role="alert">
      <h1>{t('app.startFailed')}</h1>
      <p>{message(props.error)}</p>
    </div>
  );
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  // Open the event stream first, before any call can start work that pushes progress, so no event is missed.
  api.onEvent(() => undefined);
  try {
    const status = await api.storageStatus();
    if (!status.ok) {
      // The database did not open: say why and offer the backups instead of a desk that cannot save.
      const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
      await initI18n(startLanguage(settings.uiLanguage, info.systemLocale, navigator.language));
      root.render(<StorageRecovery status={status} onRestored={() => window.location.reload()} />);
      return;
    }
    // The desk account too, so the first render already hides what the person's role cannot do.
    const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings(), loadDeskMe()]);
    // In a browser the page's language is the reviewer's; the host's OS language is only a fallback there.
    const [first, second] =
      info.mode === 'browser'
        ? [navigator.language, info.systemLocale]
        : [info.systemLocale, navigator.language];
    await initI18n(startLanguage(settings.uiLanguage, first, second));
    // The app works on a team desk but has no session yet (sessions are not stored): sign in first.
    const link = await api.deskConnection();
    if (link.address && link.state === 'signed-out') {
      const address = link.address;
      root.render(
        <LoginScreen
          onSignedIn={() => window.location.reload()}
          client={{
            address,
            kept: link.kept,
            signIn: async (name, password) => void (await api.deskConnect({ address, name, password })),
            workLocally: () => void api.deskDisconnect().finally(() => window.location.reload()),
          }}
        />,
      );
      return;
    }
    root.render(
      <StrictMode>
        <App info={info} initialSettings={settings} />
      </StrictMode>,
    );
  } catch (e) {
    await initI18n(startLanguage(null, '', navigator.language));
    const error = toApiError(e);
    // A team desk without a session: sign in, then start again with the cookie in place.
    if (error.code === 'desk.notSignedIn')
      root.render(<LoginScreen onSignedIn={() => window.location.reload()} />);
    else root.render(<StartFailed error={error} />);
  }
}

void start();
