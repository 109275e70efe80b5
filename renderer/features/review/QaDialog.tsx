import { useTranslation } from 'react-i18next';
import type { QaIssue, Segment, TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';
import { rowNumbers } from './review-state';

/** Findings of the cross-checks (Korean ↔ each target, Vietnamese ↔ English), each jumping to its row. */
export function QaDialog(props: {
  issues: QaIssue[];
  segments: Segment[];
  onJump(segmentId: string, lang: TargetLang): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['review', 'common']);
  const message = useMessage();
  const rows = rowNumbers(props.segments);
  return (
    <Dialog
      title={t('review:checks.title')}
      onClose={props.onClose}
      wide
      testId="qa-dialog"
      footer={
        <button type="button" onClick={props.onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      {props.issues.length === 0 ? (
        <p>{t('review:checks.none')}</p>
      ) : (
        <ul className="qa-list">
          {props.issues.map((issue, i) => (
            <li key={i} className={`qa-${issue.severity}`}>
              <button
                type="button"
                className="link"
                onClick={() => props.onJump(issue.segmentId, issue.lang === 'both' ? 'vi' : issue.lang)}
              >
                {t('review:checks.row', { row: rows.get(issue.segmentId) ?? '?' })}
              </button>
              <span className="lang-code">
                {issue.lang === 'both' ? t('review:checks.both') : issue.lang.toUpperCase()}
              </span>
              <span>{message(issue)}</span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
