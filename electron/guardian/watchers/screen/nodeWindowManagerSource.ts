// Lists windows on Windows and macOS through node-window-manager, loaded only there (its Linux addon is empty).
import path from 'node:path';
import type { WindowInfo, WindowSource } from './windowSource';

type WindowManagerModule = typeof import('node-window-manager');

/**
 * `load` is the import of node-window-manager, done on the first list() so that other systems never load it.
 * On macOS the titles are empty until the person allows Pause Guard to record the screen (System Settings, Privacy).
 */
export function createNodeWindowManagerSource(
  load: () => Promise<WindowManagerModule> = () => import('node-window-manager'),
): WindowSource {
  let loaded: Promise<WindowManagerModule> | null = null;
  return {
    async list() {
      loaded ??= load();
      let windowManager: WindowManagerModule['windowManager'];
      try {
        ({ windowManager } = await loaded);
      } catch {
        loaded = null;
        throw new Error('Pause Guard cannot see the windows on screen: its window component could not be loaded.');
      }
      const windows: WindowInfo[] = [];
      for (const window of windowManager.getWindows()) {
        try {
          const exe = window.path || undefined;
          windows.push({
            id: String(window.id),
            pid: window.processId > 0 ? window.processId : null,
            title: window.getTitle() ?? '',
            processName: exe ? (exe.includes('\\') ? path.win32.basename(exe) : path.posix.basename(exe)) : undefined,
            exe,
          });
        } catch {
          // The window closed while the list was being read: it is simply not on screen any more.
        }
      }
      return windows;
    },
    async close() {},
  };
}
