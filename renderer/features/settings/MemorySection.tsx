import { useTranslation } from 'react-i18next';
import type { MemorySettings } from '../../../electron/contract';
import { Field } from '../../components/Field';
import type { SetField, SettingsForm } from './settings-form';

/** A whole number typed into a field, kept within [min, max]; the previous value when it is not a number. */
function clampInt(value: string, min: number, max: number, previous: number): number {
  const n = Number.parseInt(value, 10);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : previous;
}

/**
 * Settings › Memory: from which score a fuzzy match shows its badge in the grid, whether 101 % matches are
 * approved as they fill a cell, and above how many characters a machine-translation run asks first.
 */
export function MemorySection(props: { form: SettingsForm; set: SetField }) {
  const { t } = useTranslation('settings');
  const m = props.form.memory;
  const set = (patch: Partial<MemorySettings>) => props.set('memory', { ...m, ...patch });
  return (
    <fieldset className="field-set" data-testid="memory-settings">
      <legend>{t('memory.title')}</legend>
      <Field label={t('memory.badgeThreshold')} hint={t('memory.badgeThresholdHint')}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={75}
            max={99}
            value={m.badgeThreshold}
            onChange={(e) => set({ badgeThreshold: clampInt(e.target.value, 75, 99, m.badgeThreshold) })}
          />
        )}
      </Field>
      <Field label={t('memory.confirmCharacters')} hint={t('memory.confirmCharactersHint')}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={0}
            step={1000}
            value={m.confirmCharacters}
            onChange={(e) =>
              set({ confirmCharacters: clampInt(e.target.value, 0, 100_000_000, m.confirmCharacters) })
            }
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={m.autoApproveContext}
          onChange={(e) => set({ autoApproveContext: e.target.checked })}
        />
        {t('memory.autoApproveContext')}
      </label>
    </fieldset>
  );
}
