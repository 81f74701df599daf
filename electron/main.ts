// The tray app's entry point (out/main/main.js): builds the app services over Electron's user-data folder, then starts
// the app. Keep it this thin: everything else is wired in trayApp.ts.
import { createAppServices } from './guardian/appServices';
import { APP_VERSION } from './guardian/appVersion';
import { startTrayApp } from './trayApp';

startTrayApp({
  mainDir: import.meta.dirname,
  createServices: (dataDir, quit, keyProtector, appUpdateSupport) =>
    createAppServices({ dataDir, version: APP_VERSION, downloadFolders: null, quit, keyProtector, appUpdateSupport, log: (line) => console.error(line) }),
  // electron-updater is CommonJS: its autoUpdater is reached through the default export, and only loaded when used.
  loadAutoUpdater: async () => (await import('electron-updater')).default.autoUpdater,
});
