import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { Dialog } from '../../components/Dialog';
import type { Notice } from '../../components/notices';
import { notice } from '../../components/notices';
import { ShortcutTable } from '../editor/ShortcutSheet';
import './about.css';

/** Which part of the help the dialog opens on (Help › About or Help › Keyboard shortcuts). */
export type HelpTopic = 'about' | 'shortcuts';

/**
 * Help › About and the shortcut list, in both modes (the desktop menu opens it through a `show-help` event; the
 * browser mode through the Help button): versions, the licence of every shipped component, keyboard shortcuts.
 */
export function AboutDialog(props: { topic: HelpTopic; onClose: () => void; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation(['menu']);
  const { onNotice } = props;
  const about =
    valueOf(
      useApi(
        () => api.getAbout(),
        [],
        (e) => onNotice(notice('error', e)),
      ),
    ) ?? null;

  const shortcuts = (
    <section aria-labelledby="about-shortcuts" key="shortcuts">
      <h3 id="about-shortcuts">{t('menu:aboutDialog.shortcuts')}</h3>
      <ShortcutTable />
    </section>
  );
  const details = about && (
    <section key="about" aria-labelledby="about-versions">
      <p data-testid="about-version">
        <strong>{about.name}</strong> · {t('menu:aboutDialog.version', { version: about.version })} ·{' '}
        {about.mode === 'electron' ? t('menu:aboutDialog.mode_electron') : t('menu:aboutDialog.mode_browser')}
      </p>
      <h3 id="about-versions">{t('menu:aboutDialog.runtime')}</h3>
      <p>{about.runtime.map((r) => `${r.name} ${r.version}`).join(' · ')}</p>
      <h3>{t('menu:aboutDialog.licences')}</h3>
      <p>{t('menu:aboutDialog.licence')}</p>
      <div className="licence-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('menu:aboutDialog.component')}</th>
              <th scope="col">{t('menu:aboutDialog.versionCol')}</th>
              <th scope="col">{t('menu:aboutDialog.licenceCol')}</th>
            </tr>
          </thead>
          <tbody>
            {about.components.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td>{c.version}</td>
                <td>{c.license}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );

  return (
    <Dialog
      title={props.topic === 'shortcuts' ? t('menu:aboutDialog.shortcuts') : t('menu:aboutDialog.title')}
      onClose={props.onClose}
      testId="about-dialog"
      wide
      footer={
        <button type="button" onClick={props.onClose}>
          {t('menu:aboutDialog.close')}
        </button>
      }
    >
      {props.topic === 'shortcuts' ? [shortcuts, details] : [details, shortcuts]}
    </Dialog>
  );
}
