import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermFileFormat } from '../../../electron/contract';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { downloadBase64, fileToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { useCan } from '../desk/desk-session';
import { TermForm, useTermDraft } from './TermForm';
import { TermTable } from './TermTable';

/**
 * Terms, the one terminology tool: the desk's shared terms and this article's own, each with Vietnamese and English (alternatives
 * separated by `;`), a note and forbidden variants; CSV and TBX import and export. Every change is saved at once
 * and shown only once stored.
 */
export function TermsDialog(props: {
  projectId: string;
  onClose(): void;
  onChanged(): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation(['qa', 'common']);
  // Terms are an editor's on a desk (saveTerm, deleteTerm, importTerms): anyone else reads and exports them.
  const mayEdit = useCan()('saveTerm');
  const { projectId } = props;
  const term = useTermDraft(projectId);
  const { terms, status, save, remove, importFile, exportAs } = useTermActions(projectId, term, props);

  return (
    <Dialog
      title={t('termbase.title')}
      onClose={props.onClose}
      wide
      draft={mayEdit && term.typed}
      testId="terms-dialog"
      footer={
        <TermFileButtons
          mayEdit={mayEdit}
          onImport={(file) => void importFile(file)}
          onExport={(format) => void exportAs(format)}
          onClose={props.onClose}
        />
      }
    >
      {mayEdit && <TermForm term={term} onSave={() => void save()} />}
      {status && <p role="status">{status}</p>}
      {terms && terms.length === 0 && <p>{t('termbase.empty')}</p>}
      {terms && terms.length > 0 && (
        <TermTable
          terms={terms}
          {...(mayEdit ? { onEdit: term.edit, onDelete: (id: string) => void remove(id) } : {})}
        />
      )}
    </Dialog>
  );
}

/**
 * The dialog's work: the listed terms (read again after each change made here; the shown list stays meanwhile),
 * saving the draft, deleting, importing a file and exporting; every failure goes to `onError`.
 */
function useTermActions(
  projectId: string,
  term: ReturnType<typeof useTermDraft>,
  { onError, onChanged }: { onError(e: unknown): void; onChanged(): void },
) {
  const { t } = useTranslation(['qa', 'common']);
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);
  const listed = useApi(() => api.listTerms(projectId), [projectId, version], onError, { keep: true });
  const terms = valueOf(listed) ?? null;
  const load = () => setVersion((v) => v + 1);

  const save = async () => {
    try {
      await api.saveTerm(term.input());
      term.reset();
      load();
      onChanged();
    } catch (e) {
      onError(e);
    }
  };

  const remove = async (id: string) => {
    await api.deleteTerm(id).then(load, onError);
    onChanged();
  };

  const importFile = async (file: File) => {
    try {
      const scope = term.draft.scope;
      const r = await api.importTerms({
        fileName: file.name,
        dataBase64: await fileToBase64(file),
        scope,
        ...(scope === 'project' ? { projectId } : {}),
      });
      setStatus(t('termbase.imported', { imported: r.imported, skipped: r.skipped }));
      load();
      onChanged();
    } catch (e) {
      onError(e);
    }
  };

  const exportAs = (format: TermFileFormat) =>
    api
      .exportTerms({ projectId, format })
      .then(
        (f) =>
          downloadBase64(f.fileName, format === 'csv' ? 'text/csv' : 'application/x-tbx+xml', f.dataBase64),
        onError,
      );

  return { terms, status, save, remove, importFile, exportAs };
}

/** The dialog's buttons: import a CSV or TBX file (an editor's), export as CSV, TBX or TBX v3, close. */
function TermFileButtons(props: {
  mayEdit: boolean;
  onImport(file: File): void;
  onExport(format: TermFileFormat): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['qa', 'common']);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      {props.mayEdit && (
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('termbase.import')}
        </button>
      )}
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".csv,.tbx,.xml"
        data-testid="term-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onImport(file);
        }}
      />
      <button type="button" onClick={() => props.onExport('csv')}>
        {t('termbase.exportCsv')}
      </button>
      <button type="button" onClick={() => props.onExport('tbx')} title={t('termbase.exportTbxHint')}>
        {t('termbase.exportTbx')}
      </button>
      <button type="button" onClick={() => props.onExport('tbx-v3')} title={t('termbase.exportTbxV3Hint')}>
        {t('termbase.exportTbxV3')}
      </button>
      <span className="spacer" />
      <button type="button" onClick={props.onClose}>
        {t('common:actions.close')}
      </button>
    </>
  );
}
