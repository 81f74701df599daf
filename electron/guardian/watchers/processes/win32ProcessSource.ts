// The Windows process source: a Toolhelp snapshot each pass, in-process through koffi (no program started per poll).
// A process is read once (full path, command line, start time) and a handle to it is held while it runs: Windows
// never gives a pid to a new process while a handle to the old one is open, so a pid still listed is the same process,
// and each pass costs one snapshot. A process that ends or refuses mid-read never throws; only a list that cannot be
// had at all rejects.
import path from 'node:path';
import type { ProcessInfo } from '../../catalog';
import { loadProcessApi, PROCESS_QUERY_LIMITED_INFORMATION, type ProcessApi, type ProcessHandle } from '../../win32/processApi';
import { fileTimeToUnixMs, type ToolhelpEntry } from '../../win32/processRecords';
import type { ProcessSource, RunningProcess } from './processSource';

export interface Win32ProcessSourceOptions {
  /** The Win32 process calls (default: bound through koffi on first use). */
  readonly api?: () => Promise<ProcessApi>;
}

/** What the source remembers of one pid: the handle that keeps the pid its own (null where it may not be opened). */
interface Known {
  readonly handle: ProcessHandle | null;
  readonly exeFile: string;
  readonly ppid: number;
  readonly process: RunningProcess;
}

/**
 * A listed pid is the process already known when its handle is held (the pid cannot have been reused), or, for one
 * that could not be opened, when the file name and parent are the same.
 */
const sameProcess = (known: Known | undefined, entry: ToolhelpEntry): known is Known =>
  known !== undefined && known.exeFile === entry.exeFile && known.ppid === entry.ppid;

export function createWin32ProcessSource(options: Win32ProcessSourceOptions = {}): ProcessSource {
  const loadApi = options.api ?? loadProcessApi;
  let known = new Map<number, Known>();
  let listed: RunningProcess[] = [];

  /** Reads a process not seen before and keeps its handle open. */
  function read(api: ProcessApi, entry: ToolhelpEntry): Known {
    const opened = api.open(entry.pid, PROCESS_QUERY_LIMITED_INFORMATION);
    const handle = opened.ok ? opened.handle : null;
    const startTicks = handle ? api.startTime(handle) : null;
    const startedMs = startTicks === null ? null : fileTimeToUnixMs(startTicks);
    return {
      handle,
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
  }

  const release = (api: ProcessApi, entry: Known): void => {
    if (entry.handle) api.close(entry.handle);
  };

  return {
    name: 'win32',
    async list() {
      const api = await loadApi();
      const entries = api.listProcesses();
      const next = new Map<number, Known>();
      const running: RunningProcess[] = [];
      let changed = entries.length !== listed.length;
      for (const entry of entries) {
        const before = known.get(entry.pid);
        let current: Known;
        if (sameProcess(before, entry)) {
          current = before;
        } else {
          if (before) release(api, before);
          current = read(api, entry);
        }
        known.delete(entry.pid);
        if (current.process !== listed[running.length]) changed = true;
        next.set(entry.pid, current);
        running.push(current.process);
      }
      // What is left has ended: its handles go, and with them the hold on its pid.
      for (const gone of known.values()) release(api, gone);
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
