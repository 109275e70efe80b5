import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../electron/contract';
import { api } from '../../api';
import { useApi } from '../../api/use-api';
import { useNumberFormat } from '../../i18n/format';
import { useMessage } from '../../i18n/messages';

/** The DeepL account's character usage this period, asked when there is a key; an error is shown in its place. */
export function Usage(props: { keySource: SettingsView['keySource'] }) {
  const { t } = useTranslation('translate');
  const message = useMessage();
  const num = useNumberFormat();
  const hasKey = props.keySource !== 'none';
  const usage = useApi(hasKey ? () => api.getUsage() : null, [hasKey, props.keySource]);
  if (usage.state === 'failed')
    return (
      <p data-testid="usage" className="cell-error">
        {t('usage.label')}: {message(usage.error)}
      </p>
    );
  if (usage.state !== 'done') return null;
  const u = usage.value;
  return (
    <p data-testid="usage" className={u.nearLimit ? 'cell-error' : 'field-hint'}>
      {t('usage.label')}:{' '}
      {u.characterLimit === null
        ? t('usage.unlimited', { used: num(u.characterCount) })
        : t('usage.value', { used: num(u.characterCount), limit: num(u.characterLimit) })}
    </p>
  );
}
