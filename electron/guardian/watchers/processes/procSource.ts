// The Linux process source: lists /proc only when a task has come or gone (per /proc/loadavg), and reads a process's
// files only when its PID is new, or while it is young (a fork becomes a tool when it exec()s a moment later).
// One process vanishing mid-read never throws.
import fs from 'node:fs';
import path from 'node:path';
import { createProcReadBuffer, readHead, readProcFiles, readProcStat } from './procFiles';
import { CLOCK_TICKS_PER_SECOND } from './procStat';
import type { ProcessSource, RunningProcess } from './processSource';

export interface ProcSourceOptions {
  /** The proc file system to read; a test can point it at a directory tree of the same shape. */
  readonly procRoot?: string;
}

/** A process this young has its stat re-read each tick, so an exec() into another program is noticed. */
const YOUNG_MS = 1000;
/**
 * A process still named like its parent may be a fork that has not exec()'d its program yet (on a busy machine that
 * can take longer than YOUNG_MS): it is re-checked for this long, so the program it becomes is still seen.
 */
const FORKED_MS = 15_000;

/** What the source remembers of one PID; `process` is null for what is kept out (kernel threads, unreadable PIDs). */
interface Known {
  readonly process: RunningProcess | null;
  readonly comm: string;
  readonly startTicks: number;
  /** Wall-clock ms when it started, or null where boot time is unknown. */
  readonly startedMs: number | null;
  /** How long after its start its stat is re-read each tick (longer for a fork still named like its parent). */
  readonly watchMs: number;
}

/**
 * The kernel's count of tasks and the last PID it handed out (the last two fields of /proc/loadavg), or null.
 * While both stay the same no task has started (it would take a new PID) and none has ended (the count would drop).
 */
function readTaskStamp(procRoot: string, buffer: Buffer): string | null {
  try {
    // "0.52 0.58 0.59 2/467 31204": running/total tasks, then the last PID.
    const [, , , tasks, lastPid] = readHead(path.join(procRoot, 'loadavg'), buffer, 128).trim().split(' ');
    const total = tasks?.split('/')[1];
    return total && lastPid ? `${total} ${lastPid}` : null;
  } catch {
    return null;
  }
}

/** Boot time in ms from the `btime` line of /proc/stat, or null when it cannot be read. */
function readBootMs(procRoot: string): number | null {
  try {
    const match = /^btime (\d+)$/m.exec(fs.readFileSync(path.join(procRoot, 'stat'), 'utf8'));
    return match?.[1] ? Number(match[1]) * 1000 : null;
  } catch {
    return null;
  }
}

export function createProcSource(options: ProcSourceOptions = {}): ProcessSource {
  const procRoot = options.procRoot ?? '/proc';
  const bootMs = readBootMs(procRoot);
  let known = new Map<number, Known>();
  let listed: RunningProcess[] = [];
  let listedStamp: string | null = null;
  /** Until when (wall-clock ms) some listed process is young enough to be re-checked. */
  let youngUntil = 0;
  /** One buffer for every read: the source never reads two files at once. */
  const buffer = createProcReadBuffer();

  /** The parent's short name as last read (this tick's reads first), or undefined when it is not known. */
  let parentCommOf: (ppid: number) => string | undefined = (ppid) => known.get(ppid)?.comm;

  /** Reads one PID in full. Undefined when it vanished mid-read (try again next tick, if it is still listed). */
  function readProcess(pid: number): Known | undefined {
    const files = readProcFiles(procRoot, pid, buffer);
    if (files.kind === 'gone') return undefined;
    if (files.kind === 'unreadable') return { process: null, comm: '', startTicks: -1, startedMs: null, watchMs: 0 };
    const { stat, args, exe, kernelThread } = files;
    const startedMs = bootMs === null ? null : bootMs + (stat.startTicks * 1000) / CLOCK_TICKS_PER_SECOND;
    const parentComm = parentCommOf(stat.ppid);
    const watchMs = parentComm !== undefined && parentComm === stat.comm ? FORKED_MS : YOUNG_MS;
    const base = { comm: stat.comm, startTicks: stat.startTicks, startedMs, watchMs };
    if (kernelThread) return { ...base, process: null };
    return {
      ...base,
      process: {
        pid,
        ppid: stat.ppid,
        name: stat.comm,
        exe,
        cmdline: args,
        start: String(stat.startTicks),
        startedAt: startedMs === null ? null : new Date(startedMs).toISOString(),
      },
    };
  }

  /** A young process keeps its entry only while its stat still says the same program started at the same time. */
  function stillSame(pid: number, entry: Known, now: number): boolean | undefined {
    if (entry.startedMs === null || now - entry.startedMs > entry.watchMs) return true;
    try {
      const stat = readProcStat(procRoot, pid, buffer);
      if (stat === 'gone') return undefined;
      if (!stat) return false;
      return stat.startTicks === entry.startTicks && stat.comm === entry.comm;
    } catch {
      return true;
    }
  }

  /** With no task come or gone, only a young process can have become another program: read just those. */
  function youngUnchanged(now: number): boolean {
    for (const [pid, entry] of known) {
      if (entry.startedMs !== null && now - entry.startedMs <= entry.watchMs && stillSame(pid, entry, now) !== true) return false;
    }
    return true;
  }

  return {
    name: 'proc',
    async list() {
      const now = Date.now();
      const stamp = readTaskStamp(procRoot, buffer);
      if (stamp !== null && stamp === listedStamp && (now > youngUntil || youngUnchanged(now))) return listed;
      const names = fs.readdirSync(procRoot);
      const next = new Map<number, Known>();
      parentCommOf = (ppid) => (next.get(ppid) ?? known.get(ppid))?.comm;
      const running: RunningProcess[] = [];
      youngUntil = 0;
      for (const name of names) {
        if (!/^\d+$/.test(name)) continue;
        const pid = Number(name);
        let entry = known.get(pid);
        if (entry) {
          const same = stillSame(pid, entry, now);
          if (same === undefined) continue;
          if (!same) entry = undefined;
        }
        entry ??= readProcess(pid);
        if (!entry) continue;
        next.set(pid, entry);
        if (entry.process) running.push(entry.process);
        if (entry.startedMs !== null) youngUntil = Math.max(youngUntil, entry.startedMs + entry.watchMs);
      }
      known = next;
      listed = running;
      listedStamp = stamp;
      return running;
    },
  };
}
