import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { createToolRunningCheck } from '../../../../electron/guardian/watchers/sessions/toolProcesses';

describe('tool running check', () => {
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

  it('sees a real process named like the tool, and not once it is gone', async () => {
    const catalog = loadCatalog();
    const ultraViewer = catalog.byId('ultraviewer')!;
    const isRunning = createToolRunningCheck(catalog);
    expect(await isRunning(ultraViewer)).toBe(false);
    const exe = path.join(dir, 'UltraViewer.exe');
    await fs.copyFile('/bin/sleep', exe);
    await fs.chmod(exe, 0o755);
    child = spawn(exe, ['30'], { stdio: 'ignore' });
    await vi.waitFor(async () => expect(await isRunning(ultraViewer)).toBe(true), { timeout: 5000 });
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;
    expect(await isRunning(ultraViewer)).toBe(false);
  });
});
