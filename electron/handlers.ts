import { join } from 'node:path';
import type { ApiHandlers } from './contract';
import { currentActor } from './core/actor';
import { cellHandlers } from './core/cells';
import { cellChanger, type CoreContext, type CoreOptions } from './core/context';
import { deskHandlers } from './core/desk';
import { exchangeHandlers } from './core/exchange';
import { historyHandlers } from './core/history';
import { projectHandlers } from './core/projects';
import { qaHandlers } from './core/qa';
import { settingsHandlers } from './core/settings';
import { tmHandlers } from './core/tm';
import { translateHandlers } from './core/translate';
import { openSqlite, type Database } from './services/db';
import { MachineTranslation } from './services/mt';
import { ProjectStore } from './services/project/store';

export type { CoreOptions } from './core/context';

/** The embedded database's file name inside the data folder. */
export const DATABASE_FILE = 'review.db';

/** The Node side of the app, independent of transport: the handler map plus what hosts need to shut down. */
export interface Core {
  handlers: ApiHandlers;
  store: ProjectStore;
  database: Database;
  /** Cancel running translations, write pending changes and close the database. */
  close(): Promise<void>;
}

/**
 * Build the services and the one handler map IPC, the loopback host and the CLI dispatch to. Each domain's
 * handlers live in `core/<domain>.ts`; the spread below must cover every {@link ApiHandlers} method or it does not
 * compile.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const { now, settings, emit } = opts;
  // The team desk passes its PostgreSQL database; the app opens the embedded one in the data folder.
  const database = opts.database ?? (await openSqlite(join(opts.dataDir, DATABASE_FILE)));
  const store = new ProjectStore(opts.dataDir, now);
  const mt = new MachineTranslation({
    cacheDir: opts.cacheDir ?? join(opts.dataDir, 'mt-cache'),
    getSettings: () => {
      const view = settings.view();
      return {
        ...settings.deepl(),
        englishVariant: view.englishVariant,
        paragraphContext: view.paragraphContext,
      };
    },
    now,
    appVersion: opts.appVersion,
  });
  const ctx: CoreContext = {
    opts,
    database,
    actor: () => currentActor() ?? { id: 'local', name: settings.view().reviewerName || 'local' },
    store,
    mt,
    settings,
    emit,
    now,
    iso: () => now().toISOString(),
    running: new Map(),
    changeCell: cellChanger(store, emit),
  };

  const handlers: ApiHandlers = {
    ...projectHandlers(ctx),
    ...cellHandlers(ctx),
    ...translateHandlers(ctx),
    ...settingsHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...qaHandlers(ctx),
    ...historyHandlers(ctx),
    ...tmHandlers(ctx),
    ...deskHandlers(ctx),
  };

  return {
    handlers,
    store,
    database,
    async close() {
      for (const c of ctx.running.values()) c.abort();
      await store.flush();
      await database.close();
    },
  };
}
