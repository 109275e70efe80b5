import { useTranslation } from 'react-i18next';
import type { EnglishVariant, SettingsView } from '../../../electron/contract';
import { CheckField, Field } from '../../components/Field';
import { DeeplKey } from './DeeplKey';
import type { SetField, SettingsForm } from './settings-form';
import { Usage } from './Usage';

/** Settings › Machine translation: the DeepL key and its usage, the endpoint, English variant, context mode. */
export function MachineTranslationSection(props: {
  settings: SettingsView;
  form: SettingsForm;
  set: SetField;
}) {
  const { t } = useTranslation('settings');
  const { form, set } = props;
  return (
    <fieldset className="field-set">
      <legend>{t('mt')}</legend>
      <DeeplKey settings={props.settings} form={form} set={set} />
      <Usage keySource={props.settings.keySource} />
      <Field label={t('serverUrl')} hint={t('serverUrlHint')}>
        {(c) => (
          <input
            {...c}
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://api.deepl.com"
            value={form.serverUrl}
            onChange={(e) => set('serverUrl', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('englishVariant')}>
        {(c) => (
          <select
            {...c}
            value={form.variant}
            onChange={(e) => set('variant', e.target.value as EnglishVariant)}
          >
            <option value="en-US">{t('enUS')}</option>
            <option value="en-GB">{t('enGB')}</option>
          </select>
        )}
      </Field>
      <CheckField
        label={t('paragraphContext')}
        hint={t('paragraphContextHint')}
        checked={form.paragraphContext}
        onChange={(v) => set('paragraphContext', v)}
      />
    </fieldset>
  );
}
