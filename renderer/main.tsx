import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './App';
import { initI18n, pickUiLanguage } from './i18n';
import './styles/app.css';

async function start() {
  const [info, settings] = await Promise.all([api.getAppInfo(), api.getSettings()]);
  await initI18n(settings.uiLanguage ?? pickUiLanguage(info.systemLocale || navigator.language));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App info={info} initialSettings={settings} />
    </StrictMode>,
  );
}

void start();
