import { useTranslation } from 'react-i18next';
import type { TargetLang } from '../../../electron/contract';
import { useLangLock } from './desk-access';

/** In a language's column head: that the person cannot change it here, and why (nothing off the desk). */
export function LangLockNote(props: { lang: TargetLang }) {
  const { t } = useTranslation('desk');
  const lock = useLangLock(props.lang);
  if (!lock) return null;
  return (
    <span className="col-note desk-lock" data-testid={`lang-lock-${props.lang}`}>
      {lock.reason === 'signedOff' ? t('lock.signedOff', { by: lock.by }) : t('lock.notAssigned')}
    </span>
  );
}
