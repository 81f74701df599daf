// Suspends, resumes and ends a remote tool's processes by pid, without administrator rights.
// Never signals pid 0 or 1, Pause Guard itself or the process that started it, whatever it is asked.
import { execFile } from 'node:child_process';

/** What happened to one pid. */
export type ProcessActionResult = 'done' | 'gone' | 'refused' | 'not-possible' | 'failed';

export interface ProcessControl {
  /** True where this platform lets an ordinary user freeze a process (Linux, macOS); false on Windows. */
  readonly canSuspend: boolean;
  suspend(pid: number): Promise<ProcessActionResult>;
  resume(pid: number): Promise<ProcessActionResult>;
  /** Asks the process to end, and forces it after the grace period if it is still there. */
  end(pid: number): Promise<ProcessActionResult>;
}

/** Runs a command with arguments (never through a shell); rejects when it fails. */
export type ProcessCommandRunner = (file: string, args: readonly string[]) => Promise<void>;

export interface ProcessControlOptions {
  platform?: NodeJS.Platform;
  /** How long an ended process has to go by itself before it is killed. */
  graceMs?: number;
  /** Windows only: how taskkill is run. */
  runCommand?: ProcessCommandRunner;
  /** Sends a signal (process.kill); injectable only to prove which pids are never signalled. */
  kill?: (pid: number, signal: NodeJS.Signals | 0) => void;
  ownPids?: readonly number[];
}

const DEFAULT_GRACE_MS = 2000;
const POLL_MS = 50;

const runTaskkill: ProcessCommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 15_000, windowsHide: true }, (error) => (error ? reject(error) : resolve()));
  });

/** The taskkill arguments that end a process and every process it started. */
export const taskkillArgs = (pid: number): string[] => ['/PID', String(pid), '/T', '/F'];

export function createProcessControl(options: ProcessControlOptions = {}): ProcessControl {
  const platform = options.platform ?? process.platform;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const kill = options.kill ?? ((pid, signal) => process.kill(pid, signal));
  const protectedPids = new Set(options.ownPids ?? [process.pid, process.ppid]);
  const runCommand = options.runCommand ?? runTaskkill;

  const mayTouch = (pid: number): boolean => Number.isSafeInteger(pid) && pid > 1 && !protectedPids.has(pid);

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

  if (platform === 'win32') {
    return {
      canSuspend: false,
      suspend: async (pid) => (mayTouch(pid) ? 'not-possible' : 'refused'),
      resume: async (pid) => (mayTouch(pid) ? 'not-possible' : 'refused'),
      async end(pid) {
        if (!mayTouch(pid)) return 'refused';
        try {
          await runCommand('taskkill', taskkillArgs(pid));
          return 'done';
        } catch {
          return 'failed';
        }
      },
    };
  }

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
