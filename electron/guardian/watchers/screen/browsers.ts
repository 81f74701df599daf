// Tells a web browser's process from other programs, by the name of its executable on Windows, macOS and Linux, and names
// the browser for a person ("Google Chrome", "Microsoft Edge").
import path from 'node:path';

/** Executable names of browsers, lower-case and without ".exe", with the browser's name as people know it. */
const BROWSERS = new Map<string, string>([
  ...(['chrome', 'google chrome', 'google-chrome'] as const).map((exe) => [exe, 'Google Chrome'] as const),
  ...(['chromium', 'chromium-browser'] as const).map((exe) => [exe, 'Chromium'] as const),
  ...(['msedge', 'microsoft edge', 'microsoft-edge'] as const).map((exe) => [exe, 'Microsoft Edge'] as const),
  ...(['firefox', 'firefox-esr', 'firefox-bin', 'firefox.real'] as const).map((exe) => [exe, 'Firefox'] as const),
  ['safari', 'Safari'],
  ['opera', 'Opera'],
  ['opera_gx', 'Opera GX'],
  ['vivaldi', 'Vivaldi'],
  ['vivaldi-bin', 'Vivaldi'],
  ...(['brave', 'brave browser', 'brave-browser'] as const).map((exe) => [exe, 'Brave'] as const),
  ['arc', 'Arc'],
  ['iexplore', 'Internet Explorer'],
  ['yandex', 'Yandex Browser'],
  ['browser', 'Yandex Browser'],
  ['waterfox', 'Waterfox'],
  ['librewolf', 'LibreWolf'],
  ['seamonkey', 'SeaMonkey'],
  ['epiphany', 'Web'],
  ['falkon', 'Falkon'],
  ['midori', 'Midori'],
]);

/** The browser's name for a person when the process (a name, or a full path on any system) is a web browser, else null. */
export function browserNameOf(processName: string): string | null {
  const base = path.win32.basename(path.posix.basename(processName)).toLowerCase();
  return BROWSERS.get(base.endsWith('.exe') ? base.slice(0, -4) : base) ?? null;
}
