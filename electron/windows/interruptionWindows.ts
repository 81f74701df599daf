// The pause-and-check cover: one full-screen window per display, made ahead of time and kept hidden so it shows at once.
// While an interruption is on screen nothing the keyboard, mouse or window manager offers may close, reload or leave it:
// a cover minimised, hidden or taken out of full screen is put back at once, and every cover is checked every second.
import type { BrowserWindow as ElectronBrowserWindow, Display, Input, Screen, WebContents } from 'electron';
import type { EventName, EventPayload } from '../../shared/api';
import type { AppPages } from '../appPages';
import { sendEvent } from '../ipc';
import { COVER_CHECK_MS, coverIsUp, pinAbove, putBack } from './coverGuard';
import { createHardenedWindow, loadAppPage, type WindowConstructor } from './webPreferences';

export type InterruptionWindowsOptions = {
  BrowserWindow: WindowConstructor;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on' | 'removeListener'>;
  /** The built preload, out/preload/preload.cjs. */
  preloadPath: string;
  pages: AppPages;
  /** Closing is allowed while the app quits (the PIN was given), even with an interruption on screen. */
  isQuitting: () => boolean;
  log: (line: string) => void;
  platform?: NodeJS.Platform;
};

export type InterruptionWindows = {
  /** Puts the cover on every display and focuses the one on the primary display. */
  show(): void;
  /** Takes the cover away; only once the interruption is over. */
  hide(): void;
  /** Sends one event of the renderer contract to every cover window. */
  send<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** True for the page of one of these windows (for the IPC sender check). */
  hasWebContents(contents: WebContents): boolean;
  destroy(): void;
};

/** The page's own background (renderer/src/styles.css --page), so a window shown before its page paints is not a flash. */
const PAGE_BACKGROUND = '#ffffff';

type KeyInput = Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

