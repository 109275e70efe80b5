import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaFinding } from '../../../common/qa';
import { useMessage } from '../../i18n/messages';

const SHOWN = 3;

/** The findings of one cell, under its text, updated as the reviewer types. */
export const CellFindings = memo(function CellFindings(props: { findings: QaFinding[]; testId?: string }) {
  const { t } = useTranslation('qa');
  const message = useMessage();
  const sorted = useMemo(
    () =>
      [...props.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    [props.findings],
  );
  if (!sorted.length) return null;
  return (
    <ul className="cell-findings" aria-label={t('cell.findings')} data-testid={props.testId}>
      {sorted.slice(0, SHOWN).map((f) => (
        <li key={f.id} className={`qa-${f.severity}`}>
          <span className="sr-only">{t(`panel.${f.severity}`)}: </span>
          {message(f)}
        </li>
      ))}
      {sorted.length > SHOWN && <li className="more">{t('cell.more', { count: sorted.length - SHOWN })}</li>}
    </ul>
  );
});
