import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from '../shared/ipc/contract';
import { eventNames } from '../shared/ipc/events';
import { buildRapportApi } from '../shared/ipc/api';

// Only `window.rapport` crosses into the page: no ipcRenderer, no event objects.
const api = buildRapportApi(
  channels,
  eventNames,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
);

contextBridge.exposeInMainWorld('rapport', api);
