// The tray app's entry point (out/main/main.js): builds the engine from the catalog and the platform's watchers, then
// starts the app. Keep it this thin: everything else is wired in trayApp.ts.
import { loadCatalog } from './guardian/catalog';
import { createEngine } from './guardian/engine';
import { createDefaultWatchers } from './guardian/watchers/defaultWatchers';
import { startTrayApp } from './trayApp';

startTrayApp({
  mainDir: import.meta.dirname,
  createEngine: (dataDir) => createEngine({ dataDir, watchers: createDefaultWatchers({ catalog: loadCatalog(), downloadFolders: null }) }),
});
