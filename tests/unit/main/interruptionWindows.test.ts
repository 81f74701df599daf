// The interruption cover with Electron faked: one hidden window per display with the exact options, the screen-saver
// level on every workspace, close refused while an interruption is on, the blocked shortcuts (and ordinary typing let
// through), focus taken back, a minimised, hidden or windowed cover put back (at once, and by the check every second),
// windows following displays as they come and go, a crashed page replaced, events sent to every cover.
import type { BrowserWindowConstructorOptions, Display, WebContents } from 'electron';
import { channelOf } from '../../../shared/api';
import type { WindowConstructor } from '../../../electron/windows/webPreferences';
import { display, FakeScreen, FakeWindow } from '../../fixtures/fakeElectron';
import { hardenedWebPreferences } from './hardenedWebPreferences';
import { protectedStatus } from './fakeStatus';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
const { createInterruptionWindows, isBlockedShortcut } = await import('../../../electron/windows/interruptionWindows');

let quitting = false;
function setUp(options: { platform?: NodeJS.Platform; displays?: Display[]; primaryId?: number } = {}) {
  FakeWindow.created = [];
  const screen = new FakeScreen(options.displays ?? [display(1, 0), display(2, 1920, 1366, 768)], options.primaryId ?? 2);
  const log = vi.fn();
  const covers = createInterruptionWindows({
    BrowserWindow: FakeWindow as unknown as WindowConstructor,
    screen: screen as unknown as Electron.Screen,
    preloadPath: '/app/out/preload/preload.cjs',
    pages: { kind: 'files', rendererDir: '/app/out/renderer' },
    isQuitting: () => quitting,
    log,
    platform: options.platform ?? 'linux',
  });
  const live = () => FakeWindow.created.filter((w) => !w.destroyed);
  return { covers, screen, log, windows: FakeWindow.created, live };
}

const expectedOptions = (bounds: { x: number; y: number; width: number; height: number }, mac: boolean): BrowserWindowConstructorOptions => ({
  title: 'Pause Guard',
  ...bounds,
  show: false,
  frame: false,
  fullscreen: true,
  simpleFullscreen: mac,
  fullscreenable: true,
  alwaysOnTop: true,
  skipTaskbar: true,
  closable: false,
  minimizable: false,
  maximizable: false,
  movable: false,
  resizable: false,
  focusable: true,
  backgroundColor: '#ffffff',
  webPreferences: hardenedWebPreferences('/app/out/preload/preload.cjs', false),
});

