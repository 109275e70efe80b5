import { useTranslation } from 'react-i18next';
import { UI_LANGS, type UiLang } from '../../../electron/contract';
import { Field } from '../../components/Field';
import type { SetField, SettingsForm } from './settings-form';

const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };

/** Settings › Review: the reviewer's name, recorded with each change. */
export function ReviewSection(props: { form: SettingsForm; set: SetField }) {
  const { t } = useTranslation('settings');
  return (
    <fieldset className="field-set">
      <legend>{t('review')}</legend>
      <Field label={t('reviewer')} hint={t('reviewerHint')}>
        {(c) => (
          <input
            {...c}
            type="text"
            autoComplete="name"
            value={props.form.reviewer}
            onChange={(e) => props.set('reviewer', e.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** Settings › Interface: the UI language, or the system's. */
export function InterfaceSection(props: { form: SettingsForm; set: SetField }) {
  const { t } = useTranslation('settings');
  return (
    <fieldset className="field-set">
      <legend>{t('interface')}</legend>
      <Field label={t('uiLanguage')}>
        {(c) => (
          <select
            {...c}
            value={props.form.uiLanguage}
            onChange={(e) => props.set('uiLanguage', e.target.value as UiLang | '')}
          >
            <option value="">{t('system')}</option>
            {UI_LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {UI_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
