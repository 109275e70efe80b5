import { join } from 'node:path';
import { API_METHODS, type ApiHandlers, type ReviewEvent, type TargetLang } from './contract';
import { aboutHandlers } from './core/about';
import { currentActor, currentWriteCheck, LOCAL_ACTOR_ID, localActorName } from './core/actor';
import { cellHandlers } from './core/cells';
import { cellChanger, rowChanger, type CoreContext, type CoreOptions } from './core/context';
import { editorHandlers, readyGate, type ReadyGate } from './core/editor';
import { deskHandlers } from './core/desk';
import {
  deskAwareSettings,
  deskClientHandlers,
  deskServerClientHandlers,
  routeToDesk,
  startDeskClient,
} from './core/desk-client';
import { exchangeHandlers } from './core/exchange';
import { historyHandlers } from './core/history';
import { manageHandlers } from './core/manage';
import { handleWith, handlersOf, type Handle } from './core/pipeline';
import { projectHandlers } from './core/projects';
import { qaHandlers } from './core/qa';
import { termHandlers } from './core/terms';
import { settingsHandlers } from './core/settings';
import { storageHandlers } from './core/storage';
import { tmHandlers } from './core/tm';
import { houseStyleHandlers } from './core/house-style';
import { translateHandlers } from './core/translate';
import { openSqlite, type Database } from './services/db';
import { EMBEDDED_DESK } from './services/db/desk-scope';
import { holdUnsigned } from './services/desk/signoff';
import { isAppError, type AppError } from './services/errors';
import type { DeskClient } from './services/desk-client/client';
import { MachineTranslation } from './services/mt';
import { migrateJsonProjects } from './services/project/legacy';
import { ProjectStore } from './services/project/store';
import { listBackups, restoreBackup } from './services/storage/backups';
import { openDataFolder } from './services/storage/open';
import { ALL_MIGRATIONS } from './core/migrations';

export type { CoreOptions } from './core/context';

/** The embedded database's file name inside the data folder. */
export const DATABASE_FILE = 'review.db';

/** The Node side of the app, independent of transport: what the pipelines call, and what hosts need to shut down. */
export interface Core {
  /**
   * Route → handle: what every transport's pipeline ends in. It always reaches the current implementation (after a
   * backup restore, the real core's), and in a desk client sends the desk's methods to the desk.
   */
  readonly handle: Handle;
  /** The same as typed methods, for trusted callers (the CLI, the desktop menu, tests): arguments not validated. */
  readonly handlers: ApiHandlers;
  /** The project store (throws the start-up error while the database could not be opened). */
  readonly store: ProjectStore;
  readonly database: Database;
  /** Push an event to the UI; held until the UI's `uiReady` handshake, so a host pushing early loses nothing. */
  emit: (event: ReviewEvent) => void;
  /** Cancel running translations, write pending changes and close the database. */
  close(): Promise<void>;
}

/** DeepL behind the MT cache, reading the DeepL settings afresh for every run. */
function machineTranslation(opts: CoreOptions, cacheDatabase: Database): MachineTranslation {
  const { settings } = opts;
  return new MachineTranslation({
    cacheDir: opts.cacheDir ?? join(opts.dataDir, 'mt-cache'),
    cacheDatabase,
    getSettings: () => {
      const view = settings.view();
      return {
        ...settings.deepl(),
        englishVariant: view.englishVariant,
        paragraphContext: view.paragraphContext,
      };
    },
    now: opts.now,
    appVersion: opts.appVersion,
  });
}

/** Every domain's handlers over one context; in a desk client, the desk's methods go through the client. */
function localHandlers(ctx: CoreContext, gate: ReadyGate, client: DeskClient | null): ApiHandlers {
  const settingsApi = settingsHandlers(ctx);
  return {
    ...projectHandlers(ctx),
    ...cellHandlers(ctx),
    ...translateHandlers(ctx),
    ...settingsApi,
    ...exchangeHandlers(ctx),
    ...qaHandlers(ctx),
    ...termHandlers(ctx),
    ...historyHandlers(ctx),
    ...manageHandlers(ctx),
    ...storageHandlers(ctx.opts.dataDir, ctx.store),
    ...tmHandlers(ctx),
    ...houseStyleHandlers(ctx),
    ...aboutHandlers(ctx),
    ...editorHandlers(gate),
    ...deskHandlers(ctx),
    ...(client
      ? { ...deskClientHandlers(client), getSettings: deskAwareSettings(client, settingsApi.getSettings) }
      : deskServerClientHandlers()),
  };
}

