// Child process for engine.bench.ts, run bundled by plain node as the engine ships: the engine with the platform's
// default watchers (argv[2] the downloads folder to watch; any further arguments name the only watchers to run),
// left idle; prints one JSON line: idle CPU (own and reaped children's), memory and how each watcher stood at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface EngineProbeReport {
  readonly watchers: { name: string; ok: boolean; message: string | null }[];
  readonly idleCpuPercent: number;
  readonly idleSeconds: number;
  /** New tasks (processes and threads) per second on the whole machine during the idle window: other programs' churn. */
  readonly machineTasksPerSecond: number;
  readonly rssStartMb: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
}

const PROBE_IDLE_MS = 20_000;
/** Start-up work (the first full /proc listing, the X11 connection, the first garbage collections) is not idle. */
const SETTLE_MS = 5_000;

const MB = 1024 * 1024;
const rssStartMb = process.memoryUsage().rss / MB;

const { cpuPercentOver, peakRssMb } = await import('./probeMeasures');
const { createEngine } = await import('../../electron/guardian/engine');
const { loadCatalog } = await import('../../electron/guardian/catalog');
const { createDefaultWatchers } = await import('../../electron/guardian/watchers/defaultWatchers');

const [downloadsFolder, ...only] = process.argv.slice(2);
if (!downloadsFolder) throw new Error('Give the downloads folder to watch, then, if wanted, the names of the only watchers to run.');
const defaults = createDefaultWatchers({ catalog: loadCatalog(), downloadFolders: [downloadsFolder] });
const unknown = only.filter((name) => !defaults.some((w) => w.name === name));
if (unknown.length > 0) throw new Error(`No default watcher is called ${unknown.join(', ')}: they are ${defaults.map((w) => w.name).join(', ')}.`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-engine-'));
const engine = createEngine({ dataDir, watchers: only.length > 0 ? defaults.filter((w) => only.includes(w.name)) : defaults });
try {
  await engine.start();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const idle = await cpuPercentOver(PROBE_IDLE_MS);
  const report: EngineProbeReport = {
    watchers: engine.status().watchers,
    idleCpuPercent: idle.percent,
    idleSeconds: idle.seconds,
    machineTasksPerSecond: idle.tasksPerSecond,
    rssStartMb,
    rssMb: process.memoryUsage().rss / MB,
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await engine.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
