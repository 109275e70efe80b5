import { useCallback, useEffect, useMemo } from 'react';
import type { Project, Segment, TargetLang } from '../../../electron/contract';
import { CellFindings } from './CellFindings';
import { cachedCheck, cachedRowCheck } from './FocusedFindings';
import type { QaGridLabels } from './grid-labels';
import type { GridQaSlots, TypedTextSource } from './slots';
import { longestFirst, SourceTerms } from './SourceTerms';
import type { QaState } from './use-qa';

/**
 * The QA decor of the grid (terms in the Korean, findings under every visible cell and row) and the rows that have
 * a finding as typed, told to `onLiveRows` as they change. `check` is the one cache the grid, the focused cell
 * and the approve question share: a cell is checked once per text.
 */
export function useGridQa(opts: {
  project: Project | null;
  cells: TypedTextSource;
  qa: QaState;
  labels: QaGridLabels;
  onLiveRows?(rows: ReadonlySet<string>): void;
}) {
  const { project, cells, qa, labels, onLiveRows } = opts;
  const terms = useMemo(() => longestFirst(qa.terms), [qa.terms]);
  const check = useMemo(() => cachedCheck(qa.cellFindings), [qa.cellFindings]);
  const rowCheck = useMemo(() => cachedRowCheck(qa.rowFindings), [qa.rowFindings]);
  const typed = useCallback(
    (s: Segment, lang: TargetLang) => cells.draft(s.id, lang)?.text ?? s.targets[lang].text,
    [cells],
  );
  const rowFindings = useCallback(
    (s: Segment) => rowCheck(s, { vi: typed(s, 'vi'), en: typed(s, 'en') }),
    [rowCheck, typed],
  );
  const slots: GridQaSlots = useMemo(
    () => ({
      source: (s) => <SourceTerms source={s.source} terms={terms} labels={labels} />,
      cell: (s, lang, text) => (
        <CellFindings findings={check(s, lang, text)} labels={labels} testId={`findings-${lang}-${s.id}`} />
      ),
      row: (s) => <CellFindings findings={rowFindings(s)} labels={labels} testId={`findings-row-${s.id}`} />,
    }),
    [terms, check, rowFindings, labels],
  );

  // Cached per segment and text: after an edit only the changed row is checked again.
  const liveRows = useMemo(() => {
    const rows = new Set<string>();
    for (const s of project?.segments ?? []) {
      if (!s.translate) continue;
      const has =
        (['vi', 'en'] as const).some((lang) => check(s, lang, typed(s, lang)).length > 0) ||
        rowFindings(s).length > 0;
      if (has) rows.add(s.id);
    }
    return rows;
  }, [project, check, typed, rowFindings]);
  useEffect(() => onLiveRows?.(liveRows), [liveRows, onLiveRows]);

  return { slots, check };
}
