// The tray app's wiring with Electron mocked and the REAL app services (no watchers) in a temp folder: lock, sandbox
// before ready, windows and IPC, tray, interruption windows following the guardian, start at login, quit, loud failure.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/guardian/appServices';
import type { Emit, Watcher } from '../../../electron/guardian/watchers/watcher';
import { channelOf, type EventName } from '../../../shared/api';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeWindow } = await import('../../fixtures/fakeElectron');
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    commandLine: { hasSwitch: vi.fn(() => false), removeSwitch: vi.fn() },
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => `/home/ada/.config/${name}`),
    getAppPath: vi.fn(() => '/opt/pause-guard/resources/app.asar'),
    setLoginItemSettings: vi.fn(),
    getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: false })),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1366, height: 768 } });
  const screen = Object.assign(new Emitter(), {
    getAllDisplays: vi.fn(() => [display(1, 0), display(2, 1366)]),
    getPrimaryDisplay: vi.fn(() => display(1, 0)),
  });
  const powerMonitor = new Emitter();
  const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
  const notifications: { options: unknown; show: ReturnType<typeof vi.fn>; on: ReturnType<typeof vi.fn> }[] = [];
  return {
    app,
    powerMonitor,
    screen,
    FakeWindow,
    tray,
    notifications,
    handlers: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } },
    showErrorBox: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    setApplicationMenu: vi.fn(),
    safeStorage: { isEncryptionAvailable: vi.fn(() => true), encryptString: vi.fn(), decryptString: vi.fn() },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  powerMonitor: electron.powerMonitor,
  screen: electron.screen,
  BrowserWindow: electron.FakeWindow,
  Tray: vi.fn(function () {
    return electron.tray;
  }),
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: electron.setApplicationMenu },
  Notification: vi.fn(function (options: unknown) {
    const note = { options, show: vi.fn(), on: vi.fn() };
    electron.notifications.push(note);
    return note;
  }),
  nativeImage: { createFromPath: vi.fn((p: string) => ({ path: p, isEmpty: () => false })) },
  session: { defaultSession: electron.session },
  shell: { openExternal: electron.openExternal },
  dialog: { showErrorBox: electron.showErrorBox },
  safeStorage: electron.safeStorage,
  ipcMain: {
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler)),
    removeHandler: vi.fn(),
  },
}));

const { startTrayApp } = await import('../../../electron/trayApp');

