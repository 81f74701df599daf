// When a downloaded update of the app installs: never while an interruption is on screen or a Pause Guard window is open
// (the PIN page, setup, the status page); at the next quiet moment (a window closing, an interruption ending, or the
// minute's look), else when the app next quits or starts (electron-updater installs on quit). Before it installs,
// protection stops cleanly with the reason `update`, so the next start reports no gap and tells the family nothing.
// Plain Node: electron-updater stays in electron/appUpdater.ts, which reports its events here. Never installs when
// the build cannot check an update's signature (unsigned, the Debian package, the sources).
import type { AppUpdateSupport } from '../../shared/updates';

export interface AppUpdatesOptions {
  support: AppUpdateSupport;
  /** True while an interruption is on screen. */
  interruptionShown(): boolean;
  /** Stops protection cleanly, journalling the stop as `update` (the app services' stop). */
  stopForUpdate(): Promise<void>;
  log(line: string): void;
  /** The status page changed (an update waiting). */
  onChange?(): void;
  /** How often a waiting update looks for a quiet moment besides being told of one; a minute unless given. */
  lookEveryMs?: number;
}

export interface AppUpdates {
  readonly support: AppUpdateSupport;
  /** The version downloaded and waiting for a quiet moment; null when none is. */
  waiting(): string | null;
  /**
   * Connects the app's side: `install` (electron-updater's quitAndInstall, which ends this process) is called at most
   * once, after the clean stop; `windowOpen` tells whether a Pause Guard window is open. Until then an update waits.
   */
  connect(app: { install: () => void; windowOpen: () => boolean }): void;
  /** electron-updater's `update-downloaded`: installs now if all is quiet, else waits for a quiet moment. */
  downloaded(version: string): void;
  /** Something that kept the app busy ended (an interruption, a window closed): a waiting update may install now. */
  quietMoment(): void;
  stop(): void;
}

const LOOK_EVERY_MS = 60_000;

export function createAppUpdates(options: AppUpdatesOptions): AppUpdates {
  let waiting: string | null = null;
  let app: { install: () => void; windowOpen: () => boolean } | null = null;
  let installing = false;
  let look: ReturnType<typeof setInterval> | null = null;

  const stopLooking = (): void => {
    if (look) clearInterval(look);
    look = null;
  };

  const tryInstall = (): void => {
    if (waiting === null || installing || app === null || options.support !== 'on') return;
    if (options.interruptionShown() || app.windowOpen()) return;
    installing = true;
    stopLooking();
    const { install } = app;
    const version = waiting;
    options.stopForUpdate().then(
      () => install(),
      (error: unknown) => {
        // Protection may be half stopped: installing now is still the safest way back to a running app.
        options.log(`Pause Guard did not stop cleanly before installing ${version}: ${error instanceof Error ? error.message : String(error)}`);
        install();
      },
    );
  };

  return {
    support: options.support,
    waiting: () => waiting,
    connect(connected) {
      app = connected;
      tryInstall();
    },
    downloaded(version) {
      if (options.support !== 'on') {
        options.log(`An update to Pause Guard ${version} was offered, but this copy does not install updates itself.`);
        return;
      }
      if (installing) return;
      waiting = version;
      options.onChange?.();
      if (look === null) {
        look = setInterval(tryInstall, options.lookEveryMs ?? LOOK_EVERY_MS);
        look.unref();
      }
      tryInstall();
    },
    quietMoment: tryInstall,
    stop: stopLooking,
  };
}
