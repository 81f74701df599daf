// Where the windows watcher gets the list of windows on screen: X11 on Linux, node-window-manager on Windows and macOS.
import { createNodeWindowManagerSource } from './nodeWindowManagerSource';
import { createX11Source } from './x11Source';

/** A top-level window as a source sees it. The title is looked at, never stored or sent on. */
export interface WindowInfo {
  /** The window's id as the source knows it (opaque). */
  readonly id: string;
  /** The owning process, where the window says (X11 _NET_WM_PID) or the system knows. */
  readonly pid: number | null;
  readonly title: string;
  /** Base name of the owning program's executable (chromium, AnyDesk.exe), when known. */
  readonly processName?: string;
  /** Full path of the owning program's executable, when known. */
  readonly exe?: string;
}

/** The windows cannot be seen on this computer at all (a Wayland desktop, no desktop): a limit, not a fault. */
export class WindowsUnavailableError extends Error {}

export interface WindowSource {
  /** The windows on screen now. Rejects with one plain sentence when the windows cannot be seen. */
  list(): Promise<WindowInfo[]>;
  /** Lets go of every handle (the display connection); list() may reconnect later. */
  close(): Promise<void>;
}

export function defaultWindowSource(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): WindowSource {
  return platform === 'win32' || platform === 'darwin' ? createNodeWindowManagerSource() : createX11Source({ env });
}
