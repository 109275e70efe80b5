import { memo, useMemo } from 'react';
import type { QaFinding } from '../../../common/qa';
import type { Segment, TargetLang } from '../../../electron/contract';
import { CellFindings } from './CellFindings';
import type { QaGridLabels } from './grid-labels';

/** Findings of one cell recomputed from the text as typed (the checker takes well under 5 ms a row). */
export const LiveCellFindings = memo(function LiveCellFindings(props: {
  segment: Segment;
  lang: TargetLang;
  text: string;
  check(segment: Segment, lang: TargetLang, text: string): QaFinding[];
  labels: QaGridLabels;
}) {
  const { segment, lang, text, check } = props;
  const findings = useMemo(() => check(segment, lang, text), [check, segment, lang, text]);
  return <CellFindings findings={findings} labels={props.labels} testId={`findings-${lang}-${segment.id}`} />;
});
