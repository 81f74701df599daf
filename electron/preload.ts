// The preload: exposes window.pauseGuard, exactly the methods and events of shared/api.ts, through contextBridge.
// Never expose ipcRenderer, a generic send or invoke, or the IpcRendererEvent: the page gets payloads and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, EventPayload, PauseGuardApi } from '../shared/api';
import { channelOf, eventNames, methodNames } from '../shared/apiNames';

const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (eventNames as readonly string[]).includes(name);

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!isEventName(event)) throw new Error(`Pause Guard has no event called ${JSON.stringify(String(event))}.`);
  if (typeof listener !== 'function') throw new Error(`The listener for "${event}" must be a function.`);
  const channel = channelOf(event);
  const forward = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const methodsOfApi = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
);

const api = { ...methodsOfApi, on } as PauseGuardApi;

contextBridge.exposeInMainWorld('pauseGuard', api);
