// The windows watcher over a list of windows it is handed: money pages in browsers, tools' prompts, the screen shared,
// remote control in meeting apps; never a title.
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { createWindowWatcher } from '../../../../../electron/guardian/watchers/screen/windowWatcher';
import type { WindowInfo, WindowSource } from '../../../../../electron/guardian/watchers/screen/windowSource';
import type { Watcher } from '../../../../../electron/guardian/watchers/watcher';
import type { DetectionEvent } from '../../../../../shared/events';

const catalog = loadCatalog();

/** A window list the test sets directly: the watcher's rules are what is under test here, not a display. */
function listSource(): WindowSource & { windows: WindowInfo[] | Error; closed: number } {
  return {
    windows: [],
    closed: 0,
    async list() {
      if (this.windows instanceof Error) throw this.windows;
      return this.windows;
    },
    async close() {
      this.closed += 1;
    },
  };
}

const chrome = (id: string, pid: number, title: string): WindowInfo => ({ id, pid, title, processName: 'chrome.exe' });

let watcher: Watcher | null = null;
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
});

async function started(source: WindowSource): Promise<DetectionEvent[]> {
  const events: DetectionEvent[] = [];
  watcher = createWindowWatcher({ source, catalog, intervalMs: 10 });
  await watcher.start((event) => events.push(event));
  return events;
}

