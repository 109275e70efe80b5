import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, QaIssue, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { useMessage } from '../../i18n/messages';
import type { GridQaSlots } from './slots';
import { LiveCellFindings } from './LiveCellFindings';
import { QaCheckToggles } from './QaCheckToggles';
import { QaPanel } from './QaPanel';
import { SourceTerms } from './SourceTerms';
import { useQa } from './use-qa';

const NO_GLOSSARY: Project['glossary'] = [];

/** What the review screen mounts of the QA feature. */
export interface QaReview {
  /** For ReviewGrid's `qa` prop. */
  slots: GridQaSlots;
  /** Before approving: resolves false when the cell has open errors and the reviewer chose to keep editing. */
  confirmApprove(segmentId: string, lang: TargetLang): Promise<boolean>;
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
  fail(e: unknown): void;
  confirm(q: { title: string; message: string; confirm: string }): Promise<boolean>;
  jump(segmentId: string, lang: TargetLang): void;
}): QaReview {
  const { project, fail, confirm, jump } = opts;
  const { t } = useTranslation('qa');
  const message = useMessage();
  const qa = useQa(project?.id ?? null, project?.glossary ?? NO_GLOSSARY, fail);
  const [issues, setIssues] = useState<QaIssue[] | null>(null);
  const [openErrors, setOpenErrors] = useState(0);
  const projectRef = useRef(project);
  useEffect(() => {
    projectRef.current = project;
  }, [project]);

  const slots: GridQaSlots = useMemo(
    () => ({
      source: (s) => <SourceTerms source={s.source} terms={qa.terms} />,
      cell: (s, lang, text) => (
        <LiveCellFindings segment={s} lang={lang} text={text} check={qa.cellFindings} />
      ),
    }),
    [qa.terms, qa.cellFindings],
  );

  const confirmApprove = useCallback(
    async (segmentId: string, lang: TargetLang) => {
      const segment = projectRef.current?.segments.find((s) => s.id === segmentId);
      const errors = segment ? qa.cellFindings(segment, lang).filter((f) => f.severity === 'error') : [];
      if (!errors.length) return true;
      return confirm({
        title: t('approve.title'),
        message: t('approve.body', { count: errors.length, first: message(errors[0]!) }),
        confirm: t('approve.confirm'),
      });
    },
    [qa, confirm, t, message],
  );

  const run = useCallback(async () => {
    const p = projectRef.current;
    if (!p) return null;
    const found = await api.runQa(p.id);
    setOpenErrors(found.filter((i) => i.severity === 'error' && !i.dismissal).length);
    return found;
  }, []);

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
    confirmApprove,
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
