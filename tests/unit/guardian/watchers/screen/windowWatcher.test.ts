// The windows watcher over a list of windows it is handed: bank pages in browsers, tools' prompts, never a title.
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
