// Start at login, per platform: Electron's login item on Windows and macOS, the XDG autostart entry on Linux.
// Main-process glue only; the Linux file work is in guardian/store/autostart.ts.
import { app as electronApp } from 'electron';
import { launcherPath, removeAutostartEntry, writeAutostartEntry } from './guardian/store/autostart';

/** Passed when started at login, so the app starts in the tray without opening a window. */
export const HIDDEN_ARG = '--hidden';

type LoginItemApp = Pick<Electron.App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

export interface StartAtLoginOptions {
  app?: LoginItemApp;
  platform?: NodeJS.Platform;
  /** The app's executable (process.execPath in the packaged app). */
  exePath?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export async function applyStartAtLogin(
  enabled: boolean,
  { app = electronApp, platform = process.platform, exePath = process.execPath, env = process.env, home }: StartAtLoginOptions = {},
): Promise<void> {
  if (platform === 'win32') {
    // `enabled` also sets Startup Approved: called at each start, it switches back on an entry turned off in Task Manager.
    app.setLoginItemSettings({ openAtLogin: enabled, path: exePath, args: [HIDDEN_ARG], enabled });
    return;
  }
  if (platform === 'darwin') {
    // macOS takes no arguments for a login item; wasStartedAtLogin asks the system instead.
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  if (enabled) await writeAutostartEntry({ env, home, exePath: launcherPath(exePath, env), args: [HIDDEN_ARG] });
  else await removeAutostartEntry({ env, home });
}

/** True when the system started the app at login (so it should stay in the tray). */
export function wasStartedAtLogin({
  app = electronApp, platform = process.platform, argv = process.argv,
}: { app?: LoginItemApp; platform?: NodeJS.Platform; argv?: readonly string[] } = {}): boolean {
  if (platform === 'darwin') return app.getLoginItemSettings().wasOpenedAtLogin;
  return argv.includes(HIDDEN_ARG);
}
