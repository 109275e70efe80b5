import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { COMMANDS, KEYS } from './keymap';

/** Every keyboard command with its keys (`?` or F1). */
export function ShortcutSheet(props: { onClose(): void }) {
  const { t } = useTranslation(['editor', 'common']);
  const mac = /Mac|iP(hone|ad)/.test(navigator.platform);
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
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('editor:shortcuts.keys')}</th>
            <th scope="col">{t('editor:shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {COMMANDS.map((c) => (
            <tr key={c}>
              <td>
                <kbd>{mac ? KEYS[c].replaceAll('Ctrl', '⌘') : KEYS[c]}</kbd>
              </td>
              <td>{t(`editor:shortcuts.${c}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
