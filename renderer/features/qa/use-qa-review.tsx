import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, QaIssue, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { approveQuestion } from './approve-question';
import { FocusedFindings } from './FocusedFindings';
import { useQaGridLabels } from './grid-labels';
import { QaCheckToggles } from './QaCheckToggles';
import { QaPanel } from './QaPanel';
import type { GridQaSlots, TypedTextSource } from './slots';
import { useGridQa } from './use-grid-qa';
import { useQa, type QaState } from './use-qa';

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
 * Whole-article check runs: the panel of findings (jump to one, mark it "not an error") and the count of open
 * errors the export warning shows.
 */
function useQaRuns(opts: {
  project: Project | null;
  qa: QaState;
  jump(segmentId: string, lang: TargetLang): void;
  fail(e: unknown): void;
  onIssues?(issues: QaIssue[]): void;
}) {
  const { project, qa, jump, fail, onIssues } = opts;
  const [issues, setIssues] = useState<QaIssue[] | null>(null);
  const [openErrors, setOpenErrors] = useState(0);
  const projectRef = useRef(project);
  useEffect(() => {
    projectRef.current = project;
  }, [project]);

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
    panel,
    openErrors,
    openPanel: () => void run().then((found) => found && setIssues(found), fail),
    refreshOpenErrors: () => void run().catch(fail),
  };
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

  const { slots, check } = useGridQa({ project, cells, qa, labels, ...(onLiveRows ? { onLiveRows } : {}) });

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
      const question = approveQuestion({
        segment,
        row: cells.indexOf(segmentId) + 1,
        langs,
        text: (lang) => cells.draft(segmentId, lang)?.text ?? segment.targets[lang].text,
        check,
        labels,
        t,
      });
      return question ? confirm(question) : true;
    },
    [cells, check, confirm, t, labels],
  );

  const runs = useQaRuns({ project, qa, jump, fail, ...(onIssues ? { onIssues } : {}) });

  return {
    slots,
    focused,
    beforeApprove,
    openPanel: runs.openPanel,
    refreshOpenErrors: runs.refreshOpenErrors,
    exportWarning:
      runs.openErrors > 0 ? (
        <p className="notice-inline warning" role="alert" data-testid="export-qa-warning">
          {t('export.openErrors', { count: runs.openErrors })}
        </p>
      ) : null,
    settingsSection: (
      <QaCheckToggles projectId={project?.id ?? null} onError={fail} onChange={qa.setDisabled} />
    ),
    panel: runs.panel,
    reload: qa.reload,
  };
}
