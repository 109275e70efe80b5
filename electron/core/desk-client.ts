import { METHODS, type ApiHandlers, type SettingsView } from '../contract';
import { DeskClient } from '../services/desk-client/client';
import { AppError } from '../services/errors';
import type { CoreOptions } from './context';
import type { Handle } from './pipeline';

type DeskClientHandlers = Pick<
  ApiHandlers,
  'deskConnection' | 'deskConnect' | 'deskDisconnect' | 'deskKeptEdits' | 'deskForgetKept'
>;

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
 * The route stage of a desk client's core: while a desk is set, every method the table marks `where: 'desk'` goes
 * to the desk; `local` ones (and everything while no desk is set) run here.
 */
export function routeToDesk(client: DeskClient, local: Handle): Handle {
  return (method, args) =>
    client.active && METHODS[method].where === 'desk' ? client.call(method, args) : local(method, args);
}

/**
 * This machine's settings, but machine translation runs on the desk while one is set: its key state is what the
 * UI must show.
 */
export function deskAwareSettings(
  client: DeskClient,
  localSettings: ApiHandlers['getSettings'],
): ApiHandlers['getSettings'] {
  return async () => {
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
}

/** Start the desk client of an app (not of a desk server), reading which desk it works on. */
export async function startDeskClient(
  opts: Pick<CoreOptions, 'dataDir' | 'now' | 'emit'>,
): Promise<DeskClient> {
  const client = new DeskClient({ dataDir: opts.dataDir, emit: opts.emit, now: opts.now });
  await client.load();
  return client;
}
