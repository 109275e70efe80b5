import { memo, useMemo } from 'react';
import type { QaFinding } from '../../../common/qa';
import type { QaGridLabels } from './grid-labels';

const SHOWN = 3;

/** The findings of one cell, under its text (errors first, at most three and a count of the rest). */
export const CellFindings = memo(function CellFindings(props: {
  findings: readonly QaFinding[];
  labels: QaGridLabels;
  testId?: string;
}) {
  const { labels } = props;
  const sorted = useMemo(
    () =>
      [...props.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    [props.findings],
  );
  if (!sorted.length) return null;
  return (
    <ul className="cell-findings" aria-label={labels.findings} data-testid={props.testId}>
      {sorted.slice(0, SHOWN).map((f) => (
        <li key={f.id} className={`qa-${f.severity}`}>
          <span className="sr-only">{labels.severity[f.severity]}: </span>
          {labels.message(f)}
        </li>
      ))}
      {sorted.length > SHOWN && <li className="more">{labels.more(sorted.length - SHOWN)}</li>}
    </ul>
  );
});
