import type { ApiHandlers, StorageStatus } from '../contract';
import { AppError } from '../services/errors';
import { listBackups } from '../services/storage/backups';

type StorageHandlers = Pick<ApiHandlers, 'storageStatus' | 'listBackups' | 'restoreBackup'>;

/** Storage health for a core whose database opened: restoring a backup needs the start-up recovery screen. */
export function storageHandlers(dataDir: string): StorageHandlers {
  return {
    async storageStatus(): Promise<StorageStatus> {
      return { ok: true, backups: await listBackups(dataDir) };
    },
    listBackups: () => listBackups(dataDir),
    async restoreBackup() {
      // Replacing the database under an open app would discard acknowledged work; only recovery does it.
      throw new AppError('storage.restoreNeedsRecovery');
    },
  };
}
