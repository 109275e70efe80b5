import type { ApiHandlers, StorageStatus } from '../contract';
import { AppError } from '../services/errors';
import type { ProjectStore } from '../services/project/store';
import { listBackups } from '../services/storage/backups';

type StorageHandlers = Pick<ApiHandlers, 'storageStatus' | 'listBackups' | 'restoreBackup'>;

/**
 * Storage health for a core whose database opened (`ok`), with the problem that stops writes while it lasts (disk
 * full, read-only, no permission). Restoring a backup needs the start-up recovery screen.
 */
export function storageHandlers(dataDir: string, store: ProjectStore): StorageHandlers {
  return {
    async storageStatus(): Promise<StorageStatus> {
      const problem = await store.writeProblem();
      return {
        ok: true,
        ...(problem
          ? { writeProblem: { code: problem.code, ...(problem.params ? { params: problem.params } : {}) } }
          : {}),
        backups: await listBackups(dataDir),
      };
    },
    listBackups: () => listBackups(dataDir),
    async restoreBackup() {
      // Replacing the database under an open app would discard acknowledged work; only recovery does it.
      throw new AppError('storage.restoreNeedsRecovery');
    },
  };
}
