// The Windows engine under Wine, when the Windows test bed is set up (npm run setup:windows): idle CPU of Node for
// Windows running `watch` (processes read through Win32 with koffi) and everything it starts, counted in a cgroup, and
// the latency from Windows being asked to start a renamed node.exe (CreateProcess, by the bed's launcher) to the engine's tool-started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buildWindowsCli } from '../../scripts/windows/buildWindowsCli';
import { followFile } from '../../scripts/windows/followFile';
import { bedPaths, bedProblem, WINE, wineEnv } from '../../scripts/windows/windowsBed';
import { readJsonLines } from '../fixtures/jsonLines';
import { startWineBed } from '../windows/wineHarness';
import type { BenchResult } from './benchResult';
import { createCpuCgroup } from './cpuCgroup';

const SETTLE_MS = 5_000;
const IDLE_MS = 20_000;
const STARTS = 5;
const BUDGET = { idleCpuPercent: 0.5, latencyMs: 1_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<BenchResult[]> {
  const problem = bedProblem();
  if (problem) {
    console.log(`  skipped: ${problem}`);
    return [];
  }
  const bundle = await buildWindowsCli();
  const bed = await startWineBed();
  const cgroup = createCpuCgroup('pauseguard-bench-windows');
  const output = path.join(bed.toLinux(bed.folders.appData), 'bench-watch.jsonl');
  fs.writeFileSync(output, '');
  const outputFd = fs.openSync(output, 'a');
  // Node for Windows goes into the cgroup before it starts, so every process it starts is counted with it.
  const watch = spawn(
    'sh',
    ['-c', cgroup ? 'echo $$ > "$0/cgroup.procs" && exec "$@"' : 'exec "$@"', cgroup?.dir ?? '-', WINE, bedPaths.nodeExe, bundle, 'watch', '--json', '--data-dir', `${bed.folders.appData}\\Pause Guard bench`],
    { env: wineEnv({ ...process.env, WINEPREFIX: bed.prefix }), stdio: ['ignore', outputFd, 'ignore'], detached: true },
  );
  fs.closeSync(outputFd);
  const stream = new PassThrough();
  const follower = followFile(output, stream);
  const events = readJsonLines(stream);
  try {
    await events.next((e) => e.type === 'ready', 120_000);
    await sleep(SETTLE_MS);
    const idleStart = { ns: cgroup?.usageNs() ?? 0, at: performance.now() };
    await sleep(IDLE_MS);
    const idleCpuPercent = cgroup ? ((cgroup.usageNs() - idleStart.ns) / 1e6 / (performance.now() - idleStart.at)) * 100 : Number.NaN;

    const latencies: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const tool = await bed.startTool(`${bed.folders.programFiles}\\AnyDesk ${i}\\AnyDesk.exe`);
      const started = await events.next((e) => e.type === 'tool-started' && e.pid === tool.pid, 30_000);
      latencies.push(Date.parse(String(started.at)) - tool.spawnedAt);
      await tool.stop();
      await events.next((e) => e.type === 'tool-stopped' && e.pid === tool.pid, 30_000);
    }
    latencies.sort((a, b) => a - b);
    const subject = 'Windows engine under Wine (Win32 through koffi)';
    return [
      {
        subject,
        figure: 'idle CPU, % of one core',
        value: idleCpuPercent,
        unit: '%',
        budget: BUDGET.idleCpuPercent,
        note: cgroup
          ? `${IDLE_MS / 1000} s, Node for Windows and every process it started (conhost.exe); wineserver not counted`
          : 'not measured: no writable cpuacct cgroup on this machine',
      },
      {
        subject,
        figure: 'median CreateProcess to tool-started',
        value: latencies[Math.floor(latencies.length / 2)]!,
        unit: 'ms',
        budget: BUDGET.latencyMs,
        note: `${STARTS} starts of a renamed node.exe; slowest ${latencies.at(-1)} ms`,
      },
    ];
  } finally {
    const exited = new Promise((resolve) => watch.once('exit', resolve));
    watch.kill('SIGINT');
    await Promise.race([exited, sleep(10_000)]);
    await follower.finish();
    await bed.stop();
    await cgroup?.remove();
  }
}
