import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectSummary } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { notice, type Notice } from '../../components/notices';
import { useNumberFormat } from '../../i18n/format';
import { useCan } from '../desk/desk-session';
import { ProjectFileBar } from './ProjectFileBar';
import { downloadProjectFile } from './project-files';
import { TrashList } from './TrashList';
import './projects.css';

/**
 * Every project on this machine, most recent first, with its progress: open, rename, export as a file, move to
 * the trash; the trash with Restore; import a project file; the translation memory as TMX. On a team desk a reviewer
 * sees open and export only: the rest is an editor's.
 */
export function ProjectsDialog(props: {
  currentId: string | null;
  onOpen(id: string): void;
  onClose(): void;
  onNotice(n: Notice): void;
  onRenamed(id: string, name: string): void;
  onDeleted(id: string): void;
  /** A project file was imported: open it. */
  /** Opens the imported project; resolves once it is shown. */
  onImported(project: Project): Promise<void>;
}) {
  const { t, i18n } = useTranslation(['projects', 'common', 'editor']);
  const n = useNumberFormat();
  const can = useCan();
  const [list, setList] = useState<ProjectSummary[] | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [trashShown, setTrashShown] = useState(false);
  const [trashVersion, setTrashVersion] = useState(0);
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
  const fail = (e: unknown) => onNotice(notice('error', toApiError(e)));

  const rename = async () => {
    if (!renaming || !renaming.name.trim()) return;
    try {
      const summary = await api.renameProject({ projectId: renaming.id, name: renaming.name.trim() });
      setList((l) => l?.map((p) => (p.id === summary.id ? summary : p)) ?? null);
      props.onRenamed(summary.id, summary.name);
      onNotice(notice('info', { code: 'editor:projects.renamed', params: { name: summary.name } }));
      setRenaming(null);
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (p: ProjectSummary) => {
    try {
      await api.deleteProject(p.id);
      setList((l) => l?.filter((x) => x.id !== p.id) ?? null);
      setTrashVersion((v) => v + 1);
      props.onDeleted(p.id);
      onNotice(notice('info', { code: 'editor:projects.deleted', params: { name: p.name } }));
    } catch (e) {
      fail(e);
    }
  };

  const exportFile = async (p: ProjectSummary) => {
    try {
      await downloadProjectFile(p.id);
      onNotice(notice('info', { code: 'projects:file.exported', params: { name: p.name } }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Dialog
      title={t('projects:title')}
      onClose={props.onClose}
      wide
      testId="projects-dialog"
      footer={
        <>
          {can('listTrash') && (
            <button type="button" aria-expanded={trashShown} onClick={() => setTrashShown((v) => !v)}>
              {trashShown ? t('projects:trash.hide') : t('projects:trash.show')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.close')}
          </button>
        </>
      }
    >
      {list?.length === 0 && <p className="muted">{t('projects:empty')}</p>}
      <ul className="project-list">
        {list?.map((p) => {
          const current = p.id === props.currentId;
          return (
            <li key={p.id} aria-current={current ? 'true' : undefined}>
              <div className="project-main">
                {renaming?.id === p.id ? (
                  <input
                    aria-label={t('editor:projects.newName', { name: p.name })}
                    value={renaming.name}
                    autoFocus
                    onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void rename();
                    }}
                  />
                ) : (
                  <strong lang="ko">{p.name}</strong>
                )}
                <small>{t('projects:updated', { date: date.format(new Date(p.updatedAt)) })}</small>
              </div>
              <div className="project-progress">
                {p.progress.map((g) => (
                  <span key={g.lang} className="meter-text">
                    <abbr title={t(`common:lang.${g.lang}`)}>{g.lang.toUpperCase()}</abbr> {n(g.approved)}/
                    {n(g.total)}
                  </span>
                ))}
              </div>
              <div className="project-actions">
                {renaming?.id === p.id ? (
                  <button type="button" className="primary" onClick={() => void rename()}>
                    {t('common:actions.save')}
                  </button>
                ) : (
                  can('renameProject') && (
                    <button
                      type="button"
                      aria-label={t('editor:projects.renameLabel', { name: p.name })}
                      onClick={() => setRenaming({ id: p.id, name: p.name })}
                    >
                      {t('editor:projects.rename')}
                    </button>
                  )
                )}
                <button
                  type="button"
                  aria-label={t('projects:file.exportLabel', { name: p.name })}
                  onClick={() => void exportFile(p)}
                >
                  {t('projects:file.export')}
                </button>
                {can('deleteProject') && (
                  <button
                    type="button"
                    aria-label={t('editor:projects.deleteLabel', { name: p.name })}
                    onClick={() => void remove(p)}
                  >
                    {t('editor:projects.delete')}
                  </button>
                )}
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
              </div>
            </li>
          );
        })}
      </ul>
      {/* Importing a project and the memory's TMX in and out are an editor's (both rows of the bar). */}
      {can('importProjectFile') && can('exportTmx') && (
        <ProjectFileBar onImported={props.onImported} onNotice={onNotice} />
      )}
      {trashShown && can('listTrash') && (
        <TrashList
          version={trashVersion}
          onNotice={onNotice}
          onRestored={(summary) =>
            setList((l) => (l ? [summary, ...l.filter((x) => x.id !== summary.id)] : [summary]))
          }
        />
      )}
    </Dialog>
  );
}
