import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  UI_LANGS,
  type ApiError,
  type EnglishVariant,
  type SettingsPatch,
  type SettingsView,
  type UiLang,
  type UsageView,
} from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useNumberFormat } from '../../i18n/format';
import { useMessage } from '../../i18n/messages';

const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };

/** Settings: the DeepL key (write-only), endpoint, English variant, reviewer, context mode, UI language. */
export function SettingsDialog(props: {
  settings: SettingsView;
  onSave(patch: SettingsPatch): Promise<boolean>;
  onClose(): void;
  /** More settings sections (the QA check switches), saved by their own feature. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation(['settings', 'common', 'translate']);
  const message = useMessage();
  const num = useNumberFormat();
  const s = props.settings;
  const [key, setKey] = useState('');
  const [forget, setForget] = useState(false);
  const [serverUrl, setServerUrl] = useState(s.serverUrl ?? '');
  const [variant, setVariant] = useState<EnglishVariant>(s.englishVariant);
  const [reviewer, setReviewer] = useState(s.reviewerName);
  const [paragraphContext, setParagraphContext] = useState(s.paragraphContext);
  const [uiLanguage, setUiLanguage] = useState<UiLang | ''>(s.uiLanguage ?? '');
  const [usage, setUsage] = useState<UsageView | ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    key: useId(),
    server: useId(),
    reviewer: useId(),
    context: useId(),
    variant: useId(),
    ui: useId(),
  };

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
    // Only what the reviewer changed: an address that came from the environment must not be copied into Settings.
    const patch: SettingsPatch = {};
    const url = serverUrl.trim() || null;
    if (url !== s.serverUrl) patch.serverUrl = url;
    if (variant !== s.englishVariant) patch.englishVariant = variant;
    if (reviewer.trim() !== s.reviewerName) patch.reviewerName = reviewer.trim();
    if (paragraphContext !== s.paragraphContext) patch.paragraphContext = paragraphContext;
    if ((uiLanguage || null) !== s.uiLanguage) patch.uiLanguage = uiLanguage || null;
    if (key.trim()) patch.deeplAuthKey = key.trim();
    else if (forget) patch.deeplAuthKey = null;
    setBusy(true);
    const ok = await props.onSave(patch);
    setBusy(false);
    if (ok) props.onClose();
  };

  const keyState =
    s.keySource === 'env'
      ? t('settings:keyEnv')
      : s.keySource === 'settings'
        ? t('settings:keySaved')
        : t('settings:keyNone');

  return (
    <Dialog
      title={t('settings:title')}
      onClose={props.onClose}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {t('common:actions.save')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="field-set">
          <legend>{t('settings:mt')}</legend>
          <p className="key-state" data-testid="key-source">
            <span className="field-label">{t('settings:keyStatus')}</span>{' '}
            <span className={`key-${s.keySource}`}>{keyState}</span>
          </p>
          {s.keyForOtherServer && (
            <p className="field-hint" role="status" data-testid="key-other-server">
              {t('settings:keyOtherServer')}
            </p>
          )}
          {s.canStoreKey ? (
            <div className="field">
              <label className="field-label" htmlFor={ids.key}>
                {t('settings:key')}
              </label>
              <input
                id={ids.key}
                type="password"
                placeholder={
                  s.keySource === 'settings'
                    ? t('settings:keyReplacePlaceholder')
                    : t('settings:keyPlaceholder')
                }
                autoComplete="off"
                spellCheck={false}
                value={key}
                onChange={(e) => setKey(e.target.value)}
              />
              <span className="field-hint">
                {t('settings:keyHint')}
                {s.keySource === 'env' && <> {t('settings:keyEnvWins')}</>}
              </span>
              {s.keySource === 'settings' && (
                <label className="inline">
                  <input type="checkbox" checked={forget} onChange={(e) => setForget(e.target.checked)} />
                  {t('settings:forgetKey')}
                </label>
              )}
            </div>
          ) : (
            <p className="field-hint" data-testid="key-browser-hint">
              {t('settings:keyBrowser')}
              {s.keySource === 'none' && <> {t('settings:keyBrowserRestart')}</>}
            </p>
          )}
          {usage && (
            <p
              data-testid="usage"
              className={'code' in usage || usage.nearLimit ? 'cell-error' : 'field-hint'}
            >
              {t('translate:usage.label')}:{' '}
              {'code' in usage
                ? message(usage)
                : usage.characterLimit === null
                  ? t('translate:usage.unlimited', { used: num(usage.characterCount) })
                  : t('translate:usage.value', {
                      used: num(usage.characterCount),
                      limit: num(usage.characterLimit),
                    })}
            </p>
          )}
          <div className="field">
            <label className="field-label" htmlFor={ids.server}>
              {t('settings:serverUrl')}
            </label>
            <input
              id={ids.server}
              type="url"
              inputMode="url"
              spellCheck={false}
              placeholder="https://api.deepl.com"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
            />
            <span className="field-hint">{t('settings:serverUrlHint')}</span>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.variant}>
              {t('settings:englishVariant')}
            </label>
            <select
              id={ids.variant}
              value={variant}
              onChange={(e) => setVariant(e.target.value as EnglishVariant)}
            >
              <option value="en-US">{t('settings:enUS')}</option>
              <option value="en-GB">{t('settings:enGB')}</option>
            </select>
          </div>
          <div className="field">
            <label className="inline">
              <input
                type="checkbox"
                aria-describedby={ids.context}
                checked={paragraphContext}
                onChange={(e) => setParagraphContext(e.target.checked)}
              />
              {t('settings:paragraphContext')}
            </label>
            <span className="field-hint" id={ids.context}>
              {t('settings:paragraphContextHint')}
            </span>
          </div>
        </fieldset>
        <fieldset className="field-set">
          <legend>{t('settings:review')}</legend>
          <div className="field">
            <label className="field-label" htmlFor={ids.reviewer}>
              {t('settings:reviewer')}
            </label>
            <input
              id={ids.reviewer}
              type="text"
              autoComplete="name"
              value={reviewer}
              onChange={(e) => setReviewer(e.target.value)}
            />
            <span className="field-hint">{t('settings:reviewerHint')}</span>
          </div>
        </fieldset>
        <fieldset className="field-set">
          <legend>{t('settings:interface')}</legend>
          <div className="field">
            <label className="field-label" htmlFor={ids.ui}>
              {t('settings:uiLanguage')}
            </label>
            <select
              id={ids.ui}
              value={uiLanguage}
              onChange={(e) => setUiLanguage(e.target.value as UiLang | '')}
            >
              <option value="">{t('settings:system')}</option>
              {UI_LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {UI_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {props.extra}
        {/* Enter in a text field saves, as in any form. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
