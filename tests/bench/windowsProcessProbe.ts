// Child for windowsProcesses.bench.ts, bundled for Windows and run by Node for Windows under Wine: runs one process
// watcher (source win32 or ps-list in argv[3], interval in argv[4]) among extra idle processes, measures
// spawn-to-tool-started for the tool exe in argv[5], then idles while the Linux side reads CPU, and idles once more with
// the watcher stopped (the floor), marking each window with files next to the report (argv[2]). Writes the report as JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { DetectionEvent } from '../../shared/events';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createProcessWatcher } from '../../electron/guardian/watchers/processes/processWatcher';
import type { ProcessSource } from '../../electron/guardian/watchers/processes/processSource';
import { createPsListSource } from '../../electron/guardian/watchers/processes/psListSource';
import { createWin32ProcessSource } from '../../electron/guardian/watchers/processes/win32ProcessSource';

export interface WindowsProbeReport {
  readonly source: string;
  readonly processes: number;
  /** Idle processes started beside the watcher, so the list is not a bare prefix's eight. */
  readonly extraProcesses: number;
  readonly latenciesMs: number[];
  readonly missed: number;
  /** Wall time of each list() during the idle window. */
  readonly listMs: number[];
}

const EXTRA_PROCESSES = 40;
const IDLE_MS = 15_000;
const FLOOR_MS = 10_000;
const SPAWNS = 12;
const SIGHTING_TIMEOUT_MS = 10_000;

const [report = 'report.json', sourceName = '', interval = '500', toolExe = ''] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const inner: ProcessSource = sourceName === 'win32' ? createWin32ProcessSource() : createPsListSource();
const listMs: number[] = [];
let timing = false;
let processes = 0;
const source: ProcessSource = {
  name: inner.name,
  async list() {
    const started = performance.now();
    const list = await inner.list();
    if (timing) listMs.push(performance.now() - started);
    processes = list.length;
    return list;
  },
};

const extras: ChildProcess[] = [];
for (let i = 0; i < EXTRA_PROCESSES; i++) extras.push(spawn(process.execPath, ['-e', 'setTimeout(() => {}, 3e5)'], { stdio: 'ignore' }));
await sleep(5000);

const listeners = new Set<(event: DetectionEvent) => void>();
const watcher = createProcessWatcher({ source, catalog: loadCatalog(), intervalMs: Number(interval) });
await watcher.start((event) => listeners.forEach((listener) => listener(event)));

function seen(pid: number | undefined): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), SIGHTING_TIMEOUT_MS);
    const listener = (event: DetectionEvent) => {
      if (event.type === 'tool-started' && event.pid === pid) done(performance.now());
    };
    function done(at: number | null) {
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(at);
    }
    listeners.add(listener);
  });
}

const latenciesMs: number[] = [];
let missed = 0;
for (let i = 0; i < SPAWNS; i++) {
  await sleep(Math.random() * Number(interval));
  const spawnedAt = performance.now();
  const child = spawn(toolExe, ['-e', 'setTimeout(() => {}, 3e5)'], { stdio: 'ignore' });
  const at = await seen(child.pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
  if (at === null) missed++;
  else latenciesMs.push(at - spawnedAt);
}

await sleep(3000);
timing = true;
fs.writeFileSync(`${report}.idle-start`, '');
await sleep(IDLE_MS);
fs.writeFileSync(`${report}.idle-end`, '');
timing = false;
await watcher.stop();
// The floor: the same node.exe waking at the same interval with nothing to do.
const emptyTimer = setInterval(() => {}, Number(interval));
fs.writeFileSync(`${report}.floor-start`, '');
await sleep(FLOOR_MS);
fs.writeFileSync(`${report}.floor-end`, '');
clearInterval(emptyTimer);
for (const extra of extras) extra.kill();
const result: WindowsProbeReport = { source: source.name, processes, extraProcesses: EXTRA_PROCESSES, latenciesMs, missed, listMs };
// Written whole, then renamed into place, so the Linux side never reads half a report.
fs.writeFileSync(`${report}.partial`, JSON.stringify(result));
fs.renameSync(`${report}.partial`, report);
process.exit(0);
