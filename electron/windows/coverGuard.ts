// Keeps one pause-and-check cover up while an interruption is on: what "up" means (shown, not minimised, on top at the
// screen-saver level, full screen, on every workspace where Electron can) and how a cover is put back. It never closes
// or hides a window; interruptionWindows.ts decides when it runs (the events and the check every second).
import type { BrowserWindow } from 'electron';

/** How often every cover is checked while an interruption is on screen. */
export const COVER_CHECK_MS = 1000;

export type CoverWindow = Pick<
  BrowserWindow,
  | 'isVisible' | 'isMinimized' | 'isAlwaysOnTop' | 'isFullScreen' | 'isSimpleFullScreen' | 'restore' | 'show' | 'showInactive'
  | 'focus' | 'moveTop' | 'setAlwaysOnTop' | 'setFullScreen' | 'setSimpleFullScreen' | 'setVisibleOnAllWorkspaces'
>;

/** On top of everything at the screen-saver level, and on every workspace or virtual desktop (Electron does this on macOS and Linux, not Windows). */
export function pinAbove(window: CoverWindow, platform: NodeJS.Platform): void {
  window.setAlwaysOnTop(true, 'screen-saver');
  if (platform !== 'win32') window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
}

/** macOS covers with the quick (pre-Lion) full screen; everywhere else with the ordinary one. */
const fullScreen = (window: CoverWindow, platform: NodeJS.Platform): boolean =>
  platform === 'darwin' ? window.isSimpleFullScreen() : window.isFullScreen();

/** True when the cover is as it must be: shown, not minimised, on top and full screen. */
export function coverIsUp(window: CoverWindow, platform: NodeJS.Platform): boolean {
  return window.isVisible() && !window.isMinimized() && window.isAlwaysOnTop() && fullScreen(window, platform);
}

/** Puts a cover back the way it must be; with `focus`, it also takes the keyboard and goes to the top. */
export function putBack(window: CoverWindow, platform: NodeJS.Platform, focus: boolean): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) {
    if (focus) window.show();
    else window.showInactive();
  }
  if (!window.isAlwaysOnTop()) pinAbove(window, platform);
  if (!fullScreen(window, platform)) {
    if (platform === 'darwin') window.setSimpleFullScreen(true);
    else window.setFullScreen(true);
  }
  if (focus) {
    window.focus();
    window.moveTop();
  }
}