async function openCore(opts: CoreOptions, gate: ReadyGate): Promise<Core> {
  const { now, settings } = opts;
  const emit = gate.emit;
  // The team desk passes its PostgreSQL database; the app opens the embedded one in the data folder.
  const database =
    opts.database ?? (await openDataFolder(opts.dataDir, DATABASE_FILE, ALL_MIGRATIONS, { now }));
  const actor = () =>
    currentActor() ?? {
      id: LOCAL_ACTOR_ID,
      name: localActorName(settings.view().reviewerName),
      desk: EMBEDDED_DESK,
    };
  // A team desk (PostgreSQL): every change takes the sign-off lock of the languages it touches; a person's edit
  // call also has its author's standing checked there (the guard's write check).
  const beforeWrite =
    database.dialect === 'postgres'
      ? (trx: Parameters<typeof holdUnsigned>[0], id: string, langs: ReadonlySet<TargetLang>) =>
          (currentWriteCheck() ?? holdUnsigned)(trx, id, langs)
      : undefined;
  const store = new ProjectStore(database, {
    now,
    emit,
    actor,
    ...(beforeWrite ? { beforeWrite } : {}),
    ...(opts.record ? { record: opts.record } : {}),
  });
  const legacy = await migrateJsonProjects(store, opts.dataDir);
  // A damaged file of the old JSON store stays in the renamed folder; the person is told (the host holds the
  // event until the page listens).
  for (const file of legacy.skipped)
    emit({ type: 'error', error: { code: 'project.corrupt', params: { file } } });
  // The CLI works in a scratch folder but shares the app's MT cache and translation memory (the app's database).
  const cacheDatabase = opts.cacheDataDir
    ? await openSqlite(join(opts.cacheDataDir, DATABASE_FILE), ALL_MIGRATIONS)
    : null;
  const mt = machineTranslation(opts, cacheDatabase ?? database);
  const ctx: CoreContext = {
    opts,
    database,
    memoryDatabase: cacheDatabase ?? database,
    actor,
    store,
    mt,
    settings,
    emit,
    now,
    iso: () => now().toISOString(),
    running: new Map(),
    changeCell: cellChanger(store),
    changeCells: rowChanger(store),
  };
  // The app (not a desk server, which has its database given) can itself work on a team desk.
  const client = opts.database ? null : await startDeskClient({ dataDir: opts.dataDir, now, emit });

  const local = localHandlers(ctx, gate, client);
  const handle = client ? routeToDesk(client, handleWith(local)) : handleWith(local);

  return {
    handle,
    handlers: handlersOf(handle),
    store,
    database,
    emit,
    async close() {
      for (const c of ctx.running.values()) c.abort();
      await client?.close();
      await store.close();
      await database.close();
      await cacheDatabase?.close();
    },
  };
}

/**
 * A core for a data folder whose database did not open: every method reports the start-up error except the
 * ones the recovery screen needs. Restoring a backup opens the real core and swaps it in behind `handle`, so every
 * transport's pipeline reaches the real core from then on.
 */
function recoveryCore(opts: CoreOptions, gate: ReadyGate, error: AppError): Core {
  let real: Core | null = null;
  const fail = async (): Promise<never> => {
    throw error;
  };
  const failing = Object.fromEntries(API_METHODS.map((m) => [m, fail])) as unknown as ApiHandlers;
  const recovery: ApiHandlers = {
    ...failing,
    getAppInfo: async () => ({ version: opts.appVersion, mode: opts.mode, systemLocale: opts.systemLocale }),
    // Settings live in their own file, so the recovery screen still speaks the user's language.
    getSettings: async () => opts.settings.view(),
    storageStatus: async () => ({
      ok: false,
      error: { code: error.code, ...(error.params ? { params: error.params } : {}) },
      backups: await listBackups(opts.dataDir),
    }),
    ...editorHandlers(gate),
    listBackups: () => listBackups(opts.dataDir),
    async restoreBackup(name) {
      await restoreBackup(opts.dataDir, join(opts.dataDir, DATABASE_FILE), name, opts.now());
      real = await openCore(opts, gate);
      return real.handlers.storageStatus();
    },
  };
  const here = handleWith(recovery);
  const handle: Handle = (method, args) => (real ? real.handle(method, args) : here(method, args));
  return {
    handle,
    handlers: handlersOf(handle),
    get store() {
      if (!real) throw error;
      return real.store;
    },
    get database() {
      if (!real) throw error;
      return real.database;
    },
    emit: gate.emit,
    close: async () => real?.close(),
  };
}

/**
 * Build the services and the one core every transport's pipeline ends in. Each domain's handlers live in
 * `core/<domain>.ts`; the spread in `openCore` must cover every {@link ApiHandlers} method or it does not compile. A data folder whose database cannot be opened gives a recovery core instead of a crash.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  // Events wait until the UI has subscribed (the `uiReady` handshake).
  const gate = readyGate(opts.emit);
  if (opts.deliverBeforeReady) gate.open();
  try {
    return await openCore(opts, gate);
  } catch (e) {
    if (isAppError(e) && e.code.startsWith('storage.')) return recoveryCore(opts, gate, e);
    throw e;
  }
}
