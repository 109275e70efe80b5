import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  UI_LANGS,
  type ApiError,
  type SettingsPatch,
  type SettingsView,
  type UiLang,
  type UsageView,
} from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useMessage } from '../../i18n/messages';
import { Dialog } from '../../components/Dialog';

const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };

/** Settings: the DeepL key (write-only), endpoint, English variant, reviewer, context mode, UI language. */
export function SettingsDialog(props: {
  settings: SettingsView;
  onSave(patch: SettingsPatch): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const s = props.settings;
  const [key, setKey] = useState('');
  const [forget, setForget] = useState(false);
  const [serverUrl, setServerUrl] = useState(s.serverUrl ?? '');
  const [variant, setVariant] = useState(s.englishVariant);
  const [reviewer, setReviewer] = useState(s.reviewerName);
  const [paragraphContext, setParagraphContext] = useState(s.paragraphContext);
  const [uiLanguage, setUiLanguage] = useState<UiLang | ''>(s.uiLanguage ?? '');
  const [usage, setUsage] = useState<UsageView | ApiError | null>(null);
  const message = useMessage();

  useEffect(() => {
    if (s.keySource === 'none') return;
    let live = true;
    api.getUsage().then(
      (u) => live && setUsage(u),
      (e: unknown) => live && setUsage(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [s.keySource]);

  const save = async () => {
    const patch: SettingsPatch = {
      serverUrl: serverUrl.trim() || null,
      englishVariant: variant,
      reviewerName: reviewer,
      paragraphContext,
      uiLanguage: uiLanguage || null,
    };
    if (key.trim()) patch.deeplAuthKey = key.trim();
    else if (forget) patch.deeplAuthKey = null;
    if (await props.onSave(patch)) props.onClose();
  };

  return (
    <Dialog title={t('settings.title')} onClose={props.onClose}>
      <div className="form">
        <fieldset>
          <legend>{t('settings.key')}</legend>
          <p data-testid="key-source">
            {s.keySource === 'env'
              ? t('settings.keyEnv')
              : s.keySource === 'settings'
                ? t('settings.keySaved')
                : t('settings.keyNone')}
          </p>
          {s.canStoreKey ? (
            <>
              <input
                type="password"
                aria-label={t('settings.key')}
                placeholder={t('settings.keyPlaceholder')}
                autoComplete="off"
                value={key}
                onChange={(e) => setKey(e.target.value)}
              />
              {s.keySource === 'settings' && (
                <label className="inline">
                  <input type="checkbox" checked={forget} onChange={(e) => setForget(e.target.checked)} />
                  {t('settings.forgetKey')}
                </label>
              )}
            </>
          ) : (
            <p className="hint">{t('settings.keyBrowser')}</p>
          )}
          {usage && (
            <p data-testid="usage" className={'code' in usage || usage.nearLimit ? 'cell-error' : 'hint'}>
              {t('usage.label')}:{' '}
              {'code' in usage
                ? message(usage)
                : usage.characterLimit === null
                  ? t('usage.unlimited', { count: usage.characterCount })
                  : t('usage.value', { count: usage.characterCount, limit: usage.characterLimit })}
            </p>
          )}
        </fieldset>
        <label>
          {t('settings.serverUrl')}
          <input type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label>
          {t('settings.englishVariant')}
          <select value={variant} onChange={(e) => setVariant(e.target.value as 'en-US' | 'en-GB')}>
            <option value="en-US">English (US)</option>
            <option value="en-GB">English (UK)</option>
          </select>
        </label>
        <label>
          {t('settings.reviewer')}
          <input type="text" value={reviewer} onChange={(e) => setReviewer(e.target.value)} />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={paragraphContext}
            onChange={(e) => setParagraphContext(e.target.checked)}
          />
          {t('settings.paragraphContext')}
        </label>
        <label>
          {t('settings.uiLanguage')}
          <select value={uiLanguage} onChange={(e) => setUiLanguage(e.target.value as UiLang | '')}>
            <option value="">{t('settings.system')}</option>
            {UI_LANGS.map((l) => (
              <option key={l} value={l}>
                {UI_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('settings.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {t('settings.save')}
        </button>
      </div>
    </Dialog>
  );
}
