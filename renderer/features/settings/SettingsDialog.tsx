import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch, SettingsView } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { InterfaceSection, ReviewSection } from './GeneralSections';
import { LimitsSection } from './LimitsSection';
import { MemorySection } from './MemorySection';
import { MachineTranslationSection } from './MachineTranslationSection';
import { SaveTogether, SaveTogetherContext } from './save-together';
import { settingsPatch, useSettingsForm } from './settings-form';

/** Settings: the DeepL key (write-only), endpoint, English variant, reviewer, context mode, UI language. */
export function SettingsDialog(props: {
  settings: SettingsView;
  onSave(patch: SettingsPatch): Promise<boolean>;
  onClose(): void;
  /**
   * More settings sections: the QA check switches (stored as they are switched) and the house style (stored by
   * this dialog's Save, through {@link useSaveTogether}).
   */
  extra?: ReactNode;
}) {
  const { t } = useTranslation(['settings', 'common']);
  const { form, set } = useSettingsForm(props.settings);
  const [busy, setBusy] = useState(false);
  const [together] = useState(() => new SaveTogether());

  const save = async () => {
    setBusy(true);
    const ok = (await props.onSave(settingsPatch(form, props.settings))) && (await together.saveAll());
    setBusy(false);
    if (ok) props.onClose();
  };

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
        <MachineTranslationSection settings={props.settings} form={form} set={set} />
        <ReviewSection form={form} set={set} />
        <MemorySection form={form} set={set} />
        <LimitsSection form={form} set={set} />
        <InterfaceSection form={form} set={set} />
        <SaveTogetherContext.Provider value={together}>{props.extra}</SaveTogetherContext.Provider>
        {/* Enter in a text field saves, as in any form. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
