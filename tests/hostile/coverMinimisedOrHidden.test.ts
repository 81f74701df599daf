// The caller, holding the mouse from afar, gets the cover out of the way without touching its buttons: minimises it
// (the window manager's button, Win+Down, "show the desktop"), hides it, takes it out of full screen, or quietly drops
// it below another window. Each cover must be back within a second: shown, on top, full screen, with the focus.
// Electron is faked (tests/fixtures/fakeElectron.ts): the real window code runs over it.
import type { Display } from 'electron';
import type { WindowConstructor } from '../../electron/windows/webPreferences';
import { display, FakeScreen, FakeWindow } from '../fixtures/fakeElectron';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
const { createInterruptionWindows } = await import('../../electron/windows/interruptionWindows');

function coversOnTwoDisplays() {
  FakeWindow.created = [];
  const screen = new FakeScreen([display(1, 0), display(2, 1920, 1366, 768)] as Display[], 1);
  const covers = createInterruptionWindows({
    BrowserWindow: FakeWindow as unknown as WindowConstructor,
    screen: screen as unknown as Electron.Screen,
    preloadPath: '/app/out/preload/preload.cjs',
    pages: { kind: 'files', rendererDir: '/app/out/renderer' },
    isQuitting: () => false,
    log: () => undefined,
    platform: 'linux',
  });
  covers.show();
  const [primary, other] = FakeWindow.created as [FakeWindow, FakeWindow];
  primary.focused = true;
  return { covers, primary, other };
}

const up = { visible: true, minimized: false, onTop: true, fullScreen: true };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a caller who gets the cover out of the way', () => {
  it.each([
    ['minimises it', (w: FakeWindow) => w.minimizedByTheSystem()],
    ['hides it', (w: FakeWindow) => w.hiddenByTheSystem()],
    ['takes it out of full screen', (w: FakeWindow) => w.leftFullScreen()],
    ['drops it below other windows without a word', (w: FakeWindow) => w.quietlyUndone()],
  ] as const)('%s: within a second every cover is back, on top and full screen, and has the focus', (_how, attack) => {
    const { covers, primary, other } = coversOnTwoDisplays();
    attack(primary);
    attack(other);
    primary.focus.mockClear();
    vi.advanceTimersByTime(1000);
    expect(primary).toMatchObject(up);
    expect(other).toMatchObject(up);
    expect(primary.focused || primary.focus.mock.calls.length > 0, 'the primary cover has, or was given, the focus').toBe(true);
    covers.destroy();
  });
});
