// The downloads watcher on real folders: browsers' partial files renamed into place, re-saves, folders that vanish and come back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createDownloadsWatcher } from '../../electron/guardian/watchers/downloads/downloadsWatcher';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import type { DetectionEvent } from '../../shared/events';

const catalog = loadCatalog();
/** Short, so tests can wait out several re-scans and prove nothing more fires. */
const RESCAN_MS = 100;

let root: string;
let downloads: string;
let watcher: Watcher | null = null;
let events: DetectionEvent[];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-downloads-'));
  downloads = path.join(root, 'Downloads');
  fs.mkdirSync(downloads);
  events = [];
});
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
  fs.rmSync(root, { recursive: true, force: true });
});

async function start(folders: string[]): Promise<void> {
  watcher = createDownloadsWatcher({ folders, catalog, rescanMs: RESCAN_MS });
  await watcher.start((event) => events.push(event));
}

const installers = () => events.filter((e) => e.type === 'installer-downloaded');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; events: ${JSON.stringify(events)}`);
    await sleep(20);
  }
}

describe('downloads watcher on real folders', () => {
  it('reports an installer already there as initial, and ignores ordinary files', async () => {
    fs.writeFileSync(path.join(downloads, 'AnyDesk.exe'), 'MZ');
    fs.writeFileSync(path.join(downloads, 'report.pdf'), '%PDF');
    await start([downloads]);
    expect(events).toEqual([
      { type: 'installer-downloaded', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', path: path.join(downloads, 'AnyDesk.exe'), initial: true },
    ]);
    await sleep(RESCAN_MS * 4);
    expect(events).toHaveLength(1);
  });

  it('reports a new installer once, even while it is still being written', async () => {
    await start([downloads]);
    expect(events).toEqual([]);
    const file = path.join(downloads, 'AnyDesk.exe');
    const handle = fs.openSync(file, 'w');
    fs.writeSync(handle, 'MZ');
    await until('the new installer', () => installers().length === 1);
    fs.writeSync(handle, Buffer.alloc(64 * 1024));
    fs.closeSync(handle);
    await sleep(RESCAN_MS * 4);
    expect(installers()).toEqual([
      { type: 'installer-downloaded', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', path: file, initial: false },
    ]);
  });

  it("reports Chrome's download exactly once, only after the final name appears", async () => {
    await start([downloads]);
    const unconfirmed = path.join(downloads, 'Unconfirmed 123456.crdownload');
    fs.writeFileSync(unconfirmed, 'MZ partial');
    await sleep(RESCAN_MS * 3);
    fs.renameSync(unconfirmed, path.join(downloads, 'AnyDesk.exe.crdownload'));
    fs.appendFileSync(path.join(downloads, 'AnyDesk.exe.crdownload'), ' more');
    await sleep(RESCAN_MS * 3);
    expect(events).toEqual([]);
    fs.renameSync(path.join(downloads, 'AnyDesk.exe.crdownload'), path.join(downloads, 'AnyDesk.exe'));
    await until('the renamed installer', () => installers().length > 0);
    await sleep(RESCAN_MS * 4);
    expect(installers()).toEqual([expect.objectContaining({ toolId: 'anydesk', path: path.join(downloads, 'AnyDesk.exe'), initial: false })]);
  });

  it('hears a rename through fs.watch at once, without waiting for a re-scan', async () => {
    watcher = createDownloadsWatcher({ folders: [downloads], catalog, rescanMs: 60_000 });
    await watcher.start((event) => events.push(event));
    fs.writeFileSync(path.join(downloads, 'Unconfirmed 987.crdownload'), 'MZ');
    fs.renameSync(path.join(downloads, 'Unconfirmed 987.crdownload'), path.join(downloads, 'AnyDesk.exe'));
    await until('the renamed installer', () => installers().length === 1, 3000);
    expect(installers()[0]).toMatchObject({ toolId: 'anydesk', initial: false });
  });

  it("reports Firefox's .part file once it is renamed into place", async () => {
    await start([downloads]);
    fs.writeFileSync(path.join(downloads, 'TeamViewer_Setup.exe.part'), 'MZ');
    await sleep(RESCAN_MS * 3);
    expect(events).toEqual([]);
    fs.renameSync(path.join(downloads, 'TeamViewer_Setup.exe.part'), path.join(downloads, 'TeamViewer_Setup.exe'));
    await until('the renamed installer', () => installers().length > 0);
    await sleep(RESCAN_MS * 3);
    expect(installers()).toEqual([expect.objectContaining({ toolId: 'teamviewer', tier: 'interrupt', path: path.join(downloads, 'TeamViewer_Setup.exe') })]);
  });

  it('matches duplicate names and never fires for ordinary files or browser installers', async () => {
    await start([downloads]);
    for (const name of ['report.pdf', 'chrome_installer.exe', 'ChromeSetup.exe', 'Firefox Installer.exe', 'photo (1).jpg', 'setup.exe']) {
      fs.writeFileSync(path.join(downloads, name), 'x');
    }
    fs.writeFileSync(path.join(downloads, 'AnyDesk (1).exe'), 'MZ');
    await until('the duplicate-named installer', () => installers().length > 0);
    await sleep(RESCAN_MS * 4);
    expect(installers().map((e) => e.type === 'installer-downloaded' && path.basename(e.path))).toEqual(['AnyDesk (1).exe']);
  });

  it('reports a file saved again under the same name as a new download', async () => {
    const file = path.join(downloads, 'AnyDesk.exe');
    fs.writeFileSync(file, 'MZ first');
    await start([downloads]);
    expect(installers()).toHaveLength(1);
    fs.writeFileSync(path.join(downloads, 'AnyDesk.exe.crdownload'), 'MZ second');
    fs.renameSync(path.join(downloads, 'AnyDesk.exe.crdownload'), file);
    await until('the second save', () => installers().length === 2);
    fs.rmSync(file);
    await sleep(RESCAN_MS * 3);
    fs.writeFileSync(file, 'MZ third');
    await until('the third save', () => installers().length === 3);
    expect(installers().map((e) => e.type === 'installer-downloaded' && e.initial)).toEqual([true, false, false]);
  });

  it('watches several folders, the Desktop too', async () => {
    const desktop = path.join(root, 'Desktop');
    fs.mkdirSync(desktop);
    await start([downloads, desktop]);
    fs.writeFileSync(path.join(desktop, 'RustDesk-1.3.9-x86_64.exe'), 'MZ');
    await until('the Desktop installer', () => installers().length === 1);
    expect(installers()[0]).toMatchObject({ toolId: 'rustdesk', path: path.join(desktop, 'RustDesk-1.3.9-x86_64.exe') });
  });

  it('says once, plainly, that a folder is missing, then recovers when it is made', async () => {
    const missing = path.join(root, 'Not yet');
    await expect(start([missing])).resolves.toBeUndefined();
    expect(events).toEqual([
      { type: 'watcher-failed', watcher: 'downloads', message: `Pause Guard cannot look for downloads in the folder ${missing}: it does not exist.` },
    ]);
    await sleep(RESCAN_MS * 4);
    expect(events).toHaveLength(1);
    fs.mkdirSync(missing);
    await until('recovery', () => events.some((e) => e.type === 'watcher-recovered'));
    fs.writeFileSync(path.join(missing, 'AnyDesk.exe'), 'MZ');
    await until('an installer in the new folder', () => installers().length === 1);
    expect(events.map((e) => e.type)).toEqual(['watcher-failed', 'watcher-recovered', 'installer-downloaded']);
  });

  it('keeps watching a folder that is removed and made again', async () => {
    await start([downloads]);
    fs.rmSync(downloads, { recursive: true });
    await until('the failure', () => events.some((e) => e.type === 'watcher-failed'));
    fs.mkdirSync(downloads);
    await until('recovery', () => events.some((e) => e.type === 'watcher-recovered'));
    fs.writeFileSync(path.join(downloads, 'AnyDesk.exe'), 'MZ');
    await until('an installer in the new folder', () => installers().length === 1);
    expect(events.filter((e) => e.type === 'watcher-failed')).toHaveLength(1);
  });

  it('says a file given as a folder is not a folder', async () => {
    const file = path.join(root, 'plain.txt');
    fs.writeFileSync(file, 'x');
    await start([file]);
    expect(events).toEqual([
      { type: 'watcher-failed', watcher: 'downloads', message: `Pause Guard cannot look for downloads in the folder ${file}: it is not a folder.` },
    ]);
  });

  it('copes with unicode and newlines in file names', async () => {
    await start([downloads]);
    const names = ['Ünïcødé 😀.exe', 'line\nbreak.pdf', 'AnyDesk\nupdate.exe', 'AnyDesk – ünï 😀.exe', '\u202Eexe.AnyDesk'];
    for (const name of names) fs.writeFileSync(path.join(downloads, name), 'x');
    await until('both AnyDesk files', () => installers().length === 2);
    await sleep(RESCAN_MS * 3);
    expect(installers().map((e) => e.type === 'installer-downloaded' && path.basename(e.path)).sort()).toEqual(['AnyDesk\nupdate.exe', 'AnyDesk – ünï 😀.exe']);
  });

  it('stops cleanly: nothing is reported after stop()', async () => {
    await start([downloads]);
    await watcher!.stop();
    fs.writeFileSync(path.join(downloads, 'AnyDesk.exe'), 'MZ');
    await sleep(RESCAN_MS * 4);
    expect(events).toEqual([]);
  });
});
