// Start at login on Linux: the XDG autostart entry ~/.config/autostart/pause-guard.desktop, written or removed.
// The Exec line is escaped as the Desktop Entry spec says, so a path with spaces or quotes launches exactly. Never runs it.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile';

export const AUTOSTART_FILE = 'pause-guard.desktop';

export interface AutostartPlace {
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** $XDG_CONFIG_HOME/autostart/pause-guard.desktop; ~/.config when XDG_CONFIG_HOME is unset or not absolute (as the spec says). */
export function autostartEntryPath({ env = process.env, home = os.homedir() }: AutostartPlace = {}): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE);
}

/** The program to start: an AppImage must be started from its .AppImage file, not from its temporary mount. */
export function launcherPath(execPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.APPIMAGE && path.isAbsolute(env.APPIMAGE) ? env.APPIMAGE : execPath;
}

/** Characters that make the Desktop Entry spec require an argument to be quoted. */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One argument of an Exec line: quoted where needed, "`$\ escaped inside quotes, % doubled. */
function execArgument(arg: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(arg)) throw new Error(`The path "${arg}" holds a control character, so it cannot be started at login.`);
  const percentSafe = arg.replace(/%/g, '%%');
  if (arg.length > 0 && !RESERVED.test(arg)) return percentSafe;
  return `"${percentSafe.replace(/["`$\\]/g, '\\$&')}"`;
}

/** The Exec value as stored: the string-level escape (\ as \\) comes on top of the quoting rule. */
export function desktopExecLine(argv: readonly string[]): string {
  return argv.map(execArgument).join(' ').replace(/\\/g, '\\\\');
}

export function desktopEntry(exePath: string, args: readonly string[]): string {
  // GLib checks that the program exists before turning %% back into %, and would skip the entry; such a path is run through sh.
  const argv = exePath.includes('%') ? ['/bin/sh', '-c', 'exec "$0" "$@"', exePath, ...args] : [exePath, ...args];
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Pause Guard',
    'Comment=Watches for remote-access scams and tells the family',
    `Exec=${desktopExecLine(argv)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'Hidden=false',
    'NoDisplay=false',
    '',
  ].join('\n');
}

/** Writes the entry (atomically, making the autostart folder if needed); returns its path. */
export async function writeAutostartEntry({ exePath, args, ...place }: AutostartPlace & { exePath: string; args: readonly string[] }): Promise<string> {
  const file = autostartEntryPath(place);
  const content = desktopEntry(exePath, args);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
  return file;
}

/** Removes the entry; nothing to do when there is none. */
export async function removeAutostartEntry(place: AutostartPlace = {}): Promise<void> {
  await fs.rm(autostartEntryPath(place), { force: true });
}
