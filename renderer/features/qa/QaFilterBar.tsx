import { useTranslation } from 'react-i18next';
import { QA_CHECK_IDS, type QaIssue, type TargetLang } from '../../../electron/contract';

/** The QA panel's filters: language (or findings between both), check, severity, and whether marked ones show. */
export interface QaFilters {
  lang: 'all' | TargetLang | 'both';
  check: 'all' | (typeof QA_CHECK_IDS)[number];
  severity: 'all' | 'error' | 'warning' | 'note';
  showDismissed: boolean;
}

export const ALL_FINDINGS: QaFilters = { lang: 'all', check: 'all', severity: 'all', showDismissed: false };

/** The findings the filters let through, in their order. */
export function filterIssues(issues: readonly QaIssue[], f: QaFilters): QaIssue[] {
  return issues.filter(
    (i) =>
      (f.lang === 'all' || i.lang === f.lang) &&
      (f.check === 'all' || i.check === f.check) &&
      (f.severity === 'all' || i.severity === f.severity) &&
      (f.showDismissed || !i.dismissal),
  );
}

/** The filter fields above the QA panel's list. */
export function QaFilterBar(props: { filters: QaFilters; onChange(next: QaFilters): void }) {
  const { t } = useTranslation(['qa', 'common']);
  const { filters } = props;
  const set = (patch: Partial<QaFilters>) => props.onChange({ ...filters, ...patch });
  return (
    <div className="qa-filters">
      <label>
        {t('panel.filterLang')}
        <select
          value={filters.lang}
          onChange={(e) => set({ lang: e.target.value as QaFilters['lang'] })}
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
          value={filters.check}
          onChange={(e) => set({ check: e.target.value as QaFilters['check'] })}
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
        <select
          value={filters.severity}
          onChange={(e) => set({ severity: e.target.value as QaFilters['severity'] })}
        >
          <option value="all">{t('panel.all')}</option>
          <option value="error">{t('panel.errors')}</option>
          <option value="warning">{t('panel.warnings')}</option>
          <option value="note">{t('panel.notes')}</option>
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.showDismissed}
          onChange={(e) => set({ showDismissed: e.target.checked })}
        />
        {t('panel.showDismissed')}
      </label>
    </div>
  );
}