/** A watcher the test drives, standing in for the processes watcher: everything after it is the real app. */
function drivenWatcher(): Watcher & { emit: Emit } {
  let sink: Emit = () => undefined;
  return { name: 'processes', emit: (e) => sink(e), start: async (emit) => void (sink = emit), stop: async () => undefined };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
let tmp: string;
let services: AppServices | null;
let watcher: ReturnType<typeof drivenWatcher>;

async function start(failWith?: Error): Promise<void> {
  startTrayApp({
    mainDir: '/opt/pause-guard/out/main',
    argv: ['/opt/pause-guard/pause-guard'],
    createServices: async (dataDir, quit, keyProtector) => {
      expect(dataDir).toBe('/home/ada/.config/userData');
      // These tests run on Linux, where the sealing key is kept in the key file (safeStorage is not asked).
      expect(keyProtector.kind).toBe('key-file');
      expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
      if (failWith) throw failWith;
      services = await createAppServices({ dataDir: path.join(tmp, 'data'), version: 'test', downloadFolders: [], watchers: [watcher], quit, log: () => undefined });
      return services;
    },
  });
  // Started means the last step ran: the first start opens the setup page (or the failure dialog is up).
  const finished = () =>
    electron.showErrorBox.mock.calls.length > 0 ||
    (electron.FakeWindow.created[0]?.webContents.send.mock.calls.some(([channel]) => channel === channelOf('showPage')) ?? false);
  for (let i = 0; i < 100 && !finished(); i++) await settle();
}

const guardianOf = () => services!.guardian;

function sentTo(window: InstanceType<typeof electron.FakeWindow>, event: EventName): unknown[] {
  return window.webContents.send.mock.calls.filter(([channel]) => channel === channelOf(event)).map(([, payload]) => payload);
}

async function lastJournalRecord(): Promise<{ type: string; reason?: string }> {
  const journal = await fs.readdir(path.join(tmp, 'data', 'journal'));
  const last = (await fs.readFile(path.join(tmp, 'data', 'journal', journal[0]!), 'utf8')).trim().split('\n').at(-1)!;
  return JSON.parse(last).record;
}

/** Electron's own before-quit after an allowed app.quit(): the services stop first, then the app quits again. */
async function quitAndExpectCleanStop(reason: string): Promise<void> {
  electron.app.quit.mockClear();
  const beforeQuit = { preventDefault: vi.fn() };
  electron.app.emit('before-quit', beforeQuit);
  expect(beforeQuit.preventDefault).toHaveBeenCalledOnce();
  for (let i = 0; i < 50 && !electron.app.quit.mock.calls.length; i++) await settle();
  expect(electron.app.quit).toHaveBeenCalledOnce();
  expect(await lastJournalRecord()).toMatchObject({ type: 'clean-stop', reason });
  services = null;
}

describe('startTrayApp', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    electron.app.removeAllListeners();
    electron.screen.removeAllListeners();
    electron.powerMonitor.removeAllListeners();
    electron.handlers.clear();
    electron.FakeWindow.created = [];
    electron.notifications.length = 0;
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-trayapp-'));
    vi.stubEnv('XDG_CONFIG_HOME', path.join(tmp, 'config'));
    services = null;
    watcher = drivenWatcher();
  });
  afterEach(async () => {
    await services?.stop('shutdown').catch(() => undefined);
    vi.unstubAllEnvs();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('quits at once, before building anything, when another copy holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startTrayApp({ mainDir: '/opt/pause-guard/out/main', createServices: () => Promise.reject(new Error('never')) });
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('wires security, windows, IPC and tray; hides to tray; stops the services on quit', async () => {
    await start();
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0] ?? 0);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(null);
    expect(electron.session.setPermissionRequestHandler).toHaveBeenCalledOnce();

    const [dashboard, ...covers] = electron.FakeWindow.created;
    expect(dashboard?.options).toMatchObject({
      show: false,
      webPreferences: { preload: '/opt/pause-guard/out/preload/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
    });
    expect(dashboard?.loadFile).toHaveBeenCalledExactlyOnceWith('/opt/pause-guard/out/renderer/index.html');
    expect(covers.map((w) => w.options)).toEqual([
      expect.objectContaining({ x: 0, width: 1366, show: false, alwaysOnTop: true, closable: false, skipTaskbar: true }),
      expect.objectContaining({ x: 1366, width: 1366, show: false, alwaysOnTop: true, closable: false, skipTaskbar: true }),
    ]);
    expect(electron.tray.setToolTip).toHaveBeenLastCalledWith('Pause Guard: protection is on');

    const frame = { url: 'file:///opt/pause-guard/out/renderer/index.html', parent: null, processId: 1, routingId: 1 };
    const from = (id: number) => ({ sender: { id, mainFrame: { processId: 1, routingId: 1 } }, senderFrame: frame });
    await expect(electron.handlers.get(channelOf('getStatus'))?.(from(dashboard!.webContents.id), undefined)).resolves.toMatchObject({ state: 'protected' });
    await expect(electron.handlers.get(channelOf('getInterruption'))?.(from(covers[0]!.webContents.id), undefined)).resolves.toBeNull();
    await expect(electron.handlers.get(channelOf('getStatus'))?.(from(999), undefined)).rejects.toThrow(/did not create/);
    await expect(electron.handlers.get(channelOf('openExternalLink'))?.(from(dashboard!.webContents.id), { url: 'https://evil.example/' })).resolves.toEqual({ opened: false });
    await expect(electron.handlers.get(channelOf('openExternalLink'))?.(from(dashboard!.webContents.id), { url: 'https://www.garda.ie/' })).resolves.toEqual({ opened: true });
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.garda.ie/');

    const close = { preventDefault: vi.fn() };
    dashboard?.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
    expect(electron.app.listenerCount('window-all-closed')).toBe(1);

    // The family's quit: the PIN page (here the typed word, no PIN is set), then the quit, then a clean stop.
    guardianOf().askForPin({ action: 'quit' });
    const prompt = sentTo(dashboard!, 'protectedAction').at(-1) as { request: unknown; confirmationWord: string };
    await electron.handlers.get(channelOf('confirmProtectedAction'))?.(from(dashboard!.webContents.id), { request: prompt.request, secret: prompt.confirmationWord });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    await quitAndExpectCleanStop('quit');
  });

  it('refuses a quit nobody allowed (the Dock, a plain SIGTERM): nothing stops, and the PIN page asks for it', async () => {
    await start();
    const dashboard = electron.FakeWindow.created[0]!;
    const beforeQuit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).toHaveBeenCalledOnce();
    expect(sentTo(dashboard, 'protectedAction')).toEqual([expect.objectContaining({ request: { action: 'quit' } })]);
    await settle();
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect((await lastJournalRecord()).type).not.toBe('clean-stop');
    expect(guardianOf().status().state).toBe('protected');
  });

  it('lets the system shut down: delays it, stops cleanly and journals a shut-down; Windows session end alike', async () => {
    await start();
    const shutdown = { preventDefault: vi.fn() };
    electron.powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.preventDefault).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    await quitAndExpectCleanStop('shutdown');

    electron.app.quit.mockClear();
    electron.FakeWindow.created[0]!.emit('session-end', {});
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('tells the services when the system goes to sleep and when the screen is locked or unlocked', async () => {
    await start();
    const suspending = vi.spyOn(services!, 'systemSuspending');
    const locked = vi.spyOn(services!, 'screenLocked');
    electron.powerMonitor.emit('suspend');
    electron.powerMonitor.emit('lock-screen');
    electron.powerMonitor.emit('unlock-screen');
    expect(suspending).toHaveBeenCalledOnce();
    expect(locked.mock.calls).toEqual([[true], [false]]);
  });

  it('covers every display when a remote tool starts, and sends the interruption to every window', async () => {
    await start();
    const [dashboard, ...covers] = electron.FakeWindow.created;
    watcher.emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 999_999, exe: '/x/AnyDesk.exe', initial: false });
    for (let i = 0; i < 100 && !covers.every((c) => c.visible); i++) await settle();
    for (const cover of covers) expect(cover.visible).toBe(true);
    for (const window of [dashboard!, ...covers]) {
      expect(window.webContents.send).toHaveBeenCalledWith(channelOf('interruption'), expect.objectContaining({ tool: expect.objectContaining({ name: 'AnyDesk' }), canCarryOn: false }));
    }
    expect(electron.tray.setToolTip).toHaveBeenLastCalledWith(expect.stringMatching(/^Pause Guard: /));
  });

  it('notes a shared screen in a native notification, in plain words', async () => {
    await start();
    watcher.emit({ type: 'window-seen', kind: 'screen-share', toolId: 'google-meet', pid: 999_997, name: 'Google Meet' });
    await settle();
    expect(electron.notifications.map((note) => note.options)).toEqual([{ title: 'Your screen is being shared', body: 'Click to see what this means.' }]);
    expect(electron.FakeWindow.created.slice(1).some((cover) => cover.visible)).toBe(false);
  });

  it('shows a native notification for a tray warning, and its click opens the warning page', async () => {
    await start();
    watcher.emit({ type: 'tool-started', toolId: 'atera', name: 'Atera', tier: 'warn', pid: 999_998, exe: '/x/AteraAgent.exe', initial: false });
    await settle();
    expect(electron.notifications).toHaveLength(1);
    expect(electron.notifications[0]?.options).toEqual({ title: 'Atera on this computer', body: 'Click to see what this means.' });
    const onClick = electron.notifications[0]?.on.mock.calls.find(([name]) => name === 'click')?.[1] as () => void;
    onClick();
    const dashboard = electron.FakeWindow.created[0]!;
    expect(dashboard.webContents.send).toHaveBeenCalledWith(channelOf('warning'), expect.objectContaining({ tool: expect.objectContaining({ name: 'Atera' }) }));
    expect(dashboard.visible).toBe(true);
  });

  it('opens the setup page on the first start, and writes the start-at-login entry', async () => {
    await start();
    const dashboard = electron.FakeWindow.created[0]!;
    expect(dashboard.webContents.send).toHaveBeenCalledWith(channelOf('showPage'), 'setup');
    expect(dashboard.visible).toBe(true);
    const entry = await fs.readFile(path.join(tmp, 'config', 'autostart', 'pause-guard.desktop'), 'utf8');
    expect(entry).toMatch(/^Exec=.* --hidden$/m);
  });

  it('shows the window when a second copy is started', async () => {
    await start();
    const dashboard = electron.FakeWindow.created[0]!;
    dashboard.show.mockClear();
    electron.app.emit('second-instance');
    expect(dashboard.show).toHaveBeenCalledOnce();
  });

  it('fails loudly with a dialog and exit code 1 when the services cannot start', async () => {
    await start(new Error('The data folder cannot be written.'));
    expect(electron.showErrorBox).toHaveBeenCalledExactlyOnceWith('Pause Guard could not start', expect.stringMatching(/^The data folder cannot be written\.\n\nProtection is not running\./));
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.FakeWindow.created).toEqual([]);
  });
});
