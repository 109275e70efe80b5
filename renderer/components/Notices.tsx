import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/messages';
import type { Notice } from './notices';

/**
 * Warnings and errors from calls and runs: a strip between the tool bars and the grid, one line each, newest
 * last. It is part of the layout, so it never covers a cell; it is announced at once (alert). Notices keep their
 * code, so they follow a change of UI language.
 */
export function NoticeArea(props: { notices: Notice[]; onDismiss(id: number): void }) {
  const { t } = useTranslation();
  const shown = props.notices.filter((n) => n.kind !== 'info');
  if (shown.length === 0) return null;
  return (
    <section className="notice-area" aria-label={t('notices.label')}>
      {shown.map((n) => (
        <NoticeLine key={n.id} notice={n} onDismiss={props.onDismiss} />
      ))}
    </section>
  );
}

/** Information (saved, copied, undone…): in the status bar for a few seconds, read out politely. */
export function InfoNote(props: { notices: Notice[]; onDismiss(id: number): void }) {
  const info = props.notices.filter((n) => n.kind === 'info').at(-1);
  return info ? <NoticeLine notice={info} onDismiss={props.onDismiss} /> : null;
}

function NoticeLine(props: { notice: Notice; onDismiss(id: number): void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const n = props.notice;
  const text = message(n.message);
  return (
    <div
      className={`notice notice-${n.kind}`}
      role={n.kind === 'info' ? 'status' : 'alert'}
      data-testid="notice"
    >
      <span className="notice-text" title={text}>
        {text}
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
  );
}
