// Injected-input watcher benchmark on Windows, under Wine with Xvfb as the screen when the Windows test bed is set up:
// CPU of the watcher's node.exe (its hook thread included) and of the prefix's wineserver, with the mouse still and
// while another node.exe moves it with SendInput 60 times a second. Without Wine it prints why and measures nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleForWindows } from '../../scripts/windows/buildWindowsCli';
import { bedPaths, bedProblem, WINE, wineEnv } from '../../scripts/windows/windowsBed';
import { startXvfb } from '../fixtures/xvfb';
import { startWineBed } from '../windows/wineHarness';
import type { BenchResult } from './benchResult';
import { cpuWindow, waitForFile, wineserverOf } from './wineCpu';
import type { WindowsInputProbeReport } from './windowsInputProbe';

/** Still: the hook thread wakes every 50 ms to let its own events run. Moving: each input is one hook call. */
const BUDGET = { stillCpuPercent: 1, movingCpuPercent: 10 };
const INJECT_MS = 40_000;

export async function run(): Promise<BenchResult[]> {
  const problem = bedProblem();
  if (problem) {
    console.log(`  skipped: ${problem}`);
    return [];
  }
  const xvfb = await startXvfb('640x480x24');
  const env = { DISPLAY: xvfb.display };
  const bed = await startWineBed({ env });
  try {
    const probe = path.join(bedPaths.cliDir, 'windows-input-probe.mjs');
    const injector = path.join(bedPaths.cliDir, 'win32-probe.mjs');
    await bundleForWindows('tests/bench/windowsInputProbe.ts', probe);
    await bundleForWindows('tests/windows/fixtures/win32Probe.ts', injector);
    const report = `${bed.folders.appData}\\bench-input.json`;
    const reportFile = bed.toLinux(report);
    const child = spawn(WINE, [bedPaths.nodeExe, probe, report], { env: wineEnv({ ...process.env, ...env, WINEPREFIX: bed.prefix }), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const server = wineserverOf(bed.prefix);
      const still = await cpuWindow(reportFile, 'still', child.pid!, server);
      const moving = bed.runNode([injector, `${bed.folders.appData}\\bench-inject.json`, 'inject', String(INJECT_MS), 'click']);
      fs.writeFileSync(`${reportFile}.go-moving`, '');
      const busy = await cpuWindow(reportFile, 'moving', child.pid!, server);
      await waitForFile(reportFile, 60_000);
      await moving;
      const result = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as WindowsInputProbeReport;
      const subject = 'injected-input watcher (Windows hooks, under Wine)';
      const note = (perSecond: number) => (result.problem ? `problem: ${result.problem}` : `heard ${perSecond.toFixed(0)} inputs a second; wineserver included`);
      return [
        { subject, figure: 'CPU, mouse still, % of one core', value: still.node + still.wineserver, unit: '%', budget: BUDGET.stillCpuPercent, note: note(result.stillPerSecond) },
        { subject, figure: 'CPU, SendInput moving the mouse', value: busy.node + busy.wineserver, unit: '%', budget: BUDGET.movingCpuPercent, note: note(result.movingPerSecond) },
      ];
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  } finally {
    await bed.stop();
    await xvfb.stop();
  }
}
