// The Windows process source: a Toolhelp snapshot each pass, in-process through koffi (no program started per poll).
// Each pid's start time is re-read every pass, so a reused pid is a new process; its full path and command line are
// read once per pid and start time. A process that ends or refuses mid-read never throws; only a list that cannot be
// had at all rejects.
import path from 'node:path';
import type { ProcessInfo } from '../../catalog';
import { loadProcessApi, PROCESS_QUERY_LIMITED_INFORMATION, type ProcessApi } from '../../win32/processApi';
import { fileTimeToUnixMs, type ToolhelpEntry } from '../../win32/processRecords';
import type { ProcessSource, RunningProcess } from './processSource';

export interface Win32ProcessSourceOptions {
  /** The Win32 process calls (default: bound through koffi on first use). */
  readonly api?: () => Promise<ProcessApi>;
}

/** What the source remembers of one pid: the start time it was read with and what was read. */
interface Known {
  readonly startTicks: bigint | null;
  readonly exeFile: string;
  readonly ppid: number;
  readonly process: RunningProcess;
}

/** The same pid with the same start time (or, where it cannot be opened, the same file and parent) is the same process. */
function sameProcess(known: Known | undefined, entry: ToolhelpEntry, startTicks: bigint | null): known is Known {
  if (!known || known.exeFile !== entry.exeFile || known.ppid !== entry.ppid) return false;
  return known.startTicks === startTicks;
}

export function createWin32ProcessSource(options: Win32ProcessSourceOptions = {}): ProcessSource {
  const loadApi = options.api ?? loadProcessApi;
  let known = new Map<number, Known>();
  let listed: RunningProcess[] = [];

  /** What one pid is now: the start time always, the path and command line only when it is a process not seen before. */
  function read(api: ProcessApi, entry: ToolhelpEntry): Known {
    const opened = api.open(entry.pid, PROCESS_QUERY_LIMITED_INFORMATION);
    const handle = opened.ok ? opened.handle : null;
    try {
      const startTicks = handle ? api.startTime(handle) : null;
      const before = known.get(entry.pid);
      if (sameProcess(before, entry, startTicks)) return before;
      const startedMs = startTicks === null ? null : fileTimeToUnixMs(startTicks);
      return {
        startTicks,
        exeFile: entry.exeFile,
        ppid: entry.ppid,
        process: {
          pid: entry.pid,
          ppid: entry.ppid,
          name: entry.exeFile,
          exe: handle ? api.imagePath(handle) : null,
          cmdline: handle ? api.commandLine(entry.pid, handle) : null,
          start: startTicks === null ? '' : String(startTicks),
          startedAt: startedMs === null ? null : new Date(startedMs).toISOString(),
        },
      };
    } finally {
      if (handle) api.close(handle);
    }
  }

  return {
    name: 'win32',
    async list() {
      const api = await loadApi();
      const entries = api.listProcesses();
      const next = new Map<number, Known>();
      const running: RunningProcess[] = [];
      let changed = entries.length !== listed.length;
      for (const entry of entries) {
        const current = read(api, entry);
        if (current.process !== listed[running.length]) changed = true;
        next.set(entry.pid, current);
        running.push(current.process);
      }
      known = next;
      // The watcher skips a pass that hands back the list it diffed last time.
      if (changed) listed = running;
      return listed;
    },
  };
}

/** What one pid is, by its image path and command line (naming the program behind a socket); null when it cannot be read. */
export async function readWin32ProcessInfo(pid: number, loadApi: () => Promise<ProcessApi> = loadProcessApi): Promise<ProcessInfo | null> {
  const api = await loadApi();
  const opened = api.open(pid, PROCESS_QUERY_LIMITED_INFORMATION);
  if (!opened.ok) return null;
  try {
    const exe = api.imagePath(opened.handle);
    return exe ? { pid, ppid: null, name: path.win32.basename(exe), exe, cmdline: api.commandLine(pid, opened.handle) } : null;
  } finally {
    api.close(opened.handle);
  }
}
