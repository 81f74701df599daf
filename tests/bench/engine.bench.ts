// Engine benchmark: idle CPU (own and children's) and memory of the whole engine with the platform's default watchers,
// on a real X11 desktop (Xvfb + matchbox) when installed so the windows watcher runs, downloads watching a temp folder;
// beside it, at the same time, the same probe with the process watcher alone, for the ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './benchResult';
import type { EngineProbeReport } from './engineProbe';
import { bundleProbe, runProbe } from './probeProcess';
import { startXDisplay } from './xDisplay';

const BUDGET = { idleCpuPercent: 0.5, rssMb: 80 };

/** How the windows watcher stood: ran, or why not. */
function windowsNote(report: EngineProbeReport, display: string | null): string {
  const windows = report.watchers.find((w) => w.name === 'windows');
  if (!windows) return 'no windows watcher on this platform';
  if (!windows.ok) return `windows watcher did not run: ${windows.message ?? 'no reason given'}`;
  return display ? `windows watcher ran on Xvfb ${display} + matchbox, no windows open` : 'windows watcher ran';
}

export async function run(): Promise<BenchResult[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-probe-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-downloads-'));
  const x = await startXDisplay();
  let all: EngineProbeReport;
  let processesAlone: EngineProbeReport;
  try {
    const probe = await bundleProbe('engineProbe.ts', outDir);
    const env = x ? { DISPLAY: x.display } : {};
    [all, processesAlone] = await Promise.all([
      runProbe<EngineProbeReport>(probe, [downloads], env),
      runProbe<EngineProbeReport>(probe, [downloads, 'processes'], env),
    ]);
  } finally {
    await x?.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(downloads, { recursive: true, force: true });
  }
  const subject = `engine (${all.watchers.map((w) => w.name).join(', ')})`;
  const failed = all.watchers.filter((w) => !w.ok && w.name !== 'windows').map((w) => `${w.name} failed: ${w.message ?? ''}`);
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  return [
    {
      subject,
      figure: 'idle CPU, % of one core',
      value: all.idleCpuPercent,
      unit: '%',
      budget: BUDGET.idleCpuPercent,
      note: [`${all.idleSeconds.toFixed(0)} s, children's CPU included`, windowsNote(all, x?.display ?? null), ...failed].join('; '),
    },
    { subject, figure: 'RSS after idle run', value: all.rssMb, unit: 'MB', budget: BUDGET.rssMb, note: `${all.rssStartMb.toFixed(0)} MB of it is node itself, before the engine code loaded` },
    { subject, figure: 'peak RSS (VmHWM)', value: all.peakRssMb, unit: 'MB', budget: BUDGET.rssMb },
    {
      subject: 'engine (processes alone)',
      figure: 'idle CPU, % of one core',
      value: processesAlone.idleCpuPercent,
      unit: '%',
      budget: null,
      note: `same probe, same ${processesAlone.idleSeconds.toFixed(0)} s; the machine started ${processesAlone.machineTasksPerSecond.toFixed(0)} tasks/s meanwhile`,
    },
    { subject: 'engine: all / processes alone', figure: 'idle CPU ratio', value: ratio(all.idleCpuPercent, processesAlone.idleCpuPercent), unit: 'x', budget: null },
    { subject: 'engine: all / processes alone', figure: 'RSS ratio', value: ratio(all.rssMb, processesAlone.rssMb), unit: 'x', budget: null },
  ];
}
