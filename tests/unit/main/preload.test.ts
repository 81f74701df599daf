// The preload: window.pauseGuard holds exactly the contract's methods and `on`, invokes their channels, forwards payloads only.
import type { IpcRendererEvent } from 'electron';
import { channelOf, eventNames, methodNames, type PauseGuardApi } from '../../../shared/api';
import { protectedStatus } from './fakeStatus';

type Listener = (event: IpcRendererEvent, payload: unknown) => void;
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<Listener>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
  on: vi.fn((channel: string, listener: Listener) => {
    listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
  }),
  removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
  ipcRenderer,
}));

await import('../../../electron/preload');
const api = exposed.get('pauseGuard') as PauseGuardApi;

const emit = (channel: string, payload: unknown): void => {
  const senderEvent = { sender: ipcRenderer, ports: [] } as unknown as IpcRendererEvent;
  for (const listener of listeners.get(channel) ?? []) listener(senderEvent, payload);
};

describe('preload', () => {
  it('exposes one key, pauseGuard, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['pauseGuard']);
  });

  it('exposes exactly the contract methods and on: no ipcRenderer, no generic send', () => {
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(methodNames)('%s invokes its own channel with only the first argument', async (name) => {
    const call = api[name] as (...args: unknown[]) => Promise<unknown>;
    await expect(call({ url: 'https://www.garda.ie/' }, 'second', 'third')).resolves.toEqual({
      channel: channelOf(name),
      input: { url: 'https://www.garda.ie/' },
    });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(name), { url: 'https://www.garda.ie/' });
  });

  it.each(eventNames)('on(%s) subscribes to its channel and hands the listener the payload only', (name) => {
    const listener = vi.fn();
    const unsubscribe = api.on(name, listener);
    emit(channelOf(name), protectedStatus);
    expect(listener).toHaveBeenCalledExactlyOnceWith(protectedStatus);
    unsubscribe();
    emit(channelOf(name), protectedStatus);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listeners.get(channelOf(name))?.size).toBe(0);
  });

  it.each(['getStatus', 'pause-guard:status', 'ipc-message', '__proto__', 42])('on(%j) throws: not an event name', (name) => {
    expect(() => api.on(name as never, () => undefined)).toThrow(/^Pause Guard has no event called /);
    const contractChannels = new RegExp(`^(${eventNames.map((e) => channelOf(e)).join('|')})$`);
    expect(ipcRenderer.on).not.toHaveBeenCalledWith(expect.not.stringMatching(contractChannels), expect.anything());
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.on('status', 'alert(1)' as never)).toThrow('The listener for "status" must be a function.');
  });
});
