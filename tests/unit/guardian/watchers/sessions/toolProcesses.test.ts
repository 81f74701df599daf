import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { createToolProcessCheck } from '../../../../../electron/guardian/watchers/sessions/toolProcesses';

describe('tool process check', () => {
  let dir: string;
  let child: ChildProcess | null = null;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-toolproc-'));
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sees a real process named like the tool and when it started, and not once it is gone', async () => {
    const catalog = loadCatalog();
    const ultraViewer = catalog.byId('ultraviewer')!;
    const check = createToolProcessCheck(catalog);
    const isRunning = async (tool: typeof ultraViewer) => (await check(tool)).running;
    expect(await check(ultraViewer)).toEqual({ running: false, startedAt: null });
    const before = Date.now();
    const exe = path.join(dir, 'UltraViewer.exe');
    await fs.copyFile('/bin/sleep', exe);
    await fs.chmod(exe, 0o755);
    child = spawn(exe, ['30'], { stdio: 'ignore' });
    await vi.waitFor(async () => expect(await isRunning(ultraViewer)).toBe(true), { timeout: 5000 });
    // /proc gives the start to the clock tick: within a second or two of the spawn.
    const { startedAt } = await check(ultraViewer);
    expect(Math.abs(Date.parse(startedAt!) - before)).toBeLessThan(2000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
    await vi.waitFor(async () => expect(await isRunning(ultraViewer)).toBe(false), { timeout: 5000 });
  });

  it('lists the processes once for every check within a second, and again after it', async () => {
    const catalog = loadCatalog();
    let listings = 0;
    let clock = 0;
    const source = {
      name: 'ps-list' as const,
      list: async () => {
        listings += 1;
        return [{ pid: 7, ppid: 1, name: 'AnyDesk.exe', exe: null, cmdline: null, start: '', startedAt: '2026-12-04T08:00:00.000Z' }];
      },
    };
    const check = createToolProcessCheck(catalog, source, () => clock);
    expect(await check(catalog.byId('anydesk')!)).toEqual({ running: true, startedAt: '2026-12-04T08:00:00.000Z' });
    expect(await check(catalog.byId('teamviewer')!)).toEqual({ running: false, startedAt: null });
    expect(listings).toBe(1);
    clock = 1000;
    await check(catalog.byId('anydesk')!);
    expect(listings).toBe(2);
  });
});
