// The Windows side of process control, through koffi: NtSuspendProcess / NtResumeProcess to freeze, TerminateProcess
// (the process and what it started) to end, then a fresh Toolhelp list to check it is gone. "Access denied" (a
// service running as SYSTEM) is 'refused', never 'done'. Never opens a pid the caller's guard says to leave alone.
import {
  ERROR_ACCESS_DENIED,
  ERROR_INVALID_PARAMETER,
  loadProcessApi,
  PROCESS_QUERY_LIMITED_INFORMATION,
  PROCESS_SUSPEND_RESUME,
  PROCESS_TERMINATE,
  STATUS_ACCESS_DENIED,
  STATUS_PROCESS_IS_TERMINATING,
  STATUS_SUCCESS,
  SYNCHRONIZE,
  type ProcessApi,
  type ProcessHandle,
} from '../win32/processApi';
import type { ProcessActionResult, ProcessControl } from './processControl';

export interface Win32ProcessControlOptions {
  /** False for a pid never to be touched (System, Pause Guard, its parent). */
  readonly mayTouch: (pid: number) => boolean;
  /** How long an ended process has to disappear. */
  readonly graceMs: number;
  /** The Win32 process calls (default: bound through koffi on first use). */
  readonly api?: () => Promise<ProcessApi>;
}

function openFailure(error: number): ProcessActionResult {
  if (error === ERROR_ACCESS_DENIED) return 'refused';
  return error === ERROR_INVALID_PARAMETER ? 'gone' : 'failed';
}

function statusResult(status: number): ProcessActionResult {
  if (status === STATUS_SUCCESS) return 'done';
  if (status === STATUS_ACCESS_DENIED) return 'refused';
  return status === STATUS_PROCESS_IS_TERMINATING ? 'gone' : 'failed';
}

const POLL_MS = 50;

export function createWin32ProcessControl(options: Win32ProcessControlOptions): ProcessControl {
  const loadApi = options.api ?? loadProcessApi;
  const { mayTouch, graceMs } = options;

  /**
   * Runs `act` on the process opened with `access` (and SYNCHRONIZE); 'refused' for a guarded pid, whatever it is, and
   * 'gone' for one that has exited (a handle someone still holds keeps an ended process openable).
   */
  async function withProcess(pid: number, access: number, act: (api: ProcessApi, handle: ProcessHandle) => Promise<ProcessActionResult> | ProcessActionResult): Promise<ProcessActionResult> {
    if (!mayTouch(pid)) return 'refused';
    let api: ProcessApi;
    try {
      api = await loadApi();
    } catch {
      return 'failed';
    }
    const opened = api.open(pid, access | SYNCHRONIZE);
    if (!opened.ok) return openFailure(opened.error);
    try {
      return api.hasExited(opened.handle) ? 'gone' : await act(api, opened.handle);
    } finally {
      api.close(opened.handle);
    }
  }

  /** The start time of a pid now, or null when it is not running (or cannot be asked). */
  function startOf(api: ProcessApi, pid: number): bigint | null {
    const opened = api.open(pid, PROCESS_QUERY_LIMITED_INFORMATION);
    if (!opened.ok) return null;
    try {
      return api.startTime(opened.handle);
    } finally {
      api.close(opened.handle);
    }
  }

  /** Processes `pid` started, and theirs, each started after its parent (a parent pid may have been reused since). */
  function descendantsOf(api: ProcessApi, pid: number, start: bigint): number[] {
    const entries = api.listProcesses();
    const found: number[] = [];
    const parents: Array<[number, bigint]> = [[pid, start]];
    for (let next = parents.pop(); next; next = parents.pop()) {
      const [parent, parentStart] = next;
      for (const entry of entries) {
        if (entry.ppid !== parent || entry.pid === parent || found.includes(entry.pid) || !mayTouch(entry.pid)) continue;
        const childStart = startOf(api, entry.pid);
        if (childStart === null || childStart < parentStart) continue;
        found.push(entry.pid);
        parents.push([entry.pid, childStart]);
      }
    }
    return found;
  }

  /** Ends one open process; 'done' once it has exited, polled so the engine is never blocked while it goes. */
  async function terminate(api: ProcessApi, handle: ProcessHandle): Promise<ProcessActionResult> {
    const error = api.terminate(handle);
    // TerminateProcess on a process that has just exited also says "access denied": ask whether it is still there.
    if (error !== 0) return api.hasExited(handle) ? 'gone' : error === ERROR_ACCESS_DENIED ? 'refused' : 'failed';
    for (let waited = 0; waited < graceMs; waited += POLL_MS) {
      if (api.hasExited(handle)) return 'done';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return api.hasExited(handle) ? 'done' : 'failed';
  }

  /** Ends a process the tool started, without waiting for it: the tool itself is what End it reports on. */
  function endChild(api: ProcessApi, pid: number): void {
    const opened = api.open(pid, PROCESS_TERMINATE);
    if (!opened.ok) return;
    api.terminate(opened.handle);
    api.close(opened.handle);
  }

  return {
    canSuspend: true,
    suspend: (pid) => withProcess(pid, PROCESS_SUSPEND_RESUME, (api, handle) => statusResult(api.suspend(handle))),
    resume: (pid) => withProcess(pid, PROCESS_SUSPEND_RESUME, (api, handle) => statusResult(api.resume(handle))),
    async end(pid) {
      const seen: { start: bigint | null } = { start: null };
      const access = PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION;
      const result = await withProcess(pid, access, async (api, handle) => {
        seen.start = api.startTime(handle);
        const children = seen.start === null ? [] : descendantsOf(api, pid, seen.start);
        const ended = await terminate(api, handle);
        for (const child of children) endChild(api, child);
        return ended;
      });
      if (result !== 'done') return result;
      // Re-list once the handle is closed: gone means no process on this pid, or only a later one that took it over.
      const api = await loadApi();
      const listed = api.listProcesses().some((entry) => entry.pid === pid);
      return listed && (seen.start === null || startOf(api, pid) === seen.start) ? 'failed' : 'done';
    },
  };
}
