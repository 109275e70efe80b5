import { useTranslation } from 'react-i18next';

/** While a file is being opened (read in a worker, up to 30 s for a large one): its name and Cancel. */
export function ImportBar(props: { name: string | null; onCancel(): void }) {
  const { t } = useTranslation('projects');
  if (!props.name) return null;
  return (
    <section className="mt-bar running" role="status" data-testid="import-progress">
      <span className="mt-title">{t('opening', { name: props.name })}</span>
      <button className="small" onClick={props.onCancel}>
        {t('cancelOpening')}
      </button>
    </section>
  );
}
