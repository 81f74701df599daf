// The tray app's wiring with Electron mocked and a fake engine: lock, sandbox before ready, services, quit, loud failure.
import type { Engine } from '../../../electron/guardian/engine';
import { channelOf } from '../../../shared/api';
import { protectedStatus } from './fakeStatus';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWindow extends Emitter {
    static last: FakeWindow | null = null;
    visible = false;
    webContents = { id: 11, isDestroyed: () => false, send: vi.fn() };
    constructor(readonly options: unknown) {
      super();
      FakeWindow.last = this;
    }
    show = vi.fn(() => (this.visible = true));
    hide = vi.fn(() => (this.visible = false));
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isVisible = () => this.visible;
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => `/home/ada/.config/${name}`),
    getAppPath: vi.fn(() => '/opt/pause-guard/resources/app.asar'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
  return {
    app,
    FakeWindow,
    tray,
    handlers: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } },
    showErrorBox: vi.fn(),
    openExternal: vi.fn(async () => undefined),
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.FakeWindow,
  Tray: vi.fn(function () {
    return electron.tray;
  }),
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
  nativeImage: { createFromPath: vi.fn((p: string) => ({ path: p, isEmpty: () => false })) },
  session: { defaultSession: electron.session },
  shell: { openExternal: electron.openExternal },
  dialog: { showErrorBox: electron.showErrorBox },
  ipcMain: {
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler)),
    removeHandler: vi.fn(),
  },
}));

const { startTrayApp } = await import('../../../electron/trayApp');

function fakeEngine(start: () => Promise<void> = async () => undefined) {
  const statusListeners: Array<(s: typeof protectedStatus) => void> = [];
  const engine = {
    start: vi.fn(start),
    stop: vi.fn(async () => undefined),
    status: vi.fn(() => protectedStatus),
    onEvent: vi.fn(() => () => undefined),
    onStatus: vi.fn((listener: (s: typeof protectedStatus) => void) => {
      statusListeners.push(listener);
      return () => undefined;
    }),
  };
  return { engine, statusListeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startTrayApp', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    electron.app.removeAllListeners();
    electron.handlers.clear();
    electron.FakeWindow.last = null;
  });

  it('quits at once, before building anything, when another copy holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const { engine } = fakeEngine();
    startTrayApp({ mainDir: '/opt/pause-guard/out/main', createEngine: () => engine as unknown as Engine });
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('wires security, engine, window, IPC and tray, then hides to tray and stops the engine on quit', async () => {
    const { engine, statusListeners } = fakeEngine();
    const createEngine = vi.fn(() => engine as unknown as Engine);
    startTrayApp({ mainDir: '/opt/pause-guard/out/main', createEngine });
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0] ?? 0);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    await settle();

    expect(createEngine).toHaveBeenCalledExactlyOnceWith('/home/ada/.config/userData');
    expect(engine.start).toHaveBeenCalledOnce();
    expect(electron.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const window = electron.FakeWindow.last;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { preload: '/opt/pause-guard/out/preload/preload.cjs', sandbox: true, contextIsolation: true, devTools: false },
    });
    expect(window?.loadFile).toHaveBeenCalledExactlyOnceWith('/opt/pause-guard/out/renderer/index.html');
    expect(electron.tray.setToolTip).toHaveBeenLastCalledWith('Pause Guard: protection is on');

    const ourPage = { sender: { id: 11, mainFrame: { processId: 1, routingId: 1 } } };
    const frame = { url: 'file:///opt/pause-guard/out/renderer/index.html', parent: null, processId: 1, routingId: 1 };
    await expect(electron.handlers.get(channelOf('getStatus'))?.({ ...ourPage, senderFrame: frame }, undefined)).resolves.toEqual(protectedStatus);
    await expect(
      electron.handlers.get(channelOf('openExternalLink'))?.({ ...ourPage, senderFrame: frame }, { url: 'https://evil.example/' }),
    ).resolves.toEqual({ opened: false });
    await expect(
      electron.handlers.get(channelOf('openExternalLink'))?.({ ...ourPage, senderFrame: frame }, { url: 'https://www.garda.ie/' }),
    ).resolves.toEqual({ opened: true });
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.garda.ie/');
    await expect(
      electron.handlers.get(channelOf('getStatus'))?.({ sender: { ...ourPage.sender, id: 12 }, senderFrame: frame }, undefined),
    ).rejects.toThrow(/did not create/);

    statusListeners[0]?.({ ...protectedStatus, state: 'warning' });
    expect(window?.webContents.send).toHaveBeenCalledWith('pause-guard:status', { ...protectedStatus, state: 'warning' });

    const close = { preventDefault: vi.fn() };
    window?.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
    expect(electron.app.listenerCount('window-all-closed')).toBe(1);

    const beforeQuit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).toHaveBeenCalledOnce();
    expect(engine.stop).toHaveBeenCalledOnce();
    await settle();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    electron.app.emit('before-quit', { preventDefault: vi.fn() });
    const closeWhileQuitting = { preventDefault: vi.fn() };
    window?.emit('close', closeWhileQuitting);
    expect(closeWhileQuitting.preventDefault).not.toHaveBeenCalled();
  });

  it('shows the window when a second copy is started', async () => {
    const { engine } = fakeEngine();
    startTrayApp({ mainDir: '/opt/pause-guard/out/main', createEngine: () => engine as unknown as Engine });
    await settle();
    electron.app.emit('second-instance');
    expect(electron.FakeWindow.last?.show).toHaveBeenCalledOnce();
  });

  it('fails loudly with a dialog and exit code 1 when the engine cannot start', async () => {
    const { engine } = fakeEngine(async () => Promise.reject(new Error('The data folder cannot be written.')));
    startTrayApp({ mainDir: '/opt/pause-guard/out/main', createEngine: () => engine as unknown as Engine });
    await settle();
    expect(electron.showErrorBox).toHaveBeenCalledExactlyOnceWith('Pause Guard could not start', expect.stringMatching(/^The data folder cannot be written\.\n\nProtection is not running\./));
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.FakeWindow.last).toBeNull();
  });
});
