// The tray app's wiring: single-instance lock, no debugger, security before ready, then the app services, windows, IPC and
// tray, failing loudly. It never decides anything about scams: the guardian service does; this file only connects it to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeImage, Notification, powerMonitor, safeStorage, screen, session, shell, Tray, type BrowserWindow as Window } from 'electron';
import type { AppServices } from './guardian/appServices';
import type { StopReason } from './guardian/protection/heartbeat';
import type { KeyProtector } from './guardian/store/sealKey';
import { createApiHandlers } from './apiHandlers';
import { appPagesFor } from './appPages';
import { appUpdateSupportOf, readBuildFacts } from './appUpdateSupport';
import { connectAppUpdater, type AppUpdaterOptions } from './appUpdater';
import { applyStartAtLogin, wasStartedAtLogin } from './autoLaunch';
import { cspFor } from './csp';
import { debuggerSwitches, withoutDebuggerSwitches } from './debuggerSwitches';
import { createOpenExternalLink } from './externalLinks';
import { keyProtectorFor } from './safeStorageKey';
import { registerIpcHandlers, sendEvent } from './ipc';
import { enableSandboxBeforeReady, guardAllWebContents, hardenSession } from './security';
import { createTrayIcon, type TrayView } from './tray';
import { createDashboardWindow } from './windows/dashboardWindow';
import { createInterruptionWindows, type InterruptionWindows } from './windows/interruptionWindows';
import { routeOf } from './windows/eventRoutes';
import type { Page, WarningView } from '../shared/interruption';
import type { AppUpdateSupport } from '../shared/updates';

export type TrayAppOptions = {
  /**
   * Builds the app services over the person's data folder (Electron's userData); `quit` is called once the PIN allowed
   * it; `keyProtector` keeps the sealing key (safeStorage where it is real protection).
   */
  createServices: (dataDir: string, quit: () => void, keyProtector: KeyProtector, appUpdateSupport: AppUpdateSupport) => Promise<AppServices>;
  /** electron-updater's autoUpdater, loaded only when this build installs its own updates (main.ts); none in tests. */
  loadAutoUpdater?: () => Promise<AppUpdaterOptions['autoUpdater']>;
  /** The folder of the built main bundle (out/main): the preload and renderer are found beside it. */
  mainDir: string;
  /** How the app was started (process.argv unless given). */
  argv?: readonly string[];
};

/** Marks the start made without the debugger switches, so switches that cannot be left out do not restart it forever. */
export const STARTED_CLEAN = '--pause-guard-started-without-debugger';

/** The native notification's title for a tray warning or note: short, and naming what happened. */
function notificationTitleOf(warning: WarningView): string {
  if (warning.cause === 'trusted-session') return `${warning.tool.name}: your trusted helper`;
  if (warning.cause === 'screen-sharing') return 'Your screen is being shared';
  return `${warning.tool.name} on this computer`;
}

/**
 * Started with a debugger switch (a DevTools connection to the cover, the inspector on the main process, after a kill
 * and a relaunch by the caller): no window is made. The switches are dropped, it is journalled and the family told, and
 * the app starts again without them, once.
 */
function refuseDebugger(options: TrayAppOptions, argv: readonly string[], switches: string[]): void {
  for (const name of switches) app.commandLine.removeSwitch(name);
  void app
    .whenReady()
    // safeStorage can be asked only once the app is ready; the journal and outbox are sealed as at any start.
    .then(() => options.createServices(app.getPath('userData'), () => undefined, keyProtectorFor(safeStorage, process.platform).protector, 'development'))
    .then((services) => services.refuseDebugger(switches))
    .catch((error: unknown) => console.error(`Pause Guard could not record the debugger switches: ${String(error)}`))
    .finally(() => {
      if (!argv.includes(STARTED_CLEAN)) app.relaunch({ args: [...withoutDebuggerSwitches(argv.slice(1), process.platform), STARTED_CLEAN] });
      app.exit(0);
    });
}

