import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectSummary } from '../../../electron/contract';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { Dialog } from '../../components/Dialog';
import { notice, type Notice } from '../../components/notices';
import { useCan } from '../desk/desk-session';
import { ProjectFileBar } from './ProjectFileBar';
import { ProjectItem } from './ProjectItem';
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
  /** A project file was imported: open it (resolves once it is shown). */
  onImported(project: Project): Promise<void>;
}) {
  const { t, i18n } = useTranslation(['projects', 'common']);
  const can = useCan();
  const [trashShown, setTrashShown] = useState(false);
  const [trashVersion, setTrashVersion] = useState(0);
  // The list is read again (newest first) after each change made here; the shown one stays meanwhile.
  const [version, setVersion] = useState(0);
  const { onNotice } = props;
  const listed = useApi(
    () => api.listProjects().then(byRecent),
    [version],
    (e) => onNotice(notice('error', e)),
  );
  const list = listed.state === 'failed' ? [] : (valueOf(listed) ?? null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const changed = () => setVersion((v) => v + 1);
  // Projects whose new name is being typed: an Escape asks before throwing it away.
  const [typing, onTyping] = useIdSet();

  return (
    <Dialog
      title={t('projects:title')}
      onClose={props.onClose}
      wide
      testId="projects-dialog"
      draft={typing.size > 0}
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
        {list?.map((p) => (
          <ProjectItem
            key={p.id}
            project={p}
            current={p.id === props.currentId}
            can={can}
            date={date}
            onOpen={props.onOpen}
            onRenamed={(summary) => {
              changed();
              props.onRenamed(summary.id, summary.name);
            }}
            onDeleted={(gone) => {
              changed();
              setTrashVersion((v) => v + 1);
              props.onDeleted(gone.id);
            }}
            onNotice={onNotice}
            onTyping={onTyping}
          />
        ))}
      </ul>
      {/* Importing a project and the memory's TMX in and out are an editor's (both rows of the bar). */}
      {can('importProjectFile') && can('exportTmx') && (
        <ProjectFileBar onImported={props.onImported} onNotice={onNotice} />
      )}
      {trashShown && can('listTrash') && (
        <TrashList version={trashVersion} onNotice={onNotice} onRestored={changed} />
      )}
    </Dialog>
  );
}

/** A set of ids and its toggle (`on` adds, else removes), stable across renders; unchanged sets are not new. */
function useIdSet(): [ReadonlySet<string>, (id: string, on: boolean) => void] {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setIds((now) => {
        if (now.has(id) === on) return now;
        const next = new Set(now);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return [ids, toggle];
}

/** Most recently changed first. */
function byRecent(list: ProjectSummary[]): ProjectSummary[] {
  return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
