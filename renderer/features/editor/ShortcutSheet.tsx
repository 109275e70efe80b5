import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { SHEET } from './keymap';

/** Every keyboard command with its keys (`?` or F1). */
export function ShortcutSheet(props: { onClose(): void }) {
  const { t } = useTranslation(['editor', 'common']);
  return (
    <Dialog
      title={t('editor:shortcuts.title')}
      onClose={props.onClose}
      testId="shortcut-sheet"
      footer={
        <button type="button" onClick={props.onClose} data-autofocus>
          {t('common:actions.close')}
        </button>
      }
    >
      <ShortcutTable />
    </Dialog>
  );
}

/** The one list of shortcuts (the `?` sheet and Help both show it), from the key map. */
export function ShortcutTable() {
  const { t } = useTranslation('editor');
  const mac = /Mac|iP(hone|ad)/.test(navigator.platform);
  return (
    <table className="shortcut-table" data-testid="shortcut-table">
      <thead>
        <tr>
          <th scope="col">{t('shortcuts.keys')}</th>
          <th scope="col">{t('shortcuts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {SHEET.map((s) => (
          <tr key={s.id}>
            <td>
              <kbd>{mac ? s.keys.replaceAll('Ctrl', '⌘') : s.keys}</kbd>
            </td>
            <td>{t(`shortcuts.${s.id}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
