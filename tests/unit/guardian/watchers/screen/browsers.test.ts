// Browser executables on each system, by name or full path; other programs are not browsers.
import { isBrowser } from '../../../../../electron/guardian/watchers/screen/browsers';

describe('isBrowser', () => {
  it.each([
    'chromium',
    'chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'msedge.exe',
    'FIREFOX.EXE',
    'firefox-esr',
    '/usr/lib/firefox-esr/firefox-esr',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'Safari',
    'Microsoft Edge',
    'Brave Browser',
    'opera.exe',
    'vivaldi-bin',
  ])('%s is a browser', (name) => {
    expect(isBrowser(name)).toBe(true);
  });

  it.each(['AnyDesk.exe', 'xterm', 'explorer.exe', 'chrome_installer.exe', 'firefoxdriver', 'Teams.exe', '', 'chrome\n'])(
    '%s is not a browser',
    (name) => {
      expect(isBrowser(name)).toBe(false);
    },
  );
});
