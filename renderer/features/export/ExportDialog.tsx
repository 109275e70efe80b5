import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterchangeImportSummary, Project, TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import type { Notice } from '../../components/notices';
import { useExportSignoff } from '../desk/use-export-signoff';
import { FormatFields } from './FormatFields';
import { NameField } from './NameField';
import { SEGMENTABLE } from './formats';
import { PolicyFields } from './PolicyFields';
import { PreviewList } from './PreviewList';
import { RoundTripImport } from './RoundTripImport';
import { RoundTripResult } from './RoundTripResult';
import { useExport } from './use-export';

/**
 * Export: counts and gaps first (on a team desk also each language's sign-off), then the file (native save in the
 * desktop app, a download in the browser).
 */
export function ExportDialog(props: {
  projectId: string;
  /** The project's name: the file name's default. */
  projectName: string;
  mode: 'electron' | 'browser';
  onClose(): void;
  onNotice(n: Notice): void;
  onJump(segmentId: string, lang: TargetLang): void;
  /** A round trip changed the project. */
  onProject(project: Project): void;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
  /** Shown above the form (the QA feature warns about open errors here). */
  warning?: ReactNode;
}) {
  const { t } = useTranslation(['export', 'common']);
  const { projectId, onNotice } = props;
  const ex = useExport(projectId, props.projectName, props.mode, onNotice);
  const { format, policy, segmentation, target, name } = ex.choice;
  const signoff = useExportSignoff(projectId, target, policy);
  const [roundTrip, setRoundTrip] = useState<Omit<InterchangeImportSummary, 'project'> | null>(null);

  return (
    <Dialog
      title={t('export:title')}
      onClose={props.onClose}
      testId="export-dialog"
      footer={
        <>
          <RoundTripImport
            projectId={projectId}
            onProject={props.onProject}
            onNotice={onNotice}
            rowOf={props.rowOf}
            onDone={(summary) => {
              setRoundTrip(summary);
              ex.refresh();
            }}
          />
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={ex.busy || ex.preview === null || signoff.blocked}
            onClick={() => void ex.run()}
          >
            {t('export:run')}
          </button>
        </>
      }
    >
      {props.warning}
      <FormatFields format={format} target={target} onFormat={ex.set.setFormat} onLang={ex.set.setLang} />
      <NameField value={name} projectName={props.projectName} onChange={ex.set.setName} />
      <PolicyFields
        policy={policy}
        onPolicy={ex.set.setPolicy}
        segmentable={SEGMENTABLE.has(format)}
        segmentation={segmentation}
        onSegmentation={ex.set.setSegmentation}
      />
      <PreviewList preview={ex.preview} signoffLine={signoff.line} onJump={props.onJump} />
      {signoff.note}
      {ex.result && (
        <p className="result" role="status" data-testid="export-result">
          {ex.result}
        </p>
      )}
      {roundTrip && <RoundTripResult summary={roundTrip} rowOf={props.rowOf} />}
    </Dialog>
  );
}
