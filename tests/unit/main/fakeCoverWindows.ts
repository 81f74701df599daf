// Electron's BrowserWindow and screen, faked for the cover tests (never the real electron module): a window keeps the
// state the cover reads back (shown, focused, minimised, on top, full screen), and acts as a caller would on it.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, Display } from 'electron';

type Prevent = { preventDefault: ReturnType<typeof vi.fn> };
let nextContentsId = 100;

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  onTop = false;
  fullScreen: boolean;
  simpleFullScreen: boolean;
  readonly webContents = Object.assign(new EventEmitter(), { id: nextContentsId++, isDestroyed: () => this.destroyed, send: vi.fn() });
  readonly setAlwaysOnTop = vi.fn((flag: boolean) => {
    this.onTop = flag;
  });
  readonly setVisibleOnAllWorkspaces = vi.fn();
  readonly setFullScreen = vi.fn((flag: boolean) => {
    this.fullScreen = flag;
  });
  readonly setSimpleFullScreen = vi.fn((flag: boolean) => {
    this.simpleFullScreen = flag;
  });
  readonly show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  readonly showInactive = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
    this.emit('hide');
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
    this.emit('restore');
  });
  readonly focus = vi.fn();
  readonly moveTop = vi.fn();
  readonly loadFile = vi.fn(async (_file: string) => undefined);
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly destroy = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.fullScreen = options.fullscreen === true;
    this.simpleFullScreen = options.simpleFullscreen === true;
    FakeWindow.created.push(this);
  }
  isVisible = () => this.visible;
  isFocused = () => this.focused;
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isAlwaysOnTop = () => this.onTop;
  isFullScreen = () => this.fullScreen;
  isSimpleFullScreen = () => this.simpleFullScreen;
  /** What Electron does when something asks the window to close: 'close', then 'closed' unless prevented. */
  tryClose(): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit('close', event);
    if (event.preventDefault.mock.calls.length > 0) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
  press(input: Partial<Electron.Input> & { key: string }): Prevent {
    const event = { preventDefault: vi.fn() };
    this.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, alt: false, shift: false, ...input });
    return event;
  }
  /** The window manager minimises it (its button, Win+Down, "show the desktop"), and says so. */
  minimizedByTheSystem(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }
  /** Something hides it from outside (a remote tool's menu, a window-manager rule), and Electron says so. */
  hiddenByTheSystem(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  /** Taken out of full screen (F11 in the window manager, a double-click on a title bar it draws). */
  leftFullScreen(): void {
    this.fullScreen = false;
    this.emit('leave-full-screen');
  }
  /** Changed without any event: dropped from the top level, out of full screen, hidden, unfocused. */
  quietlyUndone(): void {
    this.onTop = false;
    this.fullScreen = false;
    this.simpleFullScreen = false;
    this.visible = false;
    this.focused = false;
  }
}

export const display = (id: number, x: number, width = 1920, height = 1080): Display =>
  ({ id, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height: height - 40 } }) as Display;

export class FakeScreen extends EventEmitter {
  constructor(
    public displays: Display[],
    public primaryId: number,
  ) {
    super();
  }
  getAllDisplays = () => this.displays;
  getPrimaryDisplay = () => this.displays.find((d) => d.id === this.primaryId) as Display;
}
