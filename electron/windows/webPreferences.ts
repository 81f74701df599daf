// The one way every window is made: the hardened webPreferences, written out literally where the window is constructed
// (so electronegativity reads them), and only the app's own page loaded into it. Never weaken a preference for one window.
import path from 'node:path';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AppPages } from '../appPages';

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

/** What differs between windows inside the renderer: the preload (the only bridge) and whether a console is allowed. */
export type RendererAccess = {
  /** The built preload, out/preload/preload.cjs. */
  preloadPath: string;
  /** Developer tools only in development builds: a caller with remote control must not get a console. */
  devTools: boolean;
};

/** Builds a window with the caller's look and the hardened webPreferences, which the caller cannot pass or override. */
export function createHardenedWindow(
  BrowserWindow: WindowConstructor,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  access: RendererAccess,
): ElectronBrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: access.preloadPath, // eng-disable PRELOAD_JS_CHECK reviewed: exposes only shared/api.ts via contextBridge
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
      devTools: access.devTools,
    },
  });
}

/** Loads the renderer's one page: index.html from the built folder, or the dev server's root in development. */
export function loadAppPage(window: Pick<ElectronBrowserWindow, 'loadFile' | 'loadURL'>, pages: AppPages): Promise<void> {
  return pages.kind === 'devServer' ? window.loadURL(`${pages.origin}/`) : window.loadFile(path.join(pages.rendererDir, 'index.html'));
}
