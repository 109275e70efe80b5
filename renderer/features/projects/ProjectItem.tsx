import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import { useNumberFormat } from '../../i18n/format';
import type { Can } from '../desk/permissions';
import { downloadProjectFile } from './project-files';

/** Approved / total per language, e.g. "VI 12/30". */
function ProjectProgress(props: { progress: ProjectSummary['progress'] }) {
  const { t } = useTranslation(['common']);
  const n = useNumberFormat();
  return (
    <div className="project-progress">
      {props.progress.map((g) => (
        <span key={g.lang} className="meter-text">
          <abbr title={t(`common:lang.${g.lang}`)}>{g.lang.toUpperCase()}</abbr> {n(g.approved)}/{n(g.total)}
        </span>
      ))}
    </div>
  );
}

/** The project's name (or the new name being typed, Enter saving it) and when it last changed. */
function ProjectName(props: {
  project: ProjectSummary;
  date: Intl.DateTimeFormat;
  newName: string | null;
  onType(name: string): void;
  onEnter(): void;
}) {
  const { t } = useTranslation(['projects', 'editor']);
  const { project: p, newName } = props;
  return (
    <div className="project-main">
      {newName !== null ? (
        <input
          aria-label={t('editor:projects.newName', { name: p.name })}
          value={newName}
          autoFocus
          onChange={(e) => props.onType(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onEnter();
          }}
        />
      ) : (
        <strong lang="ko">{p.name}</strong>
      )}
      <small>{t('projects:updated', { date: props.date.format(new Date(p.updatedAt)) })}</small>
    </div>
  );
}

/**
 * One project in the list: name (renamed in place), last change, progress per language, and its actions —
 * rename, export as a file, move to the trash, open. What the person's desk role cannot do is not offered. Each
 * change is told only once the Node side has it.
 */
export function ProjectItem(props: {
  project: ProjectSummary;
  current: boolean;
  can: Can;
  date: Intl.DateTimeFormat;
  onOpen(id: string): void;
  onRenamed(summary: ProjectSummary): void;
  /** Whether a new name is being typed here (the dialog asks before an Escape throws it away). */
  onTyping?(projectId: string, typing: boolean): void;
  onDeleted(p: ProjectSummary): void;
  onNotice(n: Notice): void;
}) {
  const { t } = useTranslation(['projects', 'common', 'editor']);
  const { project: p, can } = props;
  const { newName, setNewName, rename, remove, exportFile } = useProjectActions(props);
  const typing = newName !== null && newName.trim() !== '' && newName.trim() !== p.name;
  const { onTyping } = props;
  useEffect(() => {
    onTyping?.(p.id, typing);
    return () => onTyping?.(p.id, false);
  }, [onTyping, p.id, typing]);

  return (
    <li aria-current={props.current ? 'true' : undefined}>
      <ProjectName project={p} date={props.date} newName={newName} onType={setNewName} onEnter={rename} />
      <ProjectProgress progress={p.progress} />
      <div className="project-actions">
        {newName !== null ? (
          <button type="button" className="primary" onClick={rename}>
            {t('common:actions.save')}
          </button>
        ) : (
          can('renameProject') && (
            <button
              type="button"
              aria-label={t('editor:projects.renameLabel', { name: p.name })}
              onClick={() => setNewName(p.name)}
            >
              {t('editor:projects.rename')}
            </button>
          )
        )}
        <button
          type="button"
          aria-label={t('projects:file.exportLabel', { name: p.name })}
          onClick={exportFile}
        >
          {t('projects:file.export')}
        </button>
        {can('deleteProject') && (
          <button
            type="button"
            aria-label={t('editor:projects.deleteLabel', { name: p.name })}
            onClick={remove}
          >
            {t('editor:projects.delete')}
          </button>
        )}
        {props.current ? (
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
}

type ItemProps = Parameters<typeof ProjectItem>[0];

/** Rename (the name being typed, or null), move to the trash and export one project; failures become notices. */
function useProjectActions(props: ItemProps) {
  const { project: p, onNotice } = props;
  const [newName, setNewName] = useState<string | null>(null);
  const run = (work: () => Promise<void>) => () =>
    void work().catch((e: unknown) => onNotice(notice('error', toApiError(e))));

  const rename = run(async () => {
    if (newName === null || !newName.trim()) return;
    const summary = await api.renameProject({ projectId: p.id, name: newName.trim() });
    props.onRenamed(summary);
    onNotice(notice('info', { code: 'editor:projects.renamed', params: { name: summary.name } }));
    setNewName(null);
  });
  const remove = run(async () => {
    await api.deleteProject(p.id);
    props.onDeleted(p);
    onNotice(notice('info', { code: 'editor:projects.deleted', params: { name: p.name } }));
  });
  const exportFile = run(async () => {
    await downloadProjectFile(p.id);
    onNotice(notice('info', { code: 'projects:file.exported', params: { name: p.name } }));
  });

  return { newName, setNewName, rename, remove, exportFile };
}
