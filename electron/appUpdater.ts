// The thin glue between electron-updater's autoUpdater and the app-update state machine (guardian/appUpdates.ts):
// it checks now and then, reports `update-downloaded`, and installs with quitAndInstall only when the state machine
// says so (after protection stopped cleanly as `update`). Connects nothing for a build that does not update itself.
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { AppUpdates } from './guardian/appUpdates';

/** Once a few minutes after start, then every six hours: a release a day at most, and the download is not urgent. */
const FIRST_CHECK_AFTER_MS = 5 * 60_000;
const CHECK_EVERY_MS = 6 * 60 * 60_000;

export interface AppUpdaterOptions {
  autoUpdater: Pick<AppUpdater, 'on' | 'checkForUpdates' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease'>;
  appUpdates: AppUpdates;
  /** Lets the quit that installs the update through (protection has already stopped). */
  quitForUpdate: () => void;
  /** True while a Pause Guard window is open. */
  windowOpen: () => boolean;
  log: (line: string) => void;
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
}

/** Starts checking for updates of the app; returns how to stop. */
export function connectAppUpdater(options: AppUpdaterOptions): () => void {
  const { autoUpdater, appUpdates, log } = options;
  if (appUpdates.support !== 'on') return () => undefined;
  autoUpdater.autoDownload = true;
  // Also installed when the app quits (the PIN, a shut-down) before a quiet moment came: the new version starts next time.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.on('update-downloaded', (info: UpdateDownloadedEvent) => appUpdates.downloaded(info.version));
  autoUpdater.on('error', (error: Error) => log(`Pause Guard could not check for a new version of itself: ${error.message}`));
  appUpdates.connect({
    windowOpen: options.windowOpen,
    install() {
      options.quitForUpdate();
      // Silent, and the new version started straight after: the person sees Pause Guard come back by itself.
      autoUpdater.quitAndInstall(true, true);
    },
  });
  const check = (): void => {
    autoUpdater.checkForUpdates().catch((error: unknown) => log(`Pause Guard could not check for a new version of itself: ${String(error)}`));
  };
  const first = setTimeout(check, options.firstCheckAfterMs ?? FIRST_CHECK_AFTER_MS);
  const every = setInterval(check, options.checkEveryMs ?? CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
