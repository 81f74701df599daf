// The Windows process source and process control under Wine, for real: Toolhelp sees a renamed node.exe at its full
// path with its command line and start time; a frozen child stops counting and counts again once resumed; End it
// leaves nothing on re-list; the pids it must never touch are refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedPaths } from '../../scripts/windows/windowsBed';
import { bundleWin32Probe, runWin32Probe } from './win32Probe';
import { startWineBed, type WineBed } from './wineHarness';

let bed: WineBed;

beforeAll(async () => {
  bed = await startWineBed();
  await bundleWin32Probe();
});
afterAll(() => bed?.stop());

const runProbe = <T>(mode: string, ...args: string[]): Promise<T> => runWin32Probe<T>(bed, mode, ...args);

describe('the Windows process source under Wine', () => {
  it('lists a renamed node.exe in Program Files with its full path, command line and start time', async () => {
    const before = Date.now();
    const tool = await bed.startTool(`${bed.folders.programFiles}\\AnyDesk\\AnyDesk.exe`, ['--control']);
    const result = await runProbe<{ entry: Record<string, unknown> | null; count: number; same: boolean }>('list', String(tool.pid));
    expect(result.entry).toMatchObject({ pid: tool.pid, name: 'AnyDesk.exe', exe: 'C:\\Program Files\\AnyDesk\\AnyDesk.exe', start: expect.stringMatching(/^\d+$/) });
    expect(result.entry?.cmdline).toMatch(/^"?C:\\Program Files\\AnyDesk\\AnyDesk\.exe"? -e .* --control$/);
    const startedAt = Date.parse(String(result.entry?.startedAt));
    expect(startedAt).toBeGreaterThan(before - 5000);
    expect(startedAt).toBeLessThanOrEqual(Date.now());
    expect(result.same).toBe(true);
    await tool.stop();
  });
});

describe('the Windows engine under Wine, with full paths and command lines', () => {
  it('sees a TeamViewer session by its desktop process\'s arguments and a generic name by its vendor folder', async () => {
    const desktop = await bed.startTool(`${bed.folders.programFiles}\\TeamViewer\\TeamViewer_Desktop.exe`, ['--IPCport', '5939', '--Module', '1']);
    const generic = await bed.startTool(`${bed.folders.programFiles}\\Zoho Assist\\Connect.exe`);
    const elsewhere = await bed.startTool(`${bed.folders.downloads}\\Connect.exe`);
    const { code, stdout, stderr } = await bed.runCli(['scan', '--json', '--data-dir', `${bed.folders.appData}\\Pause Guard test`, '--downloads', bed.folders.downloads]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { tools: { toolId: string; pid: number; exe: string }[]; sessions: { kind: string; toolId: string; pid: number }[] };
    expect(result.sessions).toContainEqual(expect.objectContaining({ kind: 'process', toolId: 'teamviewer', pid: desktop.pid }));
    expect(result.tools).toContainEqual(expect.objectContaining({ pid: generic.pid, exe: 'C:\\Program Files\\Zoho Assist\\Connect.exe' }));
    expect(result.tools.map((t) => t.pid)).not.toContain(elsewhere.pid);
    await Promise.all([desktop.stop(), generic.stop(), elsewhere.stop()]);
  });
});

describe('process control under Wine', () => {
  it('freezes a child that counts every 100 ms, lets it count again, and ends it with the program it started', async () => {
    const exe = `${bed.folders.localAppData}\\AnyDesk\\AnyDesk.exe`;
    fs.mkdirSync(path.dirname(bed.toLinux(exe)), { recursive: true });
    fs.copyFileSync(bedPaths.nodeExe, bed.toLinux(exe), fs.constants.COPYFILE_FICLONE);
    const result = await runProbe<Record<string, number | string | boolean>>('freeze', exe, `${bed.folders.appData}\\counter.txt`);
    expect(result).toMatchObject({ suspended: 'done', resumed: 'done', frozenAgain: 'done', ended: 'done', listedAfter: false, endedAgain: 'gone' });
    expect(result).toMatchObject({ helperListedBefore: true, helperListedAfter: false });
    expect(result.frozenAfter).toBe(result.frozenAt);
    expect(Number(result.runningAfter) - Number(result.frozenAfter)).toBeGreaterThanOrEqual(5);
  });

  it('ends a tool it did not start, which is then gone on re-list, and never touches System, itself or its parent', async () => {
    const tool = await bed.startTool(`${bed.folders.appData}\\TeamViewer\\TeamViewer.exe`);
    // The probe writing its report at all shows it did not end itself.
    const result = await runProbe<{ ended: string; listedAfter: boolean; guarded: [number, string, string][] }>('end', String(tool.pid));
    expect(result.ended).toBe('done');
    expect(result.listedAfter).toBe(false);
    expect(result.guarded.map(([, ended, suspended]) => [ended, suspended])).toEqual(Array(4).fill(['refused', 'refused']));
    await tool.stop();
  });
});
