import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_CHECK_IDS, type QaIssue, type Segment, type TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';
import { rowNumbers } from '../review/review-state';

type LangFilter = 'all' | TargetLang | 'both';
type SeverityFilter = 'all' | 'error' | 'warning';

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
  const { t, i18n } = useTranslation(['qa', 'common']);
  const message = useMessage();
  const rows = rowNumbers(props.segments);
  const [lang, setLang] = useState<LangFilter>('all');
  const [check, setCheck] = useState<'all' | (typeof QA_CHECK_IDS)[number]>('all');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [showDismissed, setShowDismissed] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');

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
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const save = async (id: string) => {
    if (await props.onDismiss(id, reason)) {
      setAsking(null);
      setReason('');
    }
  };

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
          {shown.map((issue) => {
            const row = rows.get(issue.segmentId) ?? 0;
            return (
              <li
                key={issue.id}
                className={`qa-${issue.severity}${issue.dismissal ? ' dismissed' : ''}`}
                data-testid="qa-item"
              >
                <button
                  type="button"
                  className="link"
                  aria-label={t('panel.jump', { row })}
                  onClick={() => props.onJump(issue.segmentId, issue.lang === 'both' ? 'vi' : issue.lang)}
                >
                  {t('panel.row', { row })}
                </button>
                <span className="lang-code">
                  {issue.lang === 'both' ? t('panel.both') : issue.lang.toUpperCase()}
                </span>
                <span className="qa-message">{message(issue)}</span>
                {issue.dismissal ? (
                  <>
                    <span className="qa-dismissal">
                      {t('panel.dismissedBy', { ...issue.dismissal, at: date(issue.dismissal.at) })}
                    </span>
                    <button
                      type="button"
                      className="small"
                      onClick={() => void props.onDismiss(issue.id, null)}
                    >
                      {t('panel.reopen')}
                    </button>
                  </>
                ) : asking === issue.id ? (
                  <form
                    className="qa-reason"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void save(issue.id);
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
                  <button type="button" className="small" onClick={() => setAsking(issue.id)}>
                    {t('panel.notError')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
