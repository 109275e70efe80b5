import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterchangeImportSummary, Project } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { fileToBase64 } from '../../components/base64';
import { notice, type Notice } from '../../components/notices';
import { useCan } from '../desk/desk-session';
import { ImportPreview, type Resolution } from './ImportPreview';

type Summary = Omit<InterchangeImportSummary, 'project'>;

/**
 * "Import XLIFF from another tool…": reads a translated XLIFF back into the project. The file is previewed first
 * (nothing changes); applying it, with the conflict choices, is one undoable step. Shown only to who may change
 * the project (an editor on a desk).
 */
export function RoundTripImport(props: {
  projectId: string;
  onProject(project: Project): void;
  onDone(summary: Summary): void;
  onNotice(n: Notice): void;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
}) {
  const { t } = useTranslation('export');
  const input = useRef<HTMLInputElement>(null);
  const mayRoundTrip = useCan()('importInterchange');
  const { projectId, onNotice } = props;
  const [pending, setPending] = useState<{ fileName: string; dataBase64: string; summary: Summary } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const previewXliff = async (file: File) => {
    try {
      const payload = { fileName: file.name, dataBase64: await fileToBase64(file) };
      const { project: _unchanged, ...summary } = await api.importInterchange({
        projectId,
        ...payload,
        dryRun: true,
      });
      setPending({ ...payload, summary });
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    }
  };

  const apply = async (resolutions: Record<string, Resolution>) => {
    if (!pending) return;
    setBusy(true);
    try {
      const { summary: _preview, ...payload } = pending;
      const { project, ...summary } = await api.importInterchange({ projectId, ...payload, resolutions });
      setPending(null);
      props.onProject(project);
      for (const w of summary.warnings ?? []) onNotice(notice('warning', { code: w }));
      props.onDone(summary);
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {mayRoundTrip && (
        <button type="button" className="link" onClick={() => input.current?.click()}>
          {t('roundTrip')}
        </button>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlf,.xliff,.xml,.sdlxliff,.mqxliff"
        data-testid="xliff-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void previewXliff(file);
        }}
      />
      {pending && (
        <ImportPreview
          fileName={pending.fileName}
          summary={pending.summary}
          rowOf={props.rowOf}
          busy={busy}
          onApply={(resolutions) => void apply(resolutions)}
          onCancel={() => setPending(null)}
        />
      )}
    </>
  );
}
