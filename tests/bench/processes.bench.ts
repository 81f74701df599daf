// Process watcher benchmark: for the /proc and ps-list sources side by side, spawn-to-tool-started latency, idle CPU
// (own and children's) and memory. Each source runs alone in a fresh child: processWatcherProbe.ts bundled and run
// by plain node, as the engine ships (see probeProcess.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PROCESS_INTERVAL_MS } from '../../electron/guardian/watchers/processes/processWatcher';
import type { BenchResult } from './benchResult';
import { bundleProbe, runProbe } from './probeProcess';
import type { ProbeReport } from './processWatcherProbe';

const BUDGET = { p95Ms: 600, idleCpuPercent: 0.5, rssMb: 80 };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function figures(r: ProbeReport): BenchResult[] {
  const subject = `processes (${r.source}, ${r.intervalMs} ms)`;
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const spawns = `${sorted.length} spawns${r.missed ? `, ${r.missed} missed` : ''}`;
  return [
    { subject, figure: 'p50 spawn to tool-started', value: percentile(sorted, 50), unit: 'ms', budget: null, note: spawns },
    // A missed sighting counts as over budget, whatever the others did.
    { subject, figure: 'p95 spawn to tool-started', value: r.missed ? Number.POSITIVE_INFINITY : percentile(sorted, 95), unit: 'ms', budget: BUDGET.p95Ms, note: spawns },
    { subject, figure: 'idle CPU, % of one core', value: r.idleCpuPercent, unit: '%', budget: BUDGET.idleCpuPercent, note: `${r.idleSeconds.toFixed(0)} s, children's CPU included; the machine started ${r.machineTasksPerSecond.toFixed(0)} tasks/s meanwhile` },
    { subject, figure: 'floor: empty timer, same process', value: r.floorCpuPercent, unit: '%', budget: null, note: 'what waking at this interval costs on this machine' },
    { subject, figure: 'RSS after idle run', value: r.rssMb, unit: 'MB', budget: BUDGET.rssMb, note: `${r.rssStartMb.toFixed(0)} MB of it is node itself, before the engine code loaded` },
    { subject, figure: 'peak RSS (VmHWM)', value: r.peakRssMb, unit: 'MB', budget: BUDGET.rssMb },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-probe-'));
  let proc: ProbeReport;
  let psList: ProbeReport;
  const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const loadBefore = load();
  try {
    const probe = await bundleProbe('processWatcherProbe.ts', outDir);
    const interval = String(DEFAULT_PROCESS_INTERVAL_MS);
    proc = await runProbe<ProbeReport>(probe, ['proc', interval]);
    psList = await runProbe<ProbeReport>(probe, ['ps-list', interval]);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`  machine load average (1, 5, 15 min): ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores`);
  const p95 = (r: ProbeReport) => percentile([...r.latenciesMs].sort((a, b) => a - b), 95);
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  return [
    ...figures(proc),
    ...figures(psList),
    { subject: 'processes: proc / ps-list', figure: 'p95 latency ratio', value: ratio(p95(proc), p95(psList)), unit: 'x', budget: null },
    { subject: 'processes: proc / ps-list', figure: 'idle CPU ratio', value: ratio(proc.idleCpuPercent, psList.idleCpuPercent), unit: 'x', budget: null },
    { subject: 'processes: proc / ps-list', figure: 'RSS ratio', value: ratio(proc.rssMb, psList.rssMb), unit: 'x', budget: null },
  ];
}