beforeEach(() => {
  quitting = false;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createInterruptionWindows', () => {
  it('makes one hidden window per display ahead of time, covering it, with exactly the locked-down options', () => {
    const { windows } = setUp();
    expect(windows.map((w) => w.options)).toEqual([
      expectedOptions({ x: 0, y: 0, width: 1920, height: 1080 }, false),
      expectedOptions({ x: 1920, y: 0, width: 1366, height: 768 }, false),
    ]);
    for (const w of windows) {
      expect(w.setAlwaysOnTop).toHaveBeenCalledExactlyOnceWith(true, 'screen-saver');
      expect(w.setVisibleOnAllWorkspaces).toHaveBeenCalledExactlyOnceWith(true, { visibleOnFullScreen: true });
      expect(w.loadFile).toHaveBeenCalledExactlyOnceWith('/app/out/renderer/index.html');
      expect(w.show).not.toHaveBeenCalled();
      expect(w.showInactive).not.toHaveBeenCalled();
    }
  });

  it('on macOS uses the quick full screen and stays visible over other full-screen Spaces', () => {
    const { windows } = setUp({ platform: 'darwin' });
    expect(windows.map((w) => w.options)).toEqual([
      expectedOptions({ x: 0, y: 0, width: 1920, height: 1080 }, true),
      expectedOptions({ x: 1920, y: 0, width: 1366, height: 768 }, true),
    ]);
    for (const w of windows) expect(w.setVisibleOnAllWorkspaces).toHaveBeenCalledExactlyOnceWith(true, { visibleOnFullScreen: true });
  });

  it('on Windows, where Electron has no workspaces to join, only pins the cover at the screen-saver level', () => {
    const { windows } = setUp({ platform: 'win32' });
    for (const w of windows) {
      expect(w.setAlwaysOnTop).toHaveBeenCalledExactlyOnceWith(true, 'screen-saver');
      expect(w.setVisibleOnAllWorkspaces).not.toHaveBeenCalled();
    }
  });

  it.each([
    ['minimised', (w: FakeWindow) => w.minimizedByTheSystem()],
    ['hidden', (w: FakeWindow) => w.hiddenByTheSystem()],
    ['taken out of full screen', (w: FakeWindow) => w.leftFullScreen()],
  ] as const)('puts a cover %s during an interruption back at once, focused', (_name, undo) => {
    const { covers, windows } = setUp({ primaryId: 1 });
    const [first] = windows as [FakeWindow];
    covers.show();
    first.focus.mockClear();
    undo(first);
    expect(first).toMatchObject({ visible: true, minimized: false, fullScreen: true, onTop: true });
    expect(first.focus).toHaveBeenCalledOnce();
    expect(first.moveTop).toHaveBeenCalled();
  });

  it('leaves a cover minimised or hidden alone when no interruption is on screen', () => {
    const { covers, windows } = setUp();
    const [first] = windows as [FakeWindow];
    covers.show();
    covers.hide();
    first.minimizedByTheSystem();
    expect(first.restore).not.toHaveBeenCalled();
    expect(first.visible).toBe(false);
  });

  it('checks every cover every second: each is put back on top, full screen and shown, and the primary one takes the focus', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp({ primaryId: 2 });
    const [other, primary] = windows as [FakeWindow, FakeWindow];
    covers.show();
    primary.focused = true;
    for (const w of windows) w.quietlyUndone();
    primary.focus.mockClear();
    other.focus.mockClear();
    vi.advanceTimersByTime(999);
    expect(primary.visible).toBe(false);
    vi.advanceTimersByTime(1);
    for (const w of windows) expect(w).toMatchObject({ visible: true, fullScreen: true, onTop: true });
    expect(other.showInactive).toHaveBeenCalledTimes(2);
    expect(other.focus).not.toHaveBeenCalled();
    expect(primary.focus).toHaveBeenCalledOnce();
    expect(primary.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
  });

  it('on macOS puts the quick full screen back', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp({ platform: 'darwin' });
    covers.show();
    for (const w of windows) w.quietlyUndone();
    vi.advanceTimersByTime(1000);
    for (const w of windows) {
      expect(w.setSimpleFullScreen).toHaveBeenCalledExactlyOnceWith(true);
      expect(w.setFullScreen).not.toHaveBeenCalled();
    }
  });

  it('stops checking once the interruption is over, and when the covers are destroyed', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp();
    covers.show();
    covers.hide();
    for (const w of windows) w.quietlyUndone();
    vi.advanceTimersByTime(5000);
    for (const w of windows) expect(w.setFullScreen).not.toHaveBeenCalled();
    covers.show();
    covers.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('loads the dev server page in development', () => {
    FakeWindow.created = [];
    createInterruptionWindows({
      BrowserWindow: FakeWindow as unknown as WindowConstructor,
      screen: new FakeScreen([display(1, 0)], 1) as unknown as Electron.Screen,
      preloadPath: '/p.cjs',
      pages: { kind: 'devServer', origin: 'http://localhost:5173' },
      isQuitting: () => false,
      log: vi.fn(),
    });
    expect(FakeWindow.created[0]?.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/');
  });

  it('says so when the page cannot be loaded', async () => {
    FakeWindow.created = [];
    const log = vi.fn();
    class Failing extends FakeWindow {
      override readonly loadFile = vi.fn(async () => {
        throw new Error('ERR_FILE_NOT_FOUND');
      });
    }
    createInterruptionWindows({
      BrowserWindow: Failing as unknown as WindowConstructor,
      screen: new FakeScreen([display(1, 0)], 1) as unknown as Electron.Screen,
      preloadPath: '/p.cjs',
      pages: { kind: 'files', rendererDir: '/app/out/renderer' },
      isQuitting: () => false,
      log,
    });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('The interruption page could not be loaded: ERR_FILE_NOT_FOUND'));
  });

  it('shows every cover and focuses the one on the primary display, last', () => {
    const { covers, windows } = setUp({ primaryId: 2 });
    const [other, primary] = windows as [FakeWindow, FakeWindow];
    covers.show();
    expect(other.showInactive).toHaveBeenCalledOnce();
    expect(other.show).not.toHaveBeenCalled();
    expect(other.focus).not.toHaveBeenCalled();
    expect(primary.show).toHaveBeenCalledOnce();
    expect(primary.focus).toHaveBeenCalledOnce();
    expect(primary.moveTop).toHaveBeenCalledOnce();
    expect(primary.show.mock.invocationCallOrder[0]).toBeGreaterThan(other.showInactive.mock.invocationCallOrder[0] ?? Infinity);
  });

  it('shows again only what is hidden, so an update does not pull the focus around', () => {
    const { covers, windows } = setUp();
    covers.show();
    covers.show();
    for (const w of windows) expect(w.show.mock.calls.length + w.showInactive.mock.calls.length).toBe(1);
  });

  it('hides every cover', () => {
    const { covers, windows } = setUp();
    covers.show();
    covers.hide();
    for (const w of windows) expect(w.hide).toHaveBeenCalledOnce();
  });

  it('refuses to close while an interruption is on screen, and allows it before and after', () => {
    const { covers, windows } = setUp();
    const [first] = windows as [FakeWindow];
    covers.show();
    expect(first.tryClose()).toBe(false);
    covers.hide();
    expect(first.tryClose()).toBe(true);
  });

  it('closes while the app quits, even with an interruption on screen', () => {
    const { covers, windows, live } = setUp();
    covers.show();
    quitting = true;
    expect((windows[0] as FakeWindow).tryClose()).toBe(true);
    expect(live()).toHaveLength(1);
  });

  it('replaces a cover that was closed, so the next interruption still covers every display', () => {
    const { live } = setUp();
    (live()[0] as FakeWindow).tryClose();
    expect(live().map((w) => w.options.x)).toEqual([1920, 0]);
  });

  it.each([
    ['Escape', { key: 'Escape' }],
    ['Alt+F4', { key: 'F4', alt: true }],
    ['Ctrl+F4', { key: 'F4', control: true }],
    ['Alt+Space (the window menu)', { key: ' ', alt: true }],
    ['Ctrl+W', { key: 'w', control: true }],
    ['Cmd+W', { key: 'w', meta: true }],
    ['Ctrl+Q', { key: 'q', control: true }],
    ['Cmd+Q', { key: 'q', meta: true }],
    ['Ctrl+R', { key: 'r', control: true }],
    ['Cmd+R', { key: 'r', meta: true }],
    ['Ctrl+Shift+R', { key: 'R', control: true, shift: true }],
    ['F5', { key: 'F5' }],
    ['Ctrl+F5', { key: 'F5', control: true }],
    ['F11', { key: 'F11' }],
    ['F12', { key: 'F12' }],
    ['Ctrl+Shift+I', { key: 'I', control: true, shift: true }],
    ['Cmd+Shift+I', { key: 'I', meta: true, shift: true }],
    ['Ctrl+Shift+J', { key: 'J', control: true, shift: true }],
    ['Ctrl+Shift+C', { key: 'C', control: true, shift: true }],
    ['Ctrl+P', { key: 'p', control: true }],
    ['Cmd+P', { key: 'p', meta: true }],
    ['Cmd+H', { key: 'h', meta: true }],
    ['Cmd+M', { key: 'm', meta: true }],
  ] as const)('blocks %s', (_name, input) => {
    const { windows } = setUp();
    for (const w of windows) expect(w.press(input).preventDefault).toHaveBeenCalledOnce();
  });

  it.each([
    ['the digits of a PIN', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({ key }))],
    ['letters of the confirmation word', [{ key: 'm' }, { key: 'i' }, { key: 'N', shift: true }, { key: 'e' }]],
    ['Tab and Shift+Tab', [{ key: 'Tab' }, { key: 'Tab', shift: true }]],
    ['Enter, Space and Backspace', [{ key: 'Enter' }, { key: ' ' }, { key: 'Backspace' }]],
    ['copy, paste and select all', [{ key: 'c', control: true }, { key: 'v', control: true }, { key: 'a', control: true }, { key: 'c', meta: true }]],
    ['the arrow keys', [{ key: 'ArrowDown' }, { key: 'ArrowUp' }]],
    ['zoom', [{ key: '+', control: true }, { key: '-', control: true }, { key: '0', control: true }]],
    ['F4 alone', [{ key: 'F4' }]],
  ] as const)('lets %s through', (_name, inputs) => {
    const { windows } = setUp();
    for (const input of inputs) expect((windows[0] as FakeWindow).press(input).preventDefault).not.toHaveBeenCalled();
    for (const input of inputs) expect(isBlockedShortcut({ control: false, meta: false, alt: false, shift: false, ...input })).toBe(false);
  });

  it('takes the focus back when it goes to another program during an interruption', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp();
    const [first] = windows as [FakeWindow];
    covers.show();
    first.focus.mockClear();
    first.moveTop.mockClear();
    first.emit('blur');
    vi.advanceTimersByTime(0);
    expect(first.focus).toHaveBeenCalledOnce();
    expect(first.moveTop).toHaveBeenCalledOnce();
  });

  it('leaves the focus alone when it moved to the cover on another display', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp();
    const [first, second] = windows as [FakeWindow, FakeWindow];
    covers.show();
    first.focus.mockClear();
    first.emit('blur');
    second.focused = true;
    vi.advanceTimersByTime(0);
    expect(first.focus).not.toHaveBeenCalled();
  });

  it('leaves the focus alone when no interruption is on screen', () => {
    vi.useFakeTimers();
    const { covers, windows } = setUp();
    const [first] = windows as [FakeWindow];
    covers.show();
    covers.hide();
    first.focus.mockClear();
    first.emit('blur');
    vi.advanceTimersByTime(0);
    expect(first.focus).not.toHaveBeenCalled();
  });

  it('covers a display added later, at once when an interruption is on screen', () => {
    const { covers, screen, live } = setUp();
    covers.show();
    screen.displays = [...screen.displays, display(3, 3286, 1280, 1024)];
    screen.emit('display-added', {}, screen.displays[2]);
    const added = live()[2] as FakeWindow;
    expect(live()).toHaveLength(3);
    expect(added.options).toEqual(expectedOptions({ x: 3286, y: 0, width: 1280, height: 1024 }, false));
    expect(added.setAlwaysOnTop).toHaveBeenCalledExactlyOnceWith(true, 'screen-saver');
    expect(added.showInactive).toHaveBeenCalledOnce();
  });

  it('keeps a display added while nothing is on screen covered but hidden', () => {
    const { screen, live } = setUp();
    screen.displays = [...screen.displays, display(3, 3286)];
    screen.emit('display-added', {}, screen.displays[2]);
    expect(live()).toHaveLength(3);
    expect(live()[2]?.visible).toBe(false);
  });

  it('drops the cover of a removed display', () => {
    const { screen, windows, live } = setUp();
    screen.displays = [screen.displays[1] as Display];
    screen.emit('display-removed', {}, windows[0]);
    expect(windows[0]?.destroy).toHaveBeenCalledOnce();
    expect(live().map((w) => w.options.x)).toEqual([1920]);
  });

  it('replaces the cover of a display whose size changed, and ignores changes that keep its bounds', () => {
    const { covers, screen, windows, live } = setUp();
    covers.show();
    screen.emit('display-metrics-changed', {}, screen.displays[0], ['workArea']);
    expect(windows).toHaveLength(2);
    screen.displays = [display(1, 0, 2560, 1440), screen.displays[1] as Display];
    screen.emit('display-metrics-changed', {}, screen.displays[0], ['bounds']);
    expect(windows[0]?.destroy).toHaveBeenCalledOnce();
    const replaced = live().find((w) => w.options.width === 2560);
    expect(replaced?.options).toEqual(expectedOptions({ x: 0, y: 0, width: 2560, height: 1440 }, false));
    expect(replaced?.showInactive).toHaveBeenCalledOnce();
  });

  it('gives the primary display its focused cover back when that cover is replaced', () => {
    const { covers, screen, live } = setUp({ primaryId: 1 });
    covers.show();
    screen.displays = [display(1, 0, 2560, 1440), screen.displays[1] as Display];
    screen.emit('display-metrics-changed', {}, screen.displays[0], ['bounds']);
    const replaced = live().find((w) => w.options.width === 2560) as FakeWindow;
    expect(replaced.show).toHaveBeenCalledOnce();
    expect(replaced.focus).toHaveBeenCalledOnce();
  });

  it('replaces a cover whose page crashed, and says so', () => {
    const { covers, windows, live, log } = setUp();
    covers.show();
    (windows[0] as FakeWindow).webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(windows[0]?.destroy).toHaveBeenCalledOnce();
    expect(live()).toHaveLength(2);
    expect(live()[1]?.options.x).toBe(0);
    expect(live()[1]?.visible).toBe(true);
    expect(log).toHaveBeenCalledWith('The interruption page stopped (crashed); Pause Guard is opening it again.');
  });

  it('sends a checked event to every cover and knows its own pages', () => {
    const { covers, windows } = setUp();
    covers.send('status', protectedStatus);
    for (const w of windows) expect(w.webContents.send).toHaveBeenCalledExactlyOnceWith(channelOf('status'), protectedStatus);
    expect(() => covers.send('showPage', 'nowhere' as never)).toThrow('The "showPage" event does not match the contract');
    expect(covers.hasWebContents(windows[1]?.webContents as unknown as WebContents)).toBe(true);
    expect(covers.hasWebContents({ id: 9999 } as WebContents)).toBe(false);
  });

  it('destroys every cover and stops following the displays', () => {
    const { covers, screen, windows } = setUp();
    covers.destroy();
    for (const w of windows) expect(w.destroy).toHaveBeenCalledOnce();
    expect(screen.listenerCount('display-added') + screen.listenerCount('display-removed') + screen.listenerCount('display-metrics-changed')).toBe(0);
    screen.emit('display-added', {}, display(3, 4000));
    expect(windows).toHaveLength(2);
  });
});
