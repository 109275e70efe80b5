import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterchangeImportSummary, Project } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { fileToBase64 } from '../../components/base64';
import { notice, type Notice } from '../../components/notices';
import { useCan } from '../desk/desk-session';

/**
 * "Import XLIFF from another tool…": reads a translated XLIFF back into the project. Shown only to who may change
 * the project (an editor on a desk).
 */
export function RoundTripImport(props: {
  projectId: string;
  onProject(project: Project): void;
  onDone(summary: Omit<InterchangeImportSummary, 'project'>): void;
  onNotice(n: Notice): void;
}) {
  const { t } = useTranslation('export');
  const input = useRef<HTMLInputElement>(null);
  const mayRoundTrip = useCan()('importInterchange');
  const { projectId, onNotice } = props;

  const importXliff = async (file: File) => {
    try {
      const { project, ...summary } = await api.importInterchange({
        projectId,
        fileName: file.name,
        dataBase64: await fileToBase64(file),
      });
      props.onProject(project);
      for (const w of summary.warnings ?? []) onNotice(notice('warning', { code: w }));
      props.onDone(summary);
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
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
        accept=".xlf,.xliff,.xml"
        data-testid="xliff-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importXliff(file);
        }}
      />
    </>
  );
}
