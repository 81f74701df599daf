// The tray app's wiring: single-instance lock, security before ready, then engine, window, IPC and tray, failing loudly.
// It never decides anything about scams: the engine does; this file only connects the engine to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeImage, session, shell, Tray, type BrowserWindow as Window } from 'electron';
import type { Engine } from './guardian/engine';
import { appPagesFor } from './appPages';
import { cspFor } from './csp';
import { createOpenExternalLink } from './externalLinks';
import { registerIpcHandlers, sendEvent } from './ipc';
import { enableSandboxBeforeReady, guardAllWebContents, hardenSession } from './security';
import { createTrayIcon, type TrayView } from './tray';
import { createDashboardWindow } from './windows/dashboardWindow';

export type TrayAppOptions = {
  /** Builds the engine over the person's data folder (Electron's userData). */
  createEngine: (dataDir: string) => Engine;
  /** The folder of the built main bundle (out/main): the preload and renderer are found beside it. */
  mainDir: string;
};

export function startTrayApp(options: TrayAppOptions): void {
  enableSandboxBeforeReady(app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const pages = appPagesFor({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: path.join(options.mainDir, '..', 'renderer'),
  });
  const openInBrowser = shell.openExternal;
  guardAllWebContents(app, pages, openInBrowser);

  let quitting = false;
  let runningEngine: Engine | null = null;
  let dashboard: Window | null = null;

  const showWindow = (): void => {
    if (dashboard === null) return;
    if (dashboard.isMinimized()) dashboard.restore();
    dashboard.show();
    dashboard.focus();
  };
  const toggleWindow = (): void => {
    if (dashboard?.isVisible()) dashboard.hide();
    else showWindow();
  };

  app.on('second-instance', showWindow);
  // A tray app keeps running with every window closed: listening here stops Electron's default quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
    const engine = runningEngine;
    if (engine === null) return;
    runningEngine = null;
    event.preventDefault();
    void engine.stop().finally(() => app.quit());
  });

  const startServices = async (): Promise<void> => {
    hardenSession(session.defaultSession, cspFor(pages));
    const engine = options.createEngine(app.getPath('userData'));
    await engine.start();
    runningEngine = engine;

    const { window, loaded } = createDashboardWindow({
      BrowserWindow,
      preloadPath: path.join(options.mainDir, '..', 'preload', 'preload.cjs'),
      pages,
      devTools: !app.isPackaged,
      isQuitting: () => quitting,
    });
    dashboard = window;
    const ourPageId = window.webContents.id;
    registerIpcHandlers(
      { getStatus: async () => engine.status(), openExternalLink: createOpenExternalLink(openInBrowser) },
      { pages, isTrustedSender: (contents) => contents.id === ourPageId },
    );

    const view = (): TrayView => {
      const status = engine.status();
      return { state: status.state, summary: status.summary, windowVisible: window.isVisible() };
    };
    const tray = createTrayIcon(
      {
        createTrayInstance: (icon) => new Tray(icon),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        loadIcon: (filePath) => nativeImage.createFromPath(filePath),
        iconsDir: path.join(app.getAppPath(), 'resources', 'icons'),
        actions: { toggleWindow, quit: () => app.quit() },
      },
      view(),
    );
    window.on('show', () => tray.update(view()));
    window.on('hide', () => tray.update(view()));
    engine.onStatus((status) => {
      tray.update(view());
      sendEvent(window.webContents, 'status', status);
    });
    engine.onEvent((event) => sendEvent(window.webContents, 'guardianEvent', event));
    await loaded;
  };

  app
    .whenReady()
    .then(startServices)
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(
        'Pause Guard could not start',
        `${reason}\n\nProtection is not running. Please restart the computer, and if this message comes back, tell the person who set up Pause Guard.`,
      );
      app.exit(1);
    });
}
