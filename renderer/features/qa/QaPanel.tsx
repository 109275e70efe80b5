import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_CHECK_IDS, type QaIssue, type Segment, type TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { rowNumbers } from '../review/review-state';
import { QaItem } from './QaItem';

type LangFilter = 'all' | TargetLang | 'both';
type SeverityFilter = 'all' | 'error' | 'warning' | 'note';

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
  const [lang, setLang] = useState<LangFilter>('all');
  const [check, setCheck] = useState<'all' | (typeof QA_CHECK_IDS)[number]>('all');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [showDismissed, setShowDismissed] = useState(false);

  const shown = useMemo(
    () =>
      props.issues.filter(
        (i) =>
          (lang === 'all' || i.lang === lang) &&
          (check === 'all' || i.check === check) &&
          (severity === 'all' || i.severity === severity) &&
          (showDismissed || !i.dismissal),
      ),
    [props.issues, lang, check, severity, showDismissed],
  );
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
      <div className="qa-filters">
        <label>
          {t('panel.filterLang')}
          <select
            value={lang}
            onChange={(e) => setLang(e.target.value as LangFilter)}
            data-testid="qa-filter-lang"
          >
            <option value="all">{t('panel.all')}</option>
            <option value="vi">{t('common:lang.vi')}</option>
            <option value="en">{t('common:lang.en')}</option>
            <option value="both">{t('panel.both')}</option>
          </select>
        </label>
        <label>
          {t('panel.filterCheck')}
          <select
            value={check}
            onChange={(e) => setCheck(e.target.value as typeof check)}
            data-testid="qa-filter-check"
          >
            <option value="all">{t('panel.all')}</option>
            {QA_CHECK_IDS.map((c) => (
              <option key={c} value={c}>
                {t(`checkNames.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panel.filterSeverity')}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as SeverityFilter)}>
            <option value="all">{t('panel.all')}</option>
            <option value="error">{t('panel.errors')}</option>
            <option value="warning">{t('panel.warnings')}</option>
            <option value="note">{t('panel.notes')}</option>
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={showDismissed}
            onChange={(e) => setShowDismissed(e.target.checked)}
          />
          {t('panel.showDismissed')}
        </label>
      </div>
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
