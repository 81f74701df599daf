// The dashboard window: created hidden, shown once ready, and closing it hides it to the tray unless the app is quitting.
// Its webPreferences come only from createHardenedWindow; never pass or weaken them here.
import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import type { AppPages } from '../appPages';
import { createHardenedWindow, loadAppPage, type RendererAccess, type WindowConstructor } from './webPreferences';

export type DashboardWindowOptions = RendererAccess & {
  BrowserWindow: WindowConstructor;
  pages: AppPages;
  isQuitting: () => boolean;
};

export type DashboardWindow = {
  window: ElectronBrowserWindow;
  /** Settles when the page has loaded; rejects when it cannot be loaded. */
  loaded: Promise<void>;
};

export function createDashboardWindow(options: DashboardWindowOptions): DashboardWindow {
  const window = createHardenedWindow(
    options.BrowserWindow,
    {
      title: 'Pause Guard',
      width: 960,
      height: 720,
      minWidth: 640,
      minHeight: 480,
      show: false,
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
    },
    options,
  );

  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  return { window, loaded: loadAppPage(window, options.pages) };
}
