import type { ApiHandlers } from '../contract';
import { AppError } from '../services/errors';
import type { CoreContext } from './context';

type HistoryHandlers = Pick<
  ApiHandlers,
  | 'cellHistory'
  | 'restoreCellVersion'
  | 'undo'
  | 'redo'
  | 'replaceAll'
  | 'renameProject'
  | 'deleteProject'
  | 'listTrash'
  | 'restoreProject'
  | 'exportProjectFile'
  | 'importProjectFile'
>;

// Placeholder until the database-backed store lands (issue #8): every method refuses with a clear code.
export function historyHandlers(_ctx: CoreContext): HistoryHandlers {
  const missing = async (): Promise<never> => {
    throw new AppError('api.notImplemented');
  };
  return {
    cellHistory: missing,
    restoreCellVersion: missing,
    undo: missing,
    redo: missing,
    replaceAll: missing,
    renameProject: missing,
    deleteProject: missing,
    listTrash: missing,
    restoreProject: missing,
    exportProjectFile: missing,
    importProjectFile: missing,
  };
}
