// Browser executables on each system, by name or full path, named for a person; other programs are not browsers.
import { browserNameOf } from '../../../../../electron/guardian/watchers/screen/browsers';

describe('browserNameOf', () => {
  it.each([
    ['chromium', 'Chromium'],
    ['chrome', 'Google Chrome'],
    ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'Google Chrome'],
    ['msedge.exe', 'Microsoft Edge'],
    ['FIREFOX.EXE', 'Firefox'],
    ['firefox-esr', 'Firefox'],
    ['/usr/lib/firefox-esr/firefox-esr', 'Firefox'],
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'Google Chrome'],
    ['Safari', 'Safari'],
    ['Microsoft Edge', 'Microsoft Edge'],
    ['Brave Browser', 'Brave'],
    ['opera.exe', 'Opera'],
    ['vivaldi-bin', 'Vivaldi'],
  ])('%s is a browser: %s', (name, browser) => {
    expect(browserNameOf(name)).toBe(browser);
  });

  it.each(['AnyDesk.exe', 'xterm', 'explorer.exe', 'chrome_installer.exe', 'firefoxdriver', 'Teams.exe', '', 'chrome\n'])(
    '%s is not a browser',
    (name) => {
      expect(browserNameOf(name)).toBeNull();
    },
  );
});
