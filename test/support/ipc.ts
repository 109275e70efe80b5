/**
 * A stand-in for Electron's `ipcMain` (no Electron binary runs in unit tests): `registerIpc` registers on it, and
 * `invoke` calls a channel the way `ipcRenderer.invoke` from a frame would. Test files that import `ipc.ts` also
 * `vi.mock('electron', ...)`, since loading the real package needs the binary.
 */
import { API_ERROR_PREFIX, type ApiError } from '../../electron/contract';

/** A frame object, compared by identity: the trusted page's, or any other. */
export const TRUSTED_FRAME = { url: 'file:///app/index.html' };
export const OTHER_FRAME = { url: 'https://evil.example/' };

export function fakeIpcMain() {
  const channels = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  return {
    ipc: {
      handle(channel: string, listener: (event: never, ...args: unknown[]) => unknown) {
        if (channels.has(channel)) throw new Error(`second handler for ${channel}`);
        channels.set(channel, listener as (event: unknown, ...args: unknown[]) => Promise<unknown>);
      },
    },
    channels,
    /** Call a channel from `frame`: the value, or the error as the renderer reads it. */
    async invoke(
      channel: string,
      args: unknown[],
      frame: object = TRUSTED_FRAME,
    ): Promise<{ value?: unknown; error?: ApiError }> {
      const listener = channels.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      try {
        return { value: await listener({ senderFrame: frame }, ...args) };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!message.startsWith(API_ERROR_PREFIX)) throw e;
        return { error: JSON.parse(message.slice(API_ERROR_PREFIX.length)) as ApiError };
      }
    },
  };
}

/** The module `vi.mock('electron', …)` returns for `ipc.ts`: nothing of it runs in these tests. */
export const ELECTRON_STUB = { ipcMain: {}, BrowserWindow: {}, dialog: {}, safeStorage: {} };
