// Where a person's browser saves downloads: their Downloads and Desktop folders, per platform.
import fs from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * The Downloads and Desktop folders for this user. Linux reads the XDG user-dirs file (~/.config/user-dirs.dirs),
 * which names them in the person's language; Windows also watches a Desktop that OneDrive has moved.
 * `exists` is asked only about that OneDrive folder.
 */
export function defaultWatchFolders(
  env: Env,
  platform: NodeJS.Platform,
  homedir: string,
  exists: (folder: string) => boolean = fs.existsSync,
): string[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const folders = [paths.join(homedir, 'Downloads'), paths.join(homedir, 'Desktop')];
  if (platform === 'linux') {
    const configHome = env.XDG_CONFIG_HOME || paths.join(homedir, '.config');
    const named = readUserDirs(paths.join(configHome, 'user-dirs.dirs'), homedir);
    folders[0] = named.XDG_DOWNLOAD_DIR ?? folders[0]!;
    folders[1] = named.XDG_DESKTOP_DIR ?? folders[1]!;
  }
  if (platform === 'win32' && env.OneDrive) {
    const oneDriveDesktop = paths.join(env.OneDrive, 'Desktop');
    if (exists(oneDriveDesktop)) folders.push(oneDriveDesktop);
  }
  return [...new Set(folders)];
}

/** XDG_*_DIR="$HOME/Downloads" lines; a folder set to $HOME itself means the person turned it off, so it is left out. */
function readUserDirs(file: string, homedir: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const dirs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const found = /^\s*(XDG_[A-Z]+_DIR)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (!found) continue;
    const value = found[2]!.replace(/\\(.)/g, '$1');
    const resolved = value.startsWith('$HOME') ? path.posix.join(homedir, value.slice('$HOME'.length)) : value;
    if (!path.posix.isAbsolute(resolved) || path.posix.resolve(resolved) === path.posix.resolve(homedir)) continue;
    dirs[found[1]!] = path.posix.resolve(resolved);
  }
  return dirs;
}
