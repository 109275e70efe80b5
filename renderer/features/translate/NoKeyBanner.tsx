import { useTranslation } from 'react-i18next';

/** Shown while no DeepL key is configured: how to add one; the reviewer can still translate by hand. */
export function NoKeyBanner(props: { onOpenSettings(): void; onDismiss(): void }) {
  const { t } = useTranslation(['translate', 'common']);
  return (
    <div className="banner warn" role="note" data-testid="no-key-banner">
      <span className="banner-text">{t('translate:noKey.text')}</span>
      <button type="button" className="link" onClick={props.onOpenSettings}>
        {t('translate:noKey.openSettings')}
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('common:actions.dismiss')}
        title={t('common:actions.dismiss')}
        onClick={props.onDismiss}
      >
        ×
      </button>
    </div>
  );
}
