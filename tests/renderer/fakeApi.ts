// A stand-in for window.pauseGuard (the renderer's only boundary): the methods a test gives, events pushed on demand.
// A method the test did not give rejects, so a page calling something unexpected fails its test.
import { methodNames, type EventName, type EventPayload, type PauseGuardApi, type Status } from '../../shared/api';

type Methods = Omit<PauseGuardApi, 'on'>;

export type FakeApi = PauseGuardApi & {
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
};

export function createFakeApi(given: Partial<Methods>): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const methods = Object.fromEntries(
    methodNames.map((name) => [name, given[name] ?? (() => Promise.reject(new Error(`This test did not expect a call to ${name}.`)))]),
  ) as Methods;
  return {
    ...methods,
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
