import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, TargetLang } from '../../../electron/contract';
import { BOTH, GROUPS, OTHER } from './formats';

/** Format (grouped) and language; a format holding both languages shows "Both languages" and no choice. */
export function FormatFields(props: {
  format: ExportFormat;
  target: TargetLang | 'all';
  onFormat(f: ExportFormat): void;
  onLang(l: TargetLang): void;
}) {
  const { t } = useTranslation(['export', 'common']);
  const ids = { format: useId(), lang: useId() };
  const both = BOTH.has(props.format);
  const option = (f: ExportFormat) => (
    <option key={f} value={f}>
      {t(`export:fmt.${f}`)}
    </option>
  );
  return (
    <div className="form two-col">
      <div className="field">
        <label className="field-label" htmlFor={ids.format}>
          {t('export:format')}
        </label>
        <select
          id={ids.format}
          value={props.format}
          onChange={(e) => props.onFormat(e.target.value as ExportFormat)}
        >
          {GROUPS.map((g) => (
            <optgroup key={g.key} label={t(`export:group.${g.key}`)}>
              {g.formats.map(option)}
            </optgroup>
          ))}
          {OTHER.map(option)}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={ids.lang}>
          {t('export:language')}
        </label>
        <select
          id={ids.lang}
          value={props.target}
          disabled={both}
          onChange={(e) => props.onLang(e.target.value as TargetLang)}
        >
          {both && <option value="all">{t('export:bothLanguages')}</option>}
          <option value="vi">{t('common:lang.vi')}</option>
          <option value="en">{t('common:lang.en')}</option>
        </select>
      </div>
    </div>
  );
}
