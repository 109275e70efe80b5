import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaIssue, TargetLang } from '../../../electron/contract';
import { useMessage } from '../../i18n/messages';

/** One finding in the panel: row link, language, message, and its "not an error" mark or the form to add one. */
export function QaItem(props: {
  issue: QaIssue;
  row: number;
  onJump(segmentId: string, lang: TargetLang): void;
  onDismiss(issueId: string, reason: string | null): Promise<boolean>;
}) {
  const { t, i18n } = useTranslation('qa');
  const message = useMessage();
  const { issue, row } = props;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const save = async () => {
    if (await props.onDismiss(issue.id, reason)) {
      setAsking(false);
      setReason('');
    }
  };

  return (
    <li className={`qa-${issue.severity}${issue.dismissal ? ' dismissed' : ''}`} data-testid="qa-item">
      <button
        type="button"
        className="link"
        aria-label={t('panel.jump', { row })}
        onClick={() => props.onJump(issue.segmentId, issue.lang === 'both' ? 'vi' : issue.lang)}
      >
        {t('panel.row', { row })}
      </button>
      <span className="lang-code">{issue.lang === 'both' ? t('panel.both') : issue.lang.toUpperCase()}</span>
      <span className="qa-message">{message(issue)}</span>
      {issue.dismissal ? (
        <>
          <span className="qa-dismissal">
            {t('panel.dismissedBy', { ...issue.dismissal, at: date(issue.dismissal.at) })}
          </span>
          <button type="button" className="small" onClick={() => void props.onDismiss(issue.id, null)}>
            {t('panel.reopen')}
          </button>
        </>
      ) : asking ? (
        <form
          className="qa-reason"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('panel.reason')}
            <input
              autoFocus
              value={reason}
              placeholder={t('panel.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="qa-reason"
            />
          </label>
          <button type="submit" className="small primary">
            {t('panel.save')}
          </button>
        </form>
      ) : (
        <button type="button" className="small" onClick={() => setAsking(true)}>
          {t('panel.notError')}
        </button>
      )}
    </li>
  );
}
