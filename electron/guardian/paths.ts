// Where Pause Guard keeps its data when no --data-dir is given (the same folder Electron's app.getPath('userData') uses),
// and its seal folder (the sealing key and the last good sealed copies), kept outside the data folder on purpose.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Pause Guard';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** The seal folder's own name: not inside the data folder, so emptying that folder leaves the sealed copies. */
export const SEAL_FOLDER_NAME = 'Pause Guard Seal';

/** Where the sealing key and the sealed copies live; PAUSE_GUARD_SEAL_DIR overrides it (tests, and a family who wants it elsewhere). */
export function defaultSealDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.PAUSE_GUARD_SEAL_DIR) return env.PAUSE_GUARD_SEAL_DIR;
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), SEAL_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', SEAL_FOLDER_NAME);
  return path.posix.join(env.XDG_STATE_HOME || path.posix.join(home, '.local', 'state'), SEAL_FOLDER_NAME);
}
