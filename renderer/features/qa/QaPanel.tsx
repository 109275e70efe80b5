import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaIssue, Segment, TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { rowNumbers } from '../review/review-state';
import { ALL_FINDINGS, filterIssues, QaFilterBar } from './QaFilterBar';
import { QaItem } from './QaItem';

/**
 * The findings of the whole project: filter by language, check and severity; jump to the row; mark a finding
 * "not an error" with a reason (remembered with who and when) or reopen it.
 */
export function QaPanel(props: {
  issues: QaIssue[];
  segments: Segment[];
  onJump(segmentId: string, lang: TargetLang): void;
  onDismiss(issueId: string, reason: string | null): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useTranslation(['qa', 'common']);
  const rows = rowNumbers(props.segments);
  const [filters, setFilters] = useState(ALL_FINDINGS);
  const shown = useMemo(() => filterIssues(props.issues, filters), [props.issues, filters]);
  const dismissed = props.issues.filter((i) => i.dismissal).length;
  return (
    <Dialog
      title={t('panel.title')}
      onClose={props.onClose}
      wide
      testId="qa-panel"
      footer={
        <button type="button" onClick={props.onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      <QaFilterBar filters={filters} onChange={setFilters} />
      <p className="qa-count" data-testid="qa-count">
        {t('panel.count', { open: props.issues.length - dismissed, dismissed })}
      </p>
      {shown.length === 0 ? (
        <p>{t('panel.none')}</p>
      ) : (
        <ul className="qa-list">
          {shown.map((issue) => (
            <QaItem
              key={issue.id}
              issue={issue}
              row={rows.get(issue.segmentId) ?? 0}
              onJump={props.onJump}
              onDismiss={props.onDismiss}
            />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
