import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../electron/contract';
import { Field } from '../../components/Field';
import type { SetField, SettingsForm } from './settings-form';

/**
 * The DeepL key: where the current one comes from, and a write-only field to replace or forget it (the desktop
 * app keeps it in the OS keychain; a browser cannot, so it gets a hint instead).
 */
export function DeeplKey(props: { settings: SettingsView; form: SettingsForm; set: SetField }) {
  const { t } = useTranslation('settings');
  const s = props.settings;
  const keyState =
    s.keySource === 'env' ? t('keyEnv') : s.keySource === 'settings' ? t('keySaved') : t('keyNone');
  return (
    <>
      <p className="key-state" data-testid="key-source">
        <span className="field-label">{t('keyStatus')}</span>{' '}
        <span className={`key-${s.keySource}`}>{keyState}</span>
      </p>
      {s.keyForOtherServer && (
        <p className="field-hint" role="status" data-testid="key-other-server">
          {t('keyOtherServer')}
        </p>
      )}
      {s.canStoreKey ? (
        <KeyField settings={s} form={props.form} set={props.set} />
      ) : (
        <p className="field-hint" data-testid="key-browser-hint">
          {t('keyBrowser')}
          {s.keySource === 'none' && <> {t('keyBrowserRestart')}</>}
        </p>
      )}
    </>
  );
}

function KeyField(props: { settings: SettingsView; form: SettingsForm; set: SetField }) {
  const { t } = useTranslation('settings');
  const source = props.settings.keySource;
  return (
    <Field
      label={t('key')}
      hint={
        <>
          {t('keyHint')}
          {source === 'env' && <> {t('keyEnvWins')}</>}
        </>
      }
    >
      {(c) => (
        <>
          <input
            {...c}
            type="password"
            placeholder={source === 'settings' ? t('keyReplacePlaceholder') : t('keyPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            value={props.form.key}
            onChange={(e) => props.set('key', e.target.value)}
          />
          {source === 'settings' && (
            <label className="inline">
              <input
                type="checkbox"
                checked={props.form.forget}
                onChange={(e) => props.set('forget', e.target.checked)}
              />
              {t('forgetKey')}
            </label>
          )}
        </>
      )}
    </Field>
  );
}