/**
 * Keys that would close, hide, minimise, reload, print or inspect the cover, or take it out of full screen.
 * Ordinary typing (digits and letters for the PIN, Tab, Enter, Backspace, copy and paste) passes through.
 * Alt+Tab, Ctrl+Alt+Delete, the Windows key and Cmd+Tab go to the system before any window sees them: they cannot be
 * blocked here; the cover answers them by taking the focus back and staying on top at the screen-saver level.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'escape' || key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (key === 'f4') return input.alt || command;
  if (key === ' ') return input.alt;
  if (!command) return false;
  if (['w', 'q', 'r', 'p', 'h', 'm'].includes(key)) return true;
  return input.shift && ['i', 'j', 'c'].includes(key);
}

type Cover = { window: ElectronBrowserWindow; bounds: Display['bounds'] };

const sameBounds = (a: Display['bounds'], b: Display['bounds']): boolean =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function createInterruptionWindows(options: InterruptionWindowsOptions): InterruptionWindows {
  const { screen } = options;
  const platform = options.platform ?? process.platform;
  const mac = platform === 'darwin';
  const covers = new Map<number, Cover>();
  let active = false;
  let destroyed = false;
  let checking: NodeJS.Timeout | null = null;

  const anyCoverFocused = (): boolean => [...covers.values()].some(({ window }) => !window.isDestroyed() && window.isFocused());

  const reveal = (window: ElectronBrowserWindow, focus: boolean): void => {
    if (!focus) {
      window.showInactive();
      return;
    }
    window.show();
    window.focus();
    window.moveTop();
  };

  const create = (display: Display): Cover => {
    const { x, y, width, height } = display.bounds;
    const window = createHardenedWindow(
      options.BrowserWindow,
      {
        title: 'Pause Guard',
        x,
        y,
        width,
        height,
        show: false,
        frame: false,
        fullscreen: true,
        // Native macOS full screen moves a window to a Space of its own, with an animation; the pre-Lion kind covers
        // the display at once and stays above other apps' full-screen Spaces.
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
        backgroundColor: PAGE_BACKGROUND,
      },
      { preloadPath: options.preloadPath, devTools: false },
    );
    pinAbove(window, platform);

    window.on('close', (event) => {
      if (active && !options.isQuitting()) event.preventDefault();
    });
    window.on('closed', () => {
      if (covers.get(display.id)?.window !== window) return;
      covers.delete(display.id);
      if (!destroyed && !options.isQuitting()) reconcile();
    });
    // Minimised, hidden or taken out of full screen (the window manager, a shortcut it owns, a remote tool's menu): back at once.
    const backAtOnce = (): void => {
      if (active && !window.isDestroyed()) putBack(window, platform, !anyCoverFocused());
    };
    window.on('minimize', backAtOnce);
    window.on('hide', backAtOnce);
    window.on('leave-full-screen', backAtOnce);
    window.on('blur', () => {
      // Focus may only have moved to the cover on another display; look once the new focus has landed.
      setTimeout(() => {
        if (!active || window.isDestroyed() || anyCoverFocused()) return;
        window.focus();
        window.moveTop();
      }, 0);
    });
    window.webContents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
    // A crashed page would leave a blank cover with no way on: replace the window.
    window.webContents.on('render-process-gone', (_event, details) => {
      options.log(`The interruption page stopped (${details.reason}); Pause Guard is opening it again.`);
      retire(display.id);
      reconcile();
    });

    loadAppPage(window, options.pages).catch((error: unknown) => {
      options.log(`The interruption page could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { window, bounds: display.bounds };
  };

  const retire = (displayId: number): void => {
    const cover = covers.get(displayId);
    if (cover === undefined) return;
    covers.delete(displayId);
    if (!cover.window.isDestroyed()) cover.window.destroy();
  };

  /** One cover per display as the displays are now: new displays get one, gone or resized ones are replaced. */
  function reconcile(): void {
    if (destroyed) return;
    const displays = screen.getAllDisplays();
    for (const [id, cover] of [...covers]) {
      const display = displays.find((d) => d.id === id);
      if (display === undefined || !sameBounds(display.bounds, cover.bounds)) retire(id);
    }
    const primaryId = screen.getPrimaryDisplay().id;
    for (const display of displays) {
      if (covers.has(display.id)) continue;
      const cover = create(display);
      covers.set(display.id, cover);
      if (active) reveal(cover.window, display.id === primaryId);
    }
  }

  /** Every second while an interruption is on: each cover up, and one of them focused (the primary display's). */
  const check = (): void => {
    if (!active || destroyed) return;
    const primaryId = screen.getPrimaryDisplay().id;
    for (const { window } of covers.values()) if (!window.isDestroyed() && !coverIsUp(window, platform)) putBack(window, platform, false);
    const primary = covers.get(primaryId)?.window;
    if (primary !== undefined && !primary.isDestroyed() && !anyCoverFocused()) putBack(primary, platform, true);
  };
  const stopChecking = (): void => {
    if (checking !== null) clearInterval(checking);
    checking = null;
  };

  const onDisplaysChanged = (): void => reconcile();
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  screen.on('display-metrics-changed', onDisplaysChanged);
  reconcile();

  return {
    show() {
      active = true;
      const primaryId = screen.getPrimaryDisplay().id;
      const hidden = [...covers].filter(([, cover]) => !cover.window.isVisible());
      for (const [id, cover] of hidden) if (id !== primaryId) reveal(cover.window, false);
      for (const [id, cover] of hidden) if (id === primaryId) reveal(cover.window, true);
      checking ??= setInterval(check, COVER_CHECK_MS);
    },
    hide() {
      active = false;
      stopChecking();
      for (const { window } of covers.values()) window.hide();
    },
    send(name, payload) {
      for (const { window } of covers.values()) sendEvent(window.webContents, name, payload);
    },
    hasWebContents: (contents) => [...covers.values()].some(({ window }) => window.webContents.id === contents.id),
    destroy() {
      destroyed = true;
      stopChecking();
      screen.removeListener('display-added', onDisplaysChanged);
      screen.removeListener('display-removed', onDisplaysChanged);
      screen.removeListener('display-metrics-changed', onDisplaysChanged);
      for (const id of [...covers.keys()]) retire(id);
    },
  };
}
