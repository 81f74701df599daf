// The dashboard window: created hidden, shown once ready, and closing it hides it to the tray unless the app is quitting.
// Never weaken webPreferences here: sandboxed, isolated, no Node, no webviews; the preload is the only bridge.
import path from 'node:path';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AppPages } from '../appPages';

export type DashboardWindowOptions = {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;
  /** The built preload, out/preload/preload.cjs. */
  preloadPath: string;
  pages: AppPages;
  /** Developer tools only in development builds: a caller with remote control must not get a console. */
  devTools: boolean;
  isQuitting: () => boolean;
};

export type DashboardWindow = {
  window: ElectronBrowserWindow;
  /** Settles when the page has loaded; rejects when it cannot be loaded. */
  loaded: Promise<void>;
};

export function createDashboardWindow(options: DashboardWindowOptions): DashboardWindow {
  const { BrowserWindow, preloadPath, devTools } = options;
  const window = new BrowserWindow({
    title: 'Pause Guard',
    width: 960,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK reviewed: exposes only shared/api.ts via contextBridge
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools,
    },
  });

  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  const loaded =
    options.pages.kind === 'devServer'
      ? window.loadURL(`${options.pages.origin}/`)
      : window.loadFile(path.join(options.pages.rendererDir, 'index.html'));
  return { window, loaded };
}
