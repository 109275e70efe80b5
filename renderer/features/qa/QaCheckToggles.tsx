import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_CHECK_IDS, type QaCheckId } from '../../../electron/contract';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';

/**
 * One switch per check, for Settings. Each change is sent at once and shown only as the Node side stored it, so
 * nothing looks switched off that is not.
 */
export function QaCheckToggles(props: {
  projectId: string | null;
  onError(e: unknown): void;
  /** Called with the stored list after each change. */
  onChange(disabled: QaCheckId[]): void;
}) {
  const { t } = useTranslation('qa');
  const { projectId, onError } = props;
  const read = useApi(
    projectId ? () => api.qaContext(projectId).then((c) => c.disabledChecks) : null,
    [projectId],
    onError,
  );
  // What a switch stored since (the list as the Node side keeps it), else what was read.
  const [stored, setStored] = useState<QaCheckId[] | null>(null);
  const disabled = stored ?? valueOf(read) ?? null;

  return (
    <fieldset className="qa-toggles" data-testid="qa-toggles">
      <legend>{t('settings.title')}</legend>
      <p className="hint">{t('settings.hint')}</p>
      {QA_CHECK_IDS.map((check) => (
        <label key={check} className="inline">
          <input
            type="checkbox"
            disabled={disabled === null}
            checked={disabled !== null && !disabled.includes(check)}
            onChange={(e) =>
              api.setQaCheck({ check, enabled: e.target.checked }).then((list) => {
                setStored(list);
                props.onChange(list);
              }, onError)
            }
          />
          {t(`checkNames.${check}`)}
        </label>
      ))}
    </fieldset>
  );
}
