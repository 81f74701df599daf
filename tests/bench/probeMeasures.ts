// What a bench probe measures of itself while it idles: CPU in % of one core (its own and its reaped children's),
// peak RSS, and the machine's task churn meanwhile. Runs inside the bundled probe child, never in the bench runner.
import fs from 'node:fs';
import { CLOCK_TICKS_PER_SECOND, parseProcStat } from '../../electron/guardian/watchers/processes/procStat';

/** Quiet time before each CPU window, so start-up's and earlier work's garbage collection is not counted as idling. */
const SETTLE_MS = 3000;

/** CPU ms of this process's reaped children (stat fields 16-17): a watcher's commands count against the watcher. */
function childCpuMs(): number {
  const stat = parseProcStat(fs.readFileSync('/proc/self/stat', 'utf8'));
  return stat ? ((stat.childUserTicks + stat.childSystemTicks) * 1000) / CLOCK_TICKS_PER_SECOND : 0;
}

export function peakRssMb(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

/** The last PID the kernel handed out (last field of /proc/loadavg). */
function lastPid(): number {
  return Number(fs.readFileSync('/proc/loadavg', 'utf8').trim().split(' ').at(-1));
}

/**
 * CPU use, in % of one core, over `ms` of waiting after a settling pause, counting this process and its reaped
 * children; and how many new tasks per second the machine started meanwhile (each one the /proc source must read).
 */
export async function cpuPercentOver(ms: number): Promise<{ percent: number; seconds: number; tasksPerSecond: number }> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const pidBefore = lastPid();
  const ownBefore = process.cpuUsage();
  const childBefore = childCpuMs();
  const wallBefore = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const wallMs = performance.now() - wallBefore;
  const own = process.cpuUsage(ownBefore);
  const cpuMs = (own.user + own.system) / 1000 + (childCpuMs() - childBefore);
  const pids = lastPid() - pidBefore;
  return { percent: (cpuMs / wallMs) * 100, seconds: wallMs / 1000, tasksPerSecond: (pids < 0 ? Number.NaN : pids) / (wallMs / 1000) };
}
