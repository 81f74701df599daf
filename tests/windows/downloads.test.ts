// Under Wine: an installer landing in the Windows user's own Downloads or Desktop (the CLI's default folders there, no
// --downloads given) is seen by watch --json as it arrives, browser-style, and listed by scan --json, by its Windows path.
import { rename } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWineBed, type WineBed, type WineCli } from './wineHarness';

let bed: WineBed;
let watch: WineCli;
const dataDir = () => `${bed.folders.appData}\\Pause Guard test`;

beforeAll(async () => {
  bed = await startWineBed();
  watch = bed.cli(['watch', '--json', '--data-dir', dataDir()]);
  await watch.output.next((e) => e.type === 'ready', 60_000);
});
afterAll(async () => {
  if (watch) expect(await watch.stop()).toBe(0);
  await bed?.stop();
});

describe('the downloads watcher on Windows paths', () => {
  it('sees an AnyDesk installer a browser saves into Downloads, once it is renamed from its partial name', async () => {
    const partial = `${bed.folders.downloads}\\AnyDesk (1).exe.crdownload`;
    await bed.writeFile(partial, 'MZ');
    await bed.appendFile(partial, Buffer.alloc(64 * 1024));
    const installer = `${bed.folders.downloads}\\AnyDesk (1).exe`;
    await rename(bed.toLinux(partial), bed.toLinux(installer));
    const seen = await watch.output.next((e) => e.type === 'installer-downloaded' && e.path === installer, 30_000);
    expect(seen).toMatchObject({ toolId: 'anydesk', tier: 'interrupt', initial: false });
    expect(watch.output.lines.filter((e) => e.type === 'installer-downloaded' && e.path === partial)).toEqual([]);
  });

  it('sees a TeamViewer installer saved to the Desktop', async () => {
    const installer = `${bed.folders.desktop}\\TeamViewer_Setup_x64.exe`;
    await bed.writeFile(installer, 'MZ');
    await watch.output.next((e) => e.type === 'installer-downloaded' && e.path === installer && e.toolId === 'teamviewer', 30_000);
  });

  it('scan --json lists both installers by their Windows paths', async () => {
    const { code, stdout, stderr } = await bed.runCli(['scan', '--json', '--data-dir', dataDir()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { installers } = JSON.parse(stdout) as { installers: { path: string; toolId: string }[] };
    expect(installers).toEqual(expect.arrayContaining([
      { path: `${bed.folders.downloads}\\AnyDesk (1).exe`, toolId: 'anydesk' },
      { path: `${bed.folders.desktop}\\TeamViewer_Setup_x64.exe`, toolId: 'teamviewer' },
    ]));
  });
});
