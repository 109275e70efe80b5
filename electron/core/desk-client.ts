import { CHANNELS, type ApiHandlers, type ApiMethod, type SettingsView } from '../contract';
import { DeskClient } from '../services/desk-client/client';
import { AppError } from '../services/errors';
import type { CoreOptions } from './context';

type DeskClientHandlers = Pick<
  ApiHandlers,
  'deskConnection' | 'deskConnect' | 'deskDisconnect' | 'deskKeptEdits' | 'deskForgetKept'
>;

/**
 * What stays on this computer while the app works on a desk: the app's own description, its settings (UI
 * language, this machine's DeepL key), the local database's status and backups, the event handshake, the
 * desktop's save dialog (it writes what the desk built), and the link itself. Everything else is the desk's.
 */
const LOCAL: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'getAppInfo',
  'getAbout',
  'uiReady',
  'getSettings',
  'updateSettings',
  'storageStatus',
  'listBackups',
  'restoreBackup',
  'saveExport',
  'deskConnection',
  'deskConnect',
  'deskDisconnect',
  'deskKeptEdits',
  'deskForgetKept',
]);

/** The desk-client methods of an app that can be a desk's client (the desktop app, its browser mode). */
export function deskClientHandlers(client: DeskClient): DeskClientHandlers {
  return {
    deskConnection: async () => client.connection(),
    deskConnect: (req) => client.connect(req.address, req.name, req.password),
    deskDisconnect: () => client.disconnect(),
    deskKeptEdits: (projectId) => client.keptEdits(projectId),
    deskForgetKept: (ref) => client.forgetKept(ref),
  };
}

/** On a desk server: there is no other desk to be a client of. */
export function deskServerClientHandlers(): DeskClientHandlers {
  const refuse = async (): Promise<never> => {
    throw new AppError('deskClient.notHere');
  };
  return {
    deskConnection: async () => ({ address: null, state: 'local', user: null, kept: 0, canConnect: false }),
    deskConnect: refuse,
    deskDisconnect: refuse,
    deskKeptEdits: async () => [],
    deskForgetKept: async () => undefined,
  };
}

/**
 * Send every call that is not {@link LOCAL} to the desk while one is set. The map is changed in place, so the
 * transports holding it (IPC, the loopback host) and the desktop's wrappers built on it route the same way.
 */
export function routeThroughDesk(handlers: ApiHandlers, client: DeskClient): void {
  const table = handlers as unknown as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>;
  // This machine's settings, but machine translation runs on the desk: its key state is what the UI must show.
  const localSettings = handlers.getSettings;
  handlers.getSettings = async () => {
    const own = await localSettings();
    if (!client.active) return own;
    try {
      const desk = (await client.call('getSettings', [])) as SettingsView;
      return {
        ...own,
        keySource: desk.keySource,
        keyForOtherServer: false,
        serverUrl: desk.serverUrl,
        canStoreKey: false,
      };
    } catch {
      return { ...own, keySource: 'none', keyForOtherServer: false, canStoreKey: false }; // signed out or away: nothing to translate with
    }
  };
  for (const method of Object.keys(CHANNELS) as ApiMethod[]) {
    if (LOCAL.has(method)) continue;
    const local = table[method];
    table[method] = (...args) => (client.active ? client.call(method, args) : local(...args));
  }
}

/** Start the desk client of an app (not of a desk server), reading which desk it works on. */
export async function startDeskClient(
  opts: Pick<CoreOptions, 'dataDir' | 'now' | 'emit'>,
): Promise<DeskClient> {
  const client = new DeskClient({ dataDir: opts.dataDir, emit: opts.emit, now: opts.now });
  await client.load();
  return client;
}
