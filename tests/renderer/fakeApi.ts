// A stand-in for window.pauseGuard (the renderer's only boundary): answers getStatus and pushes events on demand.
import type { EventName, EventPayload, PauseGuardApi, Status } from '../../shared/api';

export interface FakeApi extends PauseGuardApi {
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
}

export function createFakeApi(getStatus: () => Promise<Status>): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    getStatus,
    openExternalLink: async () => ({ opened: false }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    push(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function statusOf(overrides: Partial<Status> = {}): Status {
  return {
    state: 'protected',
    summary: 'Pause Guard is protecting this computer.',
    watchers: [
      { name: 'processes', ok: true, message: null },
      { name: 'downloads', ok: true, message: null },
    ],
    toolsRunning: [],
    since: '2025-05-06T09:30:00.000Z',
    ...overrides,
  };
}
