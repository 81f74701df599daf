// Windows process watcher benchmark, under Wine when the Windows test bed is set up (npm run setup:windows): the koffi
// source beside ps-list at the same poll interval, among some tens of extra processes. Idle CPU is read from the Linux
// side: the watcher's node.exe with its reaped children (ps-list's fastlist.exe) plus the prefix's wineserver, which
// serves every Win32 call. Without Wine it prints why and measures nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROCESS_INTERVAL_MS } from '../../electron/guardian/watchers/processes/processWatcher';
import { buildWindowsCli, bundleForWindows } from '../../scripts/windows/buildWindowsCli';
import { bedPaths, bedProblem, WINE, wineEnv } from '../../scripts/windows/windowsBed';
import { startWineBed, type WineBed } from '../windows/wineHarness';
import type { BenchResult } from './benchResult';
import { cpuWindow, waitForFile, wineserverOf } from './wineCpu';
import type { WindowsProbeReport } from './windowsProcessProbe';

const BUDGET = { p95Ms: 600, idleCpuPercent: 0.5 };

interface Measured extends WindowsProbeReport {
  /** % of one core over the window: node.exe with what it reaped, and the prefix's wineserver. */
  idle: { node: number; wineserver: number };
  floor: { node: number; wineserver: number };
}

async function measure(bed: WineBed, probe: string, toolExe: string, source: string): Promise<Measured> {
  const report = `${bed.folders.appData}\\bench-${source}.json`;
  const reportFile = bed.toLinux(report);
  const child = spawn(WINE, [bedPaths.nodeExe, probe, report, source, String(DEFAULT_PROCESS_INTERVAL_MS), toolExe], {
    env: wineEnv({ ...process.env, WINEPREFIX: bed.prefix }),
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const server = wineserverOf(bed.prefix);
    const idle = await cpuWindow(reportFile, 'idle', child.pid!, server);
    const floor = await cpuWindow(reportFile, 'floor', child.pid!, server);
    await waitForFile(reportFile, 60_000);
    return { ...(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as WindowsProbeReport), idle, floor };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
function percentile(values: number[], p: number): number {
  const s = sorted(values);
  return s.length === 0 ? Number.NaN : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN);
}
const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);

function figures(r: Measured): BenchResult[] {
  const subject = `Windows processes under Wine (${r.source}, ${DEFAULT_PROCESS_INTERVAL_MS} ms)`;
  const spawns = `${r.latenciesMs.length} spawns${r.missed ? `, ${r.missed} missed` : ''}`;
  return [
    { subject, figure: 'p50 spawn to tool-started', value: percentile(r.latenciesMs, 50), unit: 'ms', budget: null, note: spawns },
    { subject, figure: 'p95 spawn to tool-started', value: r.missed ? Number.POSITIVE_INFINITY : percentile(r.latenciesMs, 95), unit: 'ms', budget: BUDGET.p95Ms, note: spawns },
    { subject, figure: 'one list(), mean', value: mean(r.listMs), unit: 'ms', budget: null, note: `${r.listMs.length} calls, ${r.processes} processes listed` },
    { subject, figure: 'idle CPU: node.exe and children', value: r.idle.node, unit: '%', budget: null, note: 'the Linux process of node.exe, with what it reaped' },
    { subject, figure: 'idle CPU: with the wineserver', value: r.idle.node + r.idle.wineserver, unit: '%', budget: BUDGET.idleCpuPercent, note: 'every Win32 call goes through it under Wine' },
    { subject, figure: 'floor: empty timer, same process', value: r.floor.node + r.floor.wineserver, unit: '%', budget: null, note: 'node.exe under Wine waking at this interval, wineserver included' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const problem = bedProblem();
  if (problem) {
    console.log(`  skipped: ${problem}`);
    return [];
  }
  const bed = await startWineBed();
  try {
    // The CLI's build puts ps-list (with its fastlist.exe) beside the bundles, where the probe loads it.
    await buildWindowsCli();
    const probe = path.join(bedPaths.cliDir, 'windows-process-probe.mjs');
    await bundleForWindows('tests/bench/windowsProcessProbe.ts', probe);
    const toolExe = `${bed.folders.programFiles}\\AnyDesk\\AnyDesk.exe`;
    fs.mkdirSync(path.dirname(bed.toLinux(toolExe)), { recursive: true });
    fs.copyFileSync(bedPaths.nodeExe, bed.toLinux(toolExe), fs.constants.COPYFILE_FICLONE);
    const koffi = await measure(bed, probe, toolExe, 'win32');
    const psList = await measure(bed, probe, toolExe, 'ps-list');
    const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
    const subject = `Windows processes: koffi / ps-list (${koffi.extraProcesses} extra processes)`;
    return [
      ...figures(koffi),
      ...figures(psList),
      { subject, figure: 'one list() ratio', value: ratio(mean(koffi.listMs), mean(psList.listMs)), unit: 'x', budget: null },
      { subject, figure: 'idle CPU ratio, wineserver included', value: ratio(koffi.idle.node + koffi.idle.wineserver, psList.idle.node + psList.idle.wineserver), unit: 'x', budget: null },
      { subject, figure: 'p95 latency ratio', value: ratio(percentile(koffi.latenciesMs, 95), percentile(psList.latenciesMs, 95)), unit: 'x', budget: null },
    ];
  } finally {
    await bed.stop();
  }
}
