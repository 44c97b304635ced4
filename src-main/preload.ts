/**
 * The sandboxed preload: exposes `window.api`, the contract's named verbs, and nothing else.
 * Pushed events are only those of the contract; dropped files' paths come from webUtils.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApi, type ApiTransport } from './shared/api-client';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EnrollscopeApi } from './shared/ipc-contract';

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNELS);

const transport: ApiTransport = {
  invoke: (channel, arg) => {
    if (!invokeChannels.has(channel)) throw new Error(`unknown channel ${channel}`);
    return ipcRenderer.invoke(channel, arg);
  },
  subscribe: (channel, listener) => {
    if (!eventChannels.has(channel)) throw new Error(`unknown event ${channel}`);
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

const api: EnrollscopeApi = createApi(transport);
contextBridge.exposeInMainWorld('api', api);
