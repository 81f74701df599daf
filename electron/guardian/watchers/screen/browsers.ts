// Tells a web browser's process from other programs, by the name of its executable on Windows, macOS and Linux.
import path from 'node:path';

/** Executable names of browsers, lower-case and without ".exe". */
const BROWSERS = new Set([
  'chrome', 'google chrome', 'google-chrome', 'chromium', 'chromium-browser',
  'msedge', 'microsoft edge', 'microsoft-edge',
  'firefox', 'firefox-esr', 'firefox-bin', 'firefox.real',
  'safari', 'opera', 'opera_gx', 'vivaldi', 'vivaldi-bin', 'brave', 'brave browser', 'brave-browser',
  'arc', 'iexplore', 'yandex', 'browser', 'waterfox', 'librewolf', 'seamonkey', 'epiphany', 'falkon', 'midori',
]);

/** True when the process (a name, or a full path on any system) is a web browser. */
export function isBrowser(processName: string): boolean {
  const base = path.win32.basename(path.posix.basename(processName)).toLowerCase();
  return BROWSERS.has(base.endsWith('.exe') ? base.slice(0, -4) : base);
}
