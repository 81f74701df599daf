// window.pauseGuard for the preview host: the renderer contract carried over the host's loopback WebSocket.
// It only relays calls and events; it never decides anything and never talks to any other address.
import { methodNames, type EventName, type PauseGuardApi } from '../../../shared/api';
import type { WireCall, WireEvent, WireReply } from '../../../shared/previewWire';

export const CONNECTION_LOST = 'The connection to Pause Guard was lost. Please reload the page.';

type Pending = { resolve: (output: unknown) => void; reject: (error: Error) => void };

export function createPreviewClient(socket: WebSocket): PauseGuardApi {
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));

  socket.addEventListener('message', (message: MessageEvent) => {
    const data = parse(message.data);
    if (!data) return;
    if ('event' in data) {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      return;
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.ok) call.resolve(data.output);
    else call.reject(new Error(data.error));
  });

  socket.addEventListener('close', () => {
    closed = true;
    for (const call of pending.values()) call.reject(new Error(CONNECTION_LOST));
    pending.clear();
  });

  const send = (method: string, input: unknown): Promise<unknown> => {
    if (closed) return Promise.reject(new Error(CONNECTION_LOST));
    const id = nextId++;
    const call: WireCall = { id, method, input };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      void opened.then(() => {
        if (!closed) socket.send(JSON.stringify(call));
      });
    });
  };

  const api = {
    on(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  for (const name of methodNames) Object.assign(api, { [name]: (input: unknown) => send(name, input) });
  return api as unknown as PauseGuardApi;
}

function parse(data: unknown): WireReply | WireEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    if ('event' in value || ('id' in value && 'ok' in value)) return value as WireReply | WireEvent;
    return null;
  } catch {
    return null;
  }
}
