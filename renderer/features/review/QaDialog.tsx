import { useTranslation } from 'react-i18next';
import type { QaIssue, Segment } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';

/** Findings of the cross-checks (Korean ↔ each target, Vietnamese ↔ English), each jumping to its row. */
export function QaDialog(props: {
  issues: QaIssue[];
  segments: Segment[];
  onJump(segmentId: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const rows = new Map(props.segments.map((s, i) => [s.id, i + 1]));
  return (
    <Dialog title={t('qa.title')} onClose={props.onClose} wide>
      {props.issues.length === 0 ? (
        <p>{t('qa.none')}</p>
      ) : (
        <ul className="qa-list">
          {props.issues.map((issue, i) => (
            <li key={i} className={`qa-${issue.severity}`}>
              <button type="button" className="link" onClick={() => props.onJump(issue.segmentId)}>
                {t('qa.row', { row: rows.get(issue.segmentId) ?? '?' })}
              </button>{' '}
              <span className="qa-lang">{issue.lang === 'both' ? 'vi ↔ en' : issue.lang}</span>{' '}
              {message(issue)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('qa.close')}
        </button>
      </div>
    </Dialog>
  );
}
