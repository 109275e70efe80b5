import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../electron/contract';
import { toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import { downloadTmx, importProjectFrom, importTmxFrom, PROJECT_FILE_EXT } from './project-files';

/**
 * Moving work between desks: import a project file (.brproj), and the translation memory as TMX (export the whole
 * memory, import an agency's). Each result is announced only once the Node side has stored it.
 */
export function ProjectFileBar(props: {
  onImported(project: Project): Promise<void>;
  onNotice(n: Notice): void;
}) {
  const { t } = useTranslation(['projects', 'tm']);
  const projectInput = useRef<HTMLInputElement>(null);
  const tmxInput = useRef<HTMLInputElement>(null);
  const { onNotice } = props;
  const fail = (e: unknown) => onNotice(notice('error', toApiError(e)));

  const importProject = async (file: File | undefined) => {
    if (!file) return;
    try {
      const project = await importProjectFrom(file);
      // Said once the project is shown: opening another project clears the notices about the previous one.
      await props.onImported(project);
      onNotice(notice('info', { code: 'projects:file.imported', params: { name: project.name } }));
    } catch (e) {
      fail(e);
    }
  };

  const importTmx = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await importTmxFrom(file);
      onNotice(notice('info', { code: 'tm:tmx.imported', params: { ...r } }));
    } catch (e) {
      fail(e);
    }
  };

  const exportTmx = async () => {
    try {
      const file = await downloadTmx();
      onNotice(notice('info', { code: 'tm:tmx.exported', params: { file } }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="project-files">
      <div className="file-row">
        <button type="button" onClick={() => projectInput.current?.click()}>
          {t('projects:file.import')}
        </button>
        <input
          ref={projectInput}
          type="file"
          hidden
          accept={`${PROJECT_FILE_EXT},.json`}
          data-testid="project-file-input"
          onChange={(e) => {
            void importProject(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <small className="muted">{t('projects:file.hint')}</small>
      </div>
      <div className="file-row">
        <strong>{t('tm:tmx.title')}</strong>
        <button type="button" onClick={() => void exportTmx()}>
          {t('tm:tmx.export')}
        </button>
        <button type="button" onClick={() => tmxInput.current?.click()}>
          {t('tm:tmx.import')}
        </button>
        <input
          ref={tmxInput}
          type="file"
          hidden
          accept=".tmx,.xml"
          data-testid="tmx-file-input"
          onChange={(e) => {
            void importTmx(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <small className="muted">{t('tm:tmx.hint')}</small>
      </div>
    </div>
  );
}
