import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../electron/contract';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';

/** Every project on this machine, most recent first, with its progress. */
export function ProjectsDialog(props: {
  currentId: string | null;
  onOpen(id: string): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<ProjectSummary[]>([]);
  useEffect(() => {
    void api.listProjects().then(setList);
  }, []);
  return (
    <Dialog title={t('projects.title')} onClose={props.onClose} wide>
      <ul className="project-list">
        {list.map((p) => (
          <li key={p.id} aria-current={p.id === props.currentId}>
            <div>
              <strong lang="ko">{p.name}</strong>
              <small>
                {t('projects.updated', { date: new Date(p.updatedAt).toLocaleString(i18n.language) })} ·{' '}
                {p.progress.map((g) => `${t(`lang.${g.lang}`)} ${g.approved}/${g.total}`).join(' · ')}
              </small>
            </div>
            <button type="button" onClick={() => props.onOpen(p.id)}>
              {t('projects.open')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
