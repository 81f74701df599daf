// Suspends, resumes and ends a remote tool's processes by pid, without administrator rights: by signal on Linux and
// macOS, through Win32 on Windows (win32ProcessControl.ts). Never touches the system's own pids (0 and 1; 0 and 4 on
// Windows), Pause Guard itself or the process that started it, whatever it is asked.
import { createWin32ProcessControl } from './win32ProcessControl';

/** What happened to one pid. */
export type ProcessActionResult = 'done' | 'gone' | 'refused' | 'not-possible' | 'failed';

export interface ProcessControl {
  /** True where this platform lets an ordinary user freeze a process (Linux, macOS and Windows). */
  readonly canSuspend: boolean;
  suspend(pid: number): Promise<ProcessActionResult>;
  resume(pid: number): Promise<ProcessActionResult>;
  /** Ends the process (asked first where the platform can ask, forced after the grace period); 'done' only once it is gone. */
  end(pid: number): Promise<ProcessActionResult>;
}

export interface ProcessControlOptions {
  platform?: NodeJS.Platform;
  /** How long an ended process has to go by itself before it is killed. */
  graceMs?: number;
  /** Sends a signal (process.kill); injectable only to prove which pids are never signalled. */
  kill?: (pid: number, signal: NodeJS.Signals | 0) => void;
  ownPids?: readonly number[];
}

const DEFAULT_GRACE_MS = 2000;
const POLL_MS = 50;

/** The pids of the system itself: the idle process and init on Linux and macOS; the idle process and System on Windows. */
const SYSTEM_PIDS: Partial<Record<NodeJS.Platform, readonly number[]>> = { win32: [0, 4] };
const POSIX_SYSTEM_PIDS: readonly number[] = [0, 1];

export function createProcessControl(options: ProcessControlOptions = {}): ProcessControl {
  const platform = options.platform ?? process.platform;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const kill = options.kill ?? ((pid, signal) => process.kill(pid, signal));
  const protectedPids = new Set([...(SYSTEM_PIDS[platform] ?? POSIX_SYSTEM_PIDS), ...(options.ownPids ?? [process.pid, process.ppid])]);

  const mayTouch = (pid: number): boolean => Number.isSafeInteger(pid) && pid > 0 && !protectedPids.has(pid);

  if (platform === 'win32') return createWin32ProcessControl({ mayTouch, graceMs });

  const signal = (pid: number, name: NodeJS.Signals | 0): ProcessActionResult => {
    try {
      kill(pid, name);
      return 'done';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'failed';
    }
  };
  const alive = (pid: number): boolean => signal(pid, 0) !== 'gone';

  const waitForExit = async (pid: number): Promise<boolean> => {
    for (let waited = 0; waited < graceMs; waited += POLL_MS) {
      if (!alive(pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return !alive(pid);
  };

  return {
    canSuspend: true,
    suspend: async (pid) => (mayTouch(pid) ? signal(pid, 'SIGSTOP') : 'refused'),
    resume: async (pid) => (mayTouch(pid) ? signal(pid, 'SIGCONT') : 'refused'),
    async end(pid) {
      if (!mayTouch(pid)) return 'refused';
      const asked = signal(pid, 'SIGTERM');
      if (asked !== 'done') return asked;
      // A frozen process only sees SIGTERM once it runs again.
      signal(pid, 'SIGCONT');
      if (await waitForExit(pid)) return 'done';
      const forced = signal(pid, 'SIGKILL');
      if (forced === 'gone') return 'done';
      return forced === 'done' && (await waitForExit(pid)) ? 'done' : 'failed';
    },
  };
}
