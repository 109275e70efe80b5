import type { ApiHandlers, ProjectSummary } from '../contract';
import { AppError } from '../services/errors';
import { decodeProjectFile, encodeProjectFile, withFreshId } from '../services/project/projectfile';
import { loadProject } from '../services/project/repository';
import type { CoreContext } from './context';

type ManageHandlers = Pick<
  ApiHandlers,
  | 'renameProject'
  | 'deleteProject'
  | 'listTrash'
  | 'restoreProject'
  | 'exportProjectFile'
  | 'importProjectFile'
>;

/** Largest project file accepted (base64 of ~64 MB). */
const MAX_FILE_BASE64 = 90 * 1024 * 1024;

/** Project management: rename, trash and restore, the portable project file. */
export function manageHandlers(ctx: CoreContext): ManageHandlers {
  const { store, iso } = ctx;

  async function summary(id: string, trash = false): Promise<ProjectSummary> {
    const found = (trash ? await store.listTrash() : await store.list()).find((p) => p.id === id);
    if (!found) throw new AppError('project.notFound');
    return found;
  }

  return {
    async renameProject({ projectId, name }) {
      await store.update(projectId, (p) => {
        p.name = name.trim().slice(0, 200);
      });
      return summary(projectId);
    },

    deleteProject: (projectId) => store.trash(projectId),

    listTrash: () => store.listTrash(),

    async restoreProject(projectId) {
      await store.restore(projectId);
      return summary(projectId);
    },

    async exportProjectFile(projectId) {
      const project = await store.get(projectId);
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      const safe = project.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80) || 'project';
      return {
        fileName: `${safe}.review.json`,
        dataBase64: Buffer.from(encodeProjectFile(project, iso()), 'utf8').toString('base64'),
      };
    },

    async importProjectFile(req) {
      if (req.dataBase64.length > MAX_FILE_BASE64) throw new AppError('projectFile.tooLarge');
      let project = decodeProjectFile(Buffer.from(req.dataBase64, 'base64').toString('utf8'));
      if (await loadProject(store.db, project.id, true)) project = withFreshId(project);
      project = { ...project, updatedAt: iso() };
      await store.insert(project);
      await store.setLast(project.id);
      return project;
    },
  };
}
