// Child process for processes.bench.ts, run bundled by plain node as the engine ships: runs one process watcher alone
// (source in argv[2], interval in argv[3]) and prints one JSON line: spawn-to-tool-started latencies, idle CPU (own
// and reaped children's), memory, then, with the watcher stopped, the machine's floor (an empty timer, same interval).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DetectionEvent } from '../../shared/events';

export interface ProbeReport {
  readonly source: string;
  readonly intervalMs: number;
  readonly latenciesMs: number[];
  readonly missed: number;
  readonly idleCpuPercent: number;
  readonly idleSeconds: number;
  /** New tasks (processes and threads) per second on the whole machine during the idle window: other programs' churn. */
  readonly machineTasksPerSecond: number;
  /** CPU of this same process once the watcher has stopped, waking at the interval with nothing to do: the machine's floor. */
  readonly floorCpuPercent: number;
  readonly rssStartMb: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
}

const PROBE_SPAWNS = 40;
const PROBE_IDLE_MS = 20_000;
const PROBE_FLOOR_MS = 6000;
const SIGHTING_TIMEOUT_MS = 5000;

const MB = 1024 * 1024;
const rssStartMb = process.memoryUsage().rss / MB;

const { cpuPercentOver, peakRssMb } = await import('./probeMeasures');
const { createProcSource } = await import('../../electron/guardian/watchers/processes/procSource');
const { createPsListSource } = await import('../../electron/guardian/watchers/processes/psListSource');
const { createProcessWatcher, DEFAULT_PROCESS_INTERVAL_MS } = await import('../../electron/guardian/watchers/processes/processWatcher');
const { loadCatalog } = await import('../../electron/guardian/catalog');

const sourceName = process.argv[2];
const source = sourceName === 'proc' ? createProcSource() : sourceName === 'ps-list' ? createPsListSource() : null;
if (!source) throw new Error(`Unknown process source "${sourceName}": use proc or ps-list.`);

const intervalMs = Number(process.argv[3] ?? DEFAULT_PROCESS_INTERVAL_MS);
const listeners = new Set<(event: DetectionEvent) => void>();
const watcher = createProcessWatcher({ source, catalog: loadCatalog(), intervalMs });
await watcher.start((event) => {
  for (const listener of listeners) listener(event);
});

function nextEvent(match: (event: DetectionEvent) => boolean, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), timeoutMs);
    const listener = (event: DetectionEvent) => {
      if (match(event)) done(performance.now());
    };
    function done(at: number | null) {
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(at);
    }
    listeners.add(listener);
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-'));
const exe = path.join(dir, 'AnyDesk.exe');
fs.copyFileSync('/bin/sleep', exe);
fs.chmodSync(exe, 0o755);

const latenciesMs: number[] = [];
let missed = 0;
try {
  for (let i = 0; i < PROBE_SPAWNS; i++) {
    // A random pause, so spawns land at every point of the watcher's tick.
    await new Promise((r) => setTimeout(r, Math.random() * intervalMs));
    const spawnedAt = performance.now();
    const child = spawn(exe, ['1000'], { stdio: 'ignore' });
    const pid = child.pid;
    const seenAt = await nextEvent((e) => e.type === 'tool-started' && e.pid === pid, SIGHTING_TIMEOUT_MS);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    if (seenAt === null) missed++;
    else latenciesMs.push(seenAt - spawnedAt);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const idle = await cpuPercentOver(PROBE_IDLE_MS);
const rssMb = process.memoryUsage().rss / MB;
await watcher.stop();
const emptyTimer = setInterval(() => {}, intervalMs);
const floor = await cpuPercentOver(PROBE_FLOOR_MS);
clearInterval(emptyTimer);
const report: ProbeReport = {
  source: source.name,
  intervalMs,
  latenciesMs,
  missed,
  idleCpuPercent: idle.percent,
  idleSeconds: idle.seconds,
  machineTasksPerSecond: idle.tasksPerSecond,
  floorCpuPercent: floor.percent,
  rssStartMb,
  rssMb,
  peakRssMb: peakRssMb(),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
