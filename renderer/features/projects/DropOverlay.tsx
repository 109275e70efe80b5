import { useTranslation } from 'react-i18next';

/** What the window shows while a file is dragged over it. */
export function DropOverlay() {
  const { t } = useTranslation('projects');
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('dropHere')}</p>
    </div>
  );
}
