import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { notice, type Notice } from '../../components/notices';

/** Every project on this machine, most recent first, with its progress; one click switches to it. */
export function ProjectsDialog(props: {
  currentId: string | null;
  onOpen(id: string): void;
  onClose(): void;
  onNotice(n: Notice): void;
}) {
  const { t, i18n } = useTranslation(['projects', 'common']);
  const [list, setList] = useState<ProjectSummary[] | null>(null);
  const { onNotice } = props;
  useEffect(() => {
    let live = true;
    api.listProjects().then(
      (l) => live && setList([...l].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
      (e: unknown) => {
        if (live) setList([]);
        onNotice(notice('error', toApiError(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [onNotice]);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Dialog
      title={t('projects:title')}
      onClose={props.onClose}
      wide
      testId="projects-dialog"
      footer={
        <button type="button" onClick={props.onClose}>
          {t('common:actions.close')}
        </button>
      }
    >
      {list?.length === 0 && <p className="muted">{t('projects:empty')}</p>}
      <ul className="project-list">
        {list?.map((p) => {
          const current = p.id === props.currentId;
          return (
            <li key={p.id} aria-current={current ? 'true' : undefined}>
              <div className="project-main">
                <strong lang="ko">{p.name}</strong>
                <small>{t('projects:updated', { date: date.format(new Date(p.updatedAt)) })}</small>
              </div>
              <div className="project-progress">
                {p.progress.map((g) => (
                  <span key={g.lang} className="meter-text">
                    <abbr title={t(`common:lang.${g.lang}`)}>{g.lang.toUpperCase()}</abbr> {g.approved}/
                    {g.total}
                  </span>
                ))}
              </div>
              {current ? (
                <span className="chip">{t('projects:current')}</span>
              ) : (
                <button
                  type="button"
                  onClick={() => props.onOpen(p.id)}
                  aria-label={`${t('projects:open')}: ${p.name}`}
                >
                  {t('projects:open')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
