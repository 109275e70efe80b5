import { useTranslation } from 'react-i18next';
import type { LengthLimits } from '../../../electron/contract';
import { Field } from '../../components/Field';
import type { SetField, SettingsForm } from './settings-form';

const KINDS = ['headline', 'subheadline', 'caption', 'lead'] as const;

/**
 * Settings › Length limits: characters allowed per target cell for a headline, a sub-headline, a picture's
 * caption and the lead (empty: no limit). A cell over its limit says so in the grid; on a desk they are the desk's.
 */
export function LimitsSection(props: { form: SettingsForm; set: SetField }) {
  const { t } = useTranslation(['settings', 'editor']);
  const setLimit = (kind: keyof LengthLimits, value: string) => {
    const n = Number.parseInt(value, 10);
    const next = { ...props.form.limits };
    if (Number.isInteger(n) && n > 0) next[kind] = n;
    else delete next[kind];
    props.set('limits', next);
  };
  return (
    <fieldset className="field-set limits" data-testid="limits-settings">
      <legend>{t('settings:limits.title')}</legend>
      <p className="field-hint">{t('settings:limits.hint')}</p>
      {KINDS.map((kind) => (
        <Field key={kind} label={t(`settings:limits.${kind}`)}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              inputMode="numeric"
              value={props.form.limits[kind] ?? ''}
              onChange={(e) => setLimit(kind, e.target.value)}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
