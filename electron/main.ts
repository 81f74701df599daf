// The tray app's entry point (out/main/main.js): builds the app services over Electron's user-data folder, then starts
// the app. Keep it this thin: everything else is wired in trayApp.ts.
import { createAppServices } from './guardian/appServices';
import { APP_VERSION } from './guardian/appVersion';
import { startTrayApp } from './trayApp';

startTrayApp({
  mainDir: import.meta.dirname,
  createServices: (dataDir, quit, keyProtector) =>
    createAppServices({ dataDir, version: APP_VERSION, downloadFolders: null, quit, keyProtector, log: (line) => console.error(line) }),
});
