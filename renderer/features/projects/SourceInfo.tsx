import { useTranslation } from 'react-i18next';
import type { Project } from '../../../electron/contract';

const ENCODINGS = ['utf-8', 'cp949', 'utf-16le', 'utf-16be'];

/**
 * Where the article came from, and — for the file opened in this session — a way to read it again with another
 * encoding when the detected one produced garbled text.
 */
export function SourceInfo(props: {
  project: Project;
  lastFile: File | null;
  onReopen(file: File, encoding: string): void;
}) {
  const { t } = useTranslation('projects');
  const { project, lastFile } = props;
  const canReopen = lastFile?.name === project.source.fileName && project.source.format !== 'docx';
  const source = t('source', { file: project.source.fileName, encoding: project.source.encoding });
  // A long file name is cut with an ellipsis (whole on hover) but keeps a readable width; "Reopen as" stays on
  // screen beside it with a short label (↻ and a word or two; its name and hover say it whole in every language).
  return (
    <span className="source-info" data-testid="source-info">
      <span className="source-name" title={source}>
        {source}
      </span>
      {canReopen && (
        <select
          aria-label={t('reopenAs')}
          title={`${t('reopenAs')} (${t('encoding')})`}
          value=""
          onChange={(e) => {
            if (lastFile && e.target.value) props.onReopen(lastFile, e.target.value);
          }}
        >
          <option value="">↻ {t('reopenShort')}</option>
          {ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>
              {enc.toUpperCase()}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}