export function startTrayApp(options: TrayAppOptions): void {
  enableSandboxBeforeReady(app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const argv = options.argv ?? process.argv;
  const switches = debuggerSwitches({ argv, commandLine: app.commandLine, env: process.env, platform: process.platform });
  if (switches.length > 0) {
    refuseDebugger(options, argv, switches);
    return;
  }
  const pages = appPagesFor({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: path.join(options.mainDir, '..', 'renderer'),
  });
  const openInBrowser = shell.openExternal;
  guardAllWebContents(app, pages, openInBrowser);
  const log = (line: string): void => console.error(line);

  let quitting = false;
  /** Why the app may quit: the family PIN allowed it, or the system is shutting down. Null: nobody allowed it yet. */
  let allowedQuit: StopReason | null = null;
  const quitFor = (reason: StopReason): void => {
    allowedQuit = reason;
    app.quit();
  };
  let running: { services: AppServices; interruptions: InterruptionWindows } | null = null;
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
    const current = running;
    if (allowedQuit === null) {
      // A quit nobody allowed (the Dock's Quit on macOS, a plain SIGTERM): refused, and the PIN page asks for it.
      event.preventDefault();
      current?.services.guardian.askForPin({ action: 'quit' });
      return;
    }
    quitting = true;
    if (current === null) return;
    running = null;
    event.preventDefault();
    void current.services
      .stop(allowedQuit)
      .catch((error: unknown) => log(`Pause Guard did not stop cleanly: ${String(error)}`))
      .finally(() => {
        current.interruptions.destroy();
        app.quit();
      });
  });

  const startServices = async (): Promise<void> => {
    hardenSession(session.defaultSession, cspFor(pages));
    // Electron's default menu carries Ctrl+R, Ctrl+Shift+I, Ctrl+W and Ctrl+Q: no window of ours may have them.
    Menu.setApplicationMenu(null);
    // safeStorage can be asked only once the app is ready.
    const { protector, note } = keyProtectorFor(safeStorage, process.platform);
    if (note) log(note);
    const updateSupport = appUpdateSupportOf(readBuildFacts({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }));
    const services = await options.createServices(app.getPath('userData'), () => quitFor('quit'), protector, updateSupport);
    // The system going down is not someone switching protection off: it may stop, and the journal says "shut down".
    // Linux and macOS tell first and wait while protection stops (the typings omit the event Electron passes).
    powerMonitor.on('shutdown', (event?: Electron.Event) => {
      event?.preventDefault();
      quitFor('shutdown');
    });
    // Sleep and a locked screen are told so that the silence after them is journalled as rest, not as the app being
    // held still (a laptop in modern standby holds desktop apps still behind the lock without a sleep notice).
    powerMonitor.on('suspend', () => services.systemSuspending());
    powerMonitor.on('lock-screen', () => services.screenLocked(true));
    powerMonitor.on('unlock-screen', () => services.screenLocked(false));
    const { guardian } = services;
    const preloadPath = path.join(options.mainDir, '..', 'preload', 'preload.cjs');

    const { window, loaded } = createDashboardWindow({ BrowserWindow, preloadPath, pages, devTools: !app.isPackaged, isQuitting: () => quitting });
    dashboard = window;
    // Windows ends the session (shut-down, restart, sign-out) without waiting; the always-present window hears it.
    window.on('session-end', () => quitFor('shutdown'));
    const interruptions = createInterruptionWindows({ BrowserWindow, screen, preloadPath, pages, isQuitting: () => quitting, log });
    running = { services, interruptions };
    const dashboardId = window.webContents.id;
    registerIpcHandlers(
      createApiHandlers({ guardian, setup: services.setup, summary: services, cleanup: services.cleanup, openExternalLink: createOpenExternalLink(openInBrowser) }),
      { pages, isTrustedSender: (contents) => contents.id === dashboardId || interruptions.hasWebContents(contents) },
    );

    /** The tray and the notifications ask the dashboard for a page themselves: navigation is not the engine's business. */
    const openPage = (page: Page): void => {
      sendEvent(window.webContents, 'showPage', page);
      showWindow();
    };
    const view = (): TrayView => {
      const status = guardian.status();
      return { state: status.state, summary: status.summary, windowVisible: window.isVisible() };
    };
    const tray = createTrayIcon(
      {
        createTrayInstance: (icon) => new Tray(icon),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        loadIcon: (filePath) => nativeImage.createFromPath(filePath),
        iconsDir: path.join(app.getAppPath(), 'resources', 'icons'),
        platform: process.platform,
        actions: {
          toggleWindow,
          openPage,
          askForPin: (request) => guardian.askForPin(request),
          resumeProtection: () => guardian.resume(),
        },
      },
      view(),
    );
    window.on('show', () => tray.update(view()));
    window.on('hide', () => {
      tray.update(view());
      // The window closing is a quiet moment: an update waiting for one may install now.
      services.appUpdates.quietMoment();
    });

    guardian.onApiEvent((name, payload) => {
      const route = routeOf(name);
      if (route.dashboard) sendEvent(window.webContents, name, payload);
      if (route.covers) interruptions.send(name, payload);
      if (name === 'interruption') {
        if (guardian.interruption() === null) interruptions.hide();
        else interruptions.show();
      }
      if (name === 'status') tray.update(view());
      if (route.bringForward) showWindow();
    });
    guardian.onWarning((warning) => {
      const note = new Notification({
        title: notificationTitleOf(warning),
        body: 'Click to see what this means.',
      });
      note.on('click', () => guardian.openWarning(warning.id));
      note.show();
    });

    // Before start: a summary missed while the PC was off is sent (and noted) during start.
    services.onWeeklySummary((summaryNote) => {
      const note = new Notification({ title: summaryNote.title, body: summaryNote.body });
      note.on('click', () => openPage('summary'));
      note.show();
    });

    await services.start();
    if (services.appUpdates.support === 'on' && options.loadAutoUpdater) {
      connectAppUpdater({
        autoUpdater: await options.loadAutoUpdater(), appUpdates: services.appUpdates, log,
        windowOpen: () => window.isVisible(),
        // Protection has stopped (journalled as `update`): the quit that installs passes without the PIN or a second stop.
        quitForUpdate: () => {
          allowedQuit = 'update';
          quitting = true;
          running?.interruptions.destroy();
          running = null;
        },
      });
    }
    await applyStartAtLogin(services.settings().startAtLogin).catch((error: unknown) => log(`Start at login could not be set: ${String(error)}`));
    await loaded;
    if (!services.settings().setupComplete) openPage('setup');
    else if (!wasStartedAtLogin()) showWindow();
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
