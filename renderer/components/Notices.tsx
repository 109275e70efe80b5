import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/messages';
import type { Notice } from './notices';

/**
 * Messages from calls and runs, newest last. Errors and warnings are alerts (announced at once), the rest polite
 * status messages. They keep their code, so they follow a change of UI language.
 */
export function Notices(props: { notices: Notice[]; onDismiss(id: number): void }) {
  const { t } = useTranslation();
  const message = useMessage();
  if (props.notices.length === 0) return null;
  return (
    <section className="toasts" aria-label={t('notices.label')}>
      {props.notices.map((n) => (
        <div
          key={n.id}
          className={`toast toast-${n.kind}`}
          role={n.kind === 'info' ? 'status' : 'alert'}
          data-testid="notice"
        >
          <span className="toast-text" title={message(n.message)}>
            {message(n.message)}
          </span>
          <button
            type="button"
            className="icon"
            aria-label={t('actions.dismiss')}
            title={t('actions.dismiss')}
            onClick={() => props.onDismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
