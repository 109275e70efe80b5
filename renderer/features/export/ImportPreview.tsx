import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterchangeImportSummary } from '../../../electron/contract';
import { REFUSAL_KEY } from './refusal';
import { Dialog } from '../../components/Dialog';

/** A conflict's resolution: keep the project's version or take the file's. */
export type Resolution = 'ours' | 'theirs';

/** One conflict: keep the project's text (the default) or take the file's. */
function ConflictChoice(props: {
  conflict: InterchangeImportSummary['conflicts'][number];
  legend: string;
  choice: Resolution | undefined;
  onChoose(resolution: Resolution): void;
}) {
  const { t } = useTranslation(['export']);
  const c = props.conflict;
  return (
    <fieldset className="field-set" data-testid="import-preview-conflict">
      <legend>{props.legend}</legend>
      <label className="inline">
        <input
          type="radio"
          name={`conflict-${c.segmentId}`}
          checked={props.choice !== 'theirs'}
          onChange={() => props.onChoose('ours')}
        />
        {t('export:preview.keepOurs', { text: c.local })}
      </label>
      <label className="inline">
        <input
          type="radio"
          name={`conflict-${c.segmentId}`}
          checked={props.choice === 'theirs'}
          onChange={() => props.onChoose('theirs')}
        />
        {t('export:preview.takeTheirs', { text: c.incoming })}
      </label>
    </fieldset>
  );
}

/**
 * What an XLIFF import would do, before it does it: the changes it applies, the cells it would empty, the rows it
 * refuses (an inline code that cannot be put back), and each conflict with a choice of keeping ours (the default)
 * or taking the file's version. Cancel, the safe choice, has the focus; applying is one undoable step.
 */
export function ImportPreview(props: {
  fileName: string;
  summary: Omit<InterchangeImportSummary, 'project'>;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
  busy: boolean;
  onApply(resolutions: Record<string, Resolution>): void;
  onCancel(): void;
}) {
  const { t } = useTranslation(['export', 'common']);
  const { summary, rowOf } = props;
  const [choice, setChoice] = useState<Record<string, Resolution>>({});
  const theirs = Object.values(choice).filter((c) => c === 'theirs').length;
  const changes = summary.updated + summary.statusChanged + theirs;
  const lang = t(`common:lang.${summary.lang}`);
  return (
    <Dialog
      title={t('export:preview.title', { file: props.fileName })}
      onClose={props.onCancel}
      testId="import-preview"
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" onClick={props.onCancel} data-autofocus>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={props.busy || changes === 0}
            onClick={() => props.onApply(choice)}
          >
            {t('export:preview.apply')}
          </button>
        </>
      }
    >
      <p data-testid="import-preview-counts">
        {t('export:preview.counts', {
          lang,
          updated: summary.updated,
          statusChanged: summary.statusChanged,
          unchanged: summary.unchanged,
        })}
      </p>
      {(summary.emptied ?? []).map((id) => (
        <p key={id} className="cell-error" data-testid="import-preview-emptied">
          {t('export:preview.emptied', { row: rowOf(id), lang })}
        </p>
      ))}
      {(summary.refused ?? []).map((r) => (
        <p key={r.segmentId} className="cell-error" data-testid="import-preview-refused">
          {t(REFUSAL_KEY[r.reason], { row: rowOf(r.segmentId), lang })}
        </p>
      ))}
      {summary.conflicts.length > 0 && <h3>{t('export:preview.conflictsTitle')}</h3>}
      {summary.conflicts.map((c) => (
        <ConflictChoice
          key={c.segmentId}
          conflict={c}
          legend={t('export:preview.conflict', { row: rowOf(c.segmentId), lang })}
          choice={choice[c.segmentId]}
          onChoose={(r) => setChoice((x) => ({ ...x, [c.segmentId]: r }))}
        />
      ))}
      {summary.unknownIds.length > 0 && <p>{t('export:unknownIds', { count: summary.unknownIds.length })}</p>}
    </Dialog>
  );
}
