/**
 * Preload (sandboxed): implements {@link ReviewApi} over IPC and exposes it as `window.reviewApi`. The renderer
 * never sees `ipcRenderer`; it can only call the channels listed in the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, type ApiMethod, type ReviewApi, type ReviewEvent } from './contract';

const methods = Object.fromEntries(
  (Object.entries(CHANNELS) as Array<[ApiMethod, string]>).map(([method, channel]) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(channel, ...args),
  ]),
) as Omit<ReviewApi, 'onEvent'>;

const api: ReviewApi = {
  ...methods,
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: ReviewEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('reviewApi', api);
