import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSlug } from '../../../common/export/file-name';

/** The export's file name: the project's name by default, shown as the safe ASCII name the file will get. */
export function NameField(props: { value: string; projectName: string; onChange(name: string): void }) {
  const { t } = useTranslation('export');
  const id = useId();
  const slug = fileSlug(props.value.trim() ? props.value : props.projectName);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('fileName')}
      </label>
      <input
        id={id}
        data-testid="export-name"
        value={props.value}
        placeholder={props.projectName}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => props.onChange(slug)}
      />
      <p className="muted" data-testid="export-name-slug">
        {t('fileNameHint', { name: slug })}
      </p>
    </div>
  );
}