const nextLook = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('windows watcher', () => {
  it('reports a bank page in a browser, once per browser process, and when the last one goes', async () => {
    const source = listSource();
    source.windows = [chrome('1', 40, 'Barclays | Log in to Online Banking - Google Chrome'), chrome('2', 40, 'HSBC UK - Online Banking')];
    const events = await started(source);
    expect(events).toEqual([{ type: 'window-seen', kind: 'bank', toolId: null, pid: 40 }]);
    source.windows = [chrome('2', 40, 'HSBC UK - Online Banking')];
    await nextLook();
    expect(events).toHaveLength(1);
    source.windows = [chrome('2', 40, 'BBC News - Google Chrome')];
    await nextLook();
    expect(events).toEqual([
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 40 },
      { type: 'window-gone', kind: 'bank', toolId: null, pid: 40 },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Barclays|HSBC|News/);
  });

  it('ignores bank words in windows of programs that are not browsers', async () => {
    const source = listSource();
    source.windows = [
      { id: '1', pid: 5, title: 'Barclays Online Banking.pdf - Adobe Reader', processName: 'AcroRd32.exe' },
      { id: '2', pid: 6, title: 'Online Banking', processName: undefined },
    ];
    expect(await started(source)).toEqual([]);
  });

  it("reports a catalog tool's accept-connection prompt, not its ordinary windows", async () => {
    const source = listSource();
    source.windows = [
      { id: '1', pid: 70, title: 'AnyDesk', processName: 'AnyDesk.exe', exe: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' },
      { id: '2', pid: 71, title: 'Accept', processName: 'notepad.exe' },
    ];
    const events = await started(source);
    expect(events).toEqual([]);
    source.windows = [
      { id: '1', pid: 70, title: 'AnyDesk', processName: 'AnyDesk.exe', exe: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' },
      { id: '3', pid: 70, title: 'AnyDesk - Accept', processName: 'AnyDesk.exe', exe: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' },
    ];
    await nextLook();
    expect(events).toEqual([{ type: 'window-seen', kind: 'tool-prompt', toolId: 'anydesk', pid: 70 }]);
    source.windows = [];
    await nextLook();
    expect(events.at(-1)).toEqual({ type: 'window-gone', kind: 'tool-prompt', toolId: 'anydesk', pid: 70 });
  });

  it('reports pages where the scam ends (gift cards, crypto, money transfer) as money pages, like a bank', async () => {
    const source = listSource();
    source.windows = [chrome('1', 41, 'Amazon.com: Gift Cards - Google Chrome'), { id: '2', pid: 42, title: 'Coinbase', processName: 'firefox' }];
    expect(await started(source)).toEqual([
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 41 },
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 42 },
    ]);
  });

  it("reports a browser's sharing indicator, named by the meeting site it names, and when it goes", async () => {
    const source = listSource();
    source.windows = [
      chrome('1', 40, 'Meet - abc-defg-hij - Google Chrome'),
      chrome('2', 40, 'https://meet.google.com is sharing your screen.'),
      { id: '3', pid: 41, title: 'https://example.org is sharing your screen.', processName: 'msedge.exe' },
      { id: '4', pid: 42, title: 'Firefox — Sharing Indicator', processName: 'firefox' },
    ];
    const events = await started(source);
    expect(events).toEqual([
      { type: 'window-seen', kind: 'screen-share', toolId: 'google-meet', pid: 40, name: 'Google Meet' },
      { type: 'window-seen', kind: 'screen-share', toolId: null, pid: 41, name: 'Microsoft Edge' },
      { type: 'window-seen', kind: 'screen-share', toolId: null, pid: 42, name: 'Firefox' },
    ]);
    source.windows = [chrome('1', 40, 'Meet - abc-defg-hij - Google Chrome')];
    await nextLook();
    expect(events.slice(3)).toEqual([
      { type: 'window-gone', kind: 'screen-share', toolId: 'google-meet', pid: 40 },
      { type: 'window-gone', kind: 'screen-share', toolId: null, pid: 41 },
      { type: 'window-gone', kind: 'screen-share', toolId: null, pid: 42 },
    ]);
  });

  it('names WhatsApp and Teams in a browser by the site their indicator names, and no one else by a look-alike site', async () => {
    const source = listSource();
    source.windows = [
      chrome('1', 43, 'https://web.whatsapp.com is sharing your screen.'),
      { id: '2', pid: 44, title: 'https://teams.microsoft.com is sharing a window.', processName: 'msedge.exe' },
      chrome('3', 45, 'https://web.whatsapp.com.example.net is sharing your screen.'),
    ];
    expect(await started(source)).toEqual([
      { type: 'window-seen', kind: 'screen-share', toolId: 'whatsapp', pid: 43, name: 'WhatsApp' },
      { type: 'window-seen', kind: 'screen-share', toolId: 'microsoft-teams', pid: 44, name: 'Microsoft Teams' },
      { type: 'window-seen', kind: 'screen-share', toolId: null, pid: 45, name: 'Google Chrome' },
    ]);
  });

  it('reports remote control and sharing in meeting apps, a participant named "Zoom" included, not their ordinary windows', async () => {
    const source = listSource();
    const zoom = (id: string, title: string): WindowInfo => ({ id, pid: 50, title, processName: 'Zoom.exe', exe: 'C:\\Users\\ada\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe' });
    const teams = (id: string, title: string): WindowInfo => ({ id, pid: 60, title, processName: 'ms-teams.exe' });
    const classicTeams = (id: string, title: string): WindowInfo => ({
      id, pid: 61, title, processName: 'Teams.exe', exe: 'C:\\Users\\ada\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
    });
    source.windows = [zoom('1', 'Zoom Meeting'), teams('2', 'Meeting with Sam | Microsoft Teams'), classicTeams('3', 'Chat | Microsoft Teams')];
    const events = await started(source);
    expect(events).toEqual([]);
    source.windows = [zoom('1', 'Zoom Meeting'), zoom('4', 'Zoom is requesting remote control of your screen'), teams('5', 'Give control')];
    await nextLook();
    expect(events).toEqual([
      { type: 'window-seen', kind: 'remote-control', toolId: 'zoom', pid: 50, name: 'Zoom' },
      { type: 'window-seen', kind: 'remote-control', toolId: 'microsoft-teams', pid: 60, name: 'Microsoft Teams' },
    ]);
    source.windows = [zoom('6', 'as_toolbar'), classicTeams('7', 'Sam Smith wants to take control')];
    await nextLook();
    expect(events.slice(2)).toEqual([
      { type: 'window-seen', kind: 'screen-share', toolId: 'zoom', pid: 50, name: 'Zoom' },
      { type: 'window-seen', kind: 'remote-control', toolId: 'microsoft-teams-classic', pid: 61, name: 'Microsoft Teams (classic)' },
      { type: 'window-gone', kind: 'remote-control', toolId: 'zoom', pid: 50 },
      { type: 'window-gone', kind: 'remote-control', toolId: 'microsoft-teams', pid: 60 },
    ]);
  });

  it('does not take a sharing sentence or a control request in a window of a program that is not a browser or a meeting app', async () => {
    const source = listSource();
    source.windows = [
      { id: '1', pid: 5, title: 'meet.google.com is sharing your screen.', processName: 'notepad.exe' },
      { id: '2', pid: 6, title: 'Zoom is requesting remote control of your screen', processName: 'notepad.exe' },
      { id: '3', pid: 7, title: 'Zoom is requesting remote control of your screen - Google Chrome', processName: 'chrome.exe' },
    ];
    expect(await started(source)).toEqual([]);
  });

  it('says once that the windows cannot be seen, stays quiet, and says when they can again', async () => {
    const source = listSource();
    source.windows = new Error('Pause Guard cannot see the windows on screen: no graphical display is running (DISPLAY is not set).');
    const events = await started(source);
    await nextLook();
    expect(events).toEqual([
      {
        type: 'watcher-failed',
        watcher: 'windows',
        message: 'Pause Guard cannot see the windows on screen: no graphical display is running (DISPLAY is not set).',
      },
    ]);
    source.windows = [chrome('1', 9, 'Online Banking')];
    await nextLook();
    expect(events.slice(1)).toEqual([
      { type: 'watcher-recovered', watcher: 'windows' },
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 9 },
    ]);
  });

  it('survives hostile titles and closes its source on stop', async () => {
    const source = listSource();
    source.windows = [chrome('1', 1, '\u0000\uFFFD'.repeat(50_000)), chrome('2', 2, 'Online\nBanking'), chrome('3', 3, '🏦 online banking 🏦')];
    const events = await started(source);
    expect(events).toEqual([
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 2 },
      { type: 'window-seen', kind: 'bank', toolId: null, pid: 3 },
    ]);
    await watcher!.stop();
    watcher = null;
    expect(source.closed).toBe(1);
    source.windows = [];
    await nextLook();
    expect(events).toHaveLength(2);
  });
});
