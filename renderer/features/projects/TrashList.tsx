import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { notice, type Notice } from '../../components/notices';

/**
 * Projects moved to the trash, each with Restore. Loaded when shown (after a delete, the list is read again), and
 * a project leaves it only once the Node side has it back in the project list.
 */
export function TrashList(props: {
  /** Changes after every move to the trash, so the list is read again. */
  version: number;
  onRestored(summary: ProjectSummary): void;
  onNotice(n: Notice): void;
}) {
  const { t, i18n } = useTranslation(['projects', 'common']);
  const { onNotice, version } = props;
  // Read again after each move to the trash and each restore; the shown list stays meanwhile.
  const [restored, setRestored] = useState(0);
  const listed = useApi(
    () => api.listTrash(),
    [version, restored],
    (e) => onNotice(notice('error', e)),
    {
      keep: true,
    },
  );
  const list = valueOf(listed) ?? null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const restore = async (p: ProjectSummary) => {
    try {
      const summary = await api.restoreProject(p.id);
      setRestored((n) => n + 1);
      props.onRestored(summary);
      onNotice(notice('info', { code: 'projects:trash.restored', params: { name: summary.name } }));
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    }
  };

  return (
    <section className="trash" aria-label={t('projects:trash.title')} data-testid="trash-list">
      <h3>{t('projects:trash.title')}</h3>
      {list?.length === 0 && <p className="muted">{t('projects:trash.empty')}</p>}
      <ul className="project-list">
        {list?.map((p) => (
          <li key={p.id}>
            <div className="project-main">
              <strong lang="ko">{p.name}</strong>
              <small>{t('projects:updated', { date: date.format(new Date(p.updatedAt)) })}</small>
            </div>
            <div className="project-actions">
              <button
                type="button"
                aria-label={t('projects:trash.restoreLabel', { name: p.name })}
                onClick={() => void restore(p)}
              >
                {t('projects:trash.restore')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
