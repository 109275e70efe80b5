import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, QaIssue, Segment, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { CellFindings } from './CellFindings';
import { cachedCheck, cachedRowCheck, FocusedFindings } from './FocusedFindings';
import { useQaGridLabels } from './grid-labels';
import { QaCheckToggles } from './QaCheckToggles';
import { QaPanel } from './QaPanel';
import type { GridQaSlots, TypedTextSource } from './slots';
import { longestFirst, SourceTerms } from './SourceTerms';
import { useQa } from './use-qa';

const NO_GLOSSARY: Project['glossary'] = [];

/** What the review screen mounts of the QA feature. */
export interface QaReview {
  /** For the grid's decor: terms in the Korean, findings under every visible cell. */
  slots: GridQaSlots;
  /** The focused cell's findings, live as the reviewer types (render function: no hooks). */
  focused(segmentId: string, lang: TargetLang): ReactNode;
  /**
   * Before approving one or more cells of a row: `true` at once when none (as typed) has an open error, else the
   * reviewer's one answer to "approve with open errors?", which names each language's errors.
   */
  beforeApprove(segmentId: string, langs: readonly TargetLang[]): boolean | Promise<boolean>;
  openPanel(): void;
  /** Count open errors before an export; `exportWarning` shows them. */
  refreshOpenErrors(): void;
  exportWarning: ReactNode;
  settingsSection: ReactNode;
  /** The panel element while open. */
  panel: ReactNode;
  reload(): Promise<void>;
}

/**
 * The QA feature as the review screen uses it: findings in cells as the reviewer types, the panel, the question
 * before approving a cell with an open error, the export warning and the Settings switches.
 */
export function useQaReview(opts: {
  project: Project | null;
  /** The editor's store: rows and the focused cell's typed text. */
  cells: TypedTextSource;
  fail(e: unknown): void;
  confirm(q: { title: string; message: string; confirm: string }): Promise<boolean>;
  jump(segmentId: string, lang: TargetLang): void;
  /** Each run's findings. */
  onIssues?(issues: QaIssue[]): void;
  /**
   * The rows that have a finding as shown in the grid (the texts as typed, "not an error" marks and switched-off
   * checks applied): the grid's "has a check finding" filter, live, without pressing Check.
   */
  onLiveRows?(rows: ReadonlySet<string>): void;
}): QaReview {
  const { project, cells, fail, confirm, jump, onIssues, onLiveRows } = opts;
  const { t } = useTranslation(['qa', 'common']);
  const labels = useQaGridLabels();
  const qa = useQa(project?.id ?? null, project?.glossary ?? NO_GLOSSARY, fail);
  const [issues, setIssues] = useState<QaIssue[] | null>(null);
  const [openErrors, setOpenErrors] = useState(0);
  const projectRef = useRef(project);
  useEffect(() => {
    projectRef.current = project;
  }, [project]);

  const terms = useMemo(() => longestFirst(qa.terms), [qa.terms]);
  // One cache for the grid, the focused cell and the approve question: a cell is checked once per text.
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

  const focused = useCallback(
    (segmentId: string, lang: TargetLang) => (
      <FocusedFindings source={cells} segmentId={segmentId} lang={lang} check={check} labels={labels} />
    ),
    [cells, check, labels],
  );

  const beforeApprove = useCallback(
    (segmentId: string, langs: readonly TargetLang[]) => {
      const segment = cells.segment(segmentId);
      if (!segment) return true;
      const row = cells.indexOf(segmentId) + 1;
      const lines = langs.flatMap((lang) => {
        const text = cells.draft(segmentId, lang)?.text ?? segment.targets[lang].text;
        const errors = check(segment, lang, text).filter((f) => f.severity === 'error');
        if (!errors.length) return [];
        const list = errors.map((f) => labels.message(f)).join('; ');
        return [t('approve.line', { lang: t(`common:lang.${lang}`), row, count: errors.length, list })];
      });
      if (!lines.length) return true;
      const both = langs.length > 1;
      return confirm({
        title: both ? t('approve.rowTitle', { row }) : t('approve.title'),
        message: [...lines, ...(both ? [t('approve.rowBoth')] : [])].join('\n'),
        confirm: both ? t('approve.rowConfirm') : t('approve.confirm'),
      });
    },
    [cells, check, confirm, t, labels],
  );

  const run = useCallback(async () => {
    const p = projectRef.current;
    if (!p) return null;
    const found = await api.runQa(p.id);
    setOpenErrors(found.filter((i) => i.severity === 'error' && !i.dismissal).length);
    onIssues?.(found);
    return found;
  }, [onIssues]);

  const panel = issues && project && (
    <QaPanel
      issues={issues}
      segments={project.segments}
      onJump={(id, lang) => {
        setIssues(null);
        jump(id, lang);
      }}
      onClose={() => setIssues(null)}
      onDismiss={async (id, reason) => {
        try {
          await qa.dismiss(id, reason);
          setIssues(await run());
          return true;
        } catch (e) {
          fail(e);
          return false;
        }
      }}
    />
  );

  return {
    slots,
    focused,
    beforeApprove,
    openPanel: () => void run().then((found) => found && setIssues(found), fail),
    refreshOpenErrors: () => void run().catch(fail),
    exportWarning:
      openErrors > 0 ? (
        <p className="notice-inline warning" role="alert" data-testid="export-qa-warning">
          {t('export.openErrors', { count: openErrors })}
        </p>
      ) : null,
    settingsSection: (
      <QaCheckToggles projectId={project?.id ?? null} onError={fail} onChange={qa.setDisabled} />
    ),
    panel,
    reload: qa.reload,
  };
}
