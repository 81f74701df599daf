// The tray app's entry point (out/main/main.js): builds the app services over Electron's user-data folder, then starts
// the app. Keep it this thin: everything else is wired in trayApp.ts.
import { createAppServices } from './guardian/appServices';
import { APP_VERSION } from './guardian/appVersion';
import { isWin32HookThread, runWin32HookThread } from './guardian/watchers/input/win32HookThread';

if (isWin32HookThread()) {
  // This file also runs as the Windows input-hook thread (see win32HookThread.ts): that thread never loads Electron,
  // so the tray app is imported only on the main thread.
  void runWin32HookThread();
} else {
  const { startTrayApp } = await import('./trayApp');
  startTrayApp({
    mainDir: import.meta.dirname,
    createServices: (dataDir, quit, keyProtector, appUpdateSupport) =>
      createAppServices({ dataDir, version: APP_VERSION, downloadFolders: null, quit, keyProtector, appUpdateSupport, log: (line) => console.error(line) }),
    // electron-updater is CommonJS: its autoUpdater is reached through the default export, and only loaded when used.
    loadAutoUpdater: async () => (await import('electron-updater')).default.autoUpdater,
  });
}
