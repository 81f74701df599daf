// The Windows test bed itself, under Wine: koffi's Windows binary loads from a bundle built on Linux, and the CLI run by
// Node for Windows through npm sees a renamed node.exe, prints clean JSON lines at once, and ends cleanly on SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForWindows } from '../../scripts/windows/buildWindowsCli';
import { bedPaths } from '../../scripts/windows/windowsBed';
import { startWineBed, type WineBed } from './wineHarness';

let bed: WineBed;
beforeAll(async () => {
  bed = await startWineBed();
});
afterAll(() => bed?.stop());

const dataDir = () => `${bed.folders.appData}\\Pause Guard test`;

describe('the Windows test bed', () => {
  it('translates paths between Linux and the prefix both ways', () => {
    expect(bed.toLinux('C:\\Program Files\\AnyDesk\\AnyDesk.exe')).toBe(path.join(bed.prefix, 'drive_c', 'Program Files', 'AnyDesk', 'AnyDesk.exe'));
    expect(bed.toLinux('Z:\\tmp\\x.txt')).toBe('/tmp/x.txt');
    expect(bed.toWindows(path.join(bed.prefix, 'drive_c', 'ProgramData', 'a b'))).toBe('C:\\ProgramData\\a b');
    expect(bed.toWindows('/tmp/x.txt')).toBe('Z:\\tmp\\x.txt');
    expect(() => bed.toLinux('D:\\x')).toThrow('drive D:');
    expect(fs.lstatSync(bed.toLinux(bed.folders.downloads)).isSymbolicLink()).toBe(false);
  });

  it('loads koffi from a bundle built on Linux and calls kernel32 through it', async () => {
    const probe = path.join(bedPaths.cliDir, 'koffi-probe.mjs');
    await bundleForWindows('tests/windows/fixtures/koffiProbe.ts', probe);
    const report = `${bed.folders.appData}\\koffi-probe.json`;
    const { code, stderr } = await bed.runNode(probe, [report]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(bed.toLinux(report), 'utf8')) as { koffi: string; pid: number; win32Pid: number };
    expect(result.koffi).toBe(JSON.parse(fs.readFileSync('node_modules/koffi/package.json', 'utf8')).version);
    expect(result.win32Pid).toBe(result.pid);
  });

  it('runs scan --json under Node for Windows and lists a renamed node.exe in Program Files', async () => {
    const tool = await bed.startTool(`${bed.folders.programFiles}\\AnyDesk\\AnyDesk.exe`);
    const { code, stdout, stderr } = await bed.runCli(['scan', '--json', '--data-dir', dataDir(), '--downloads', bed.folders.downloads]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('}\n')).toBe(true);
    const result = JSON.parse(stdout) as { tools: { toolId: string; pid: number }[] };
    expect(result.tools).toContainEqual(expect.objectContaining({ toolId: 'anydesk', pid: tool.pid }));
    await tool.stop();
  });

  it('passes a usage error through as one plain sentence and exit code 2', async () => {
    const { code, stdout, stderr } = await bed.runCli(['scan', '--jsn']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('"--jsn" is not an option Pause Guard knows. Run "pauseguard --help" to see the options.\n');
  });

  it('watch --json prints ready first, one clean JSON line per event, and exits 0 on SIGTERM after a clean stop', async () => {
    const cli = bed.cli(['watch', '--json', '--data-dir', dataDir(), '--downloads', bed.folders.downloads]);
    await cli.output.next((e) => e.type === 'ready', 60_000);
    expect(await cli.stop()).toBe(0);
    expect(cli.output.lines.filter((line) => 'unparsed' in line)).toEqual([]);
    const journalDir = bed.toLinux(`${dataDir()}\\journal`);
    const records = fs.readdirSync(journalDir).flatMap((file) => fs.readFileSync(path.join(journalDir, file), 'utf8').trim().split('\n'));
    expect((JSON.parse(records.at(-1)!) as { record: { type: string; reason: string } }).record).toMatchObject({ type: 'clean-stop', reason: 'shutdown' });
  });
});
