// Watches for people connected into a Windows PC: Remote Desktop sessions and inbound connections through Win32
// (windowsConnections.ts), and TeamViewer, AnyDesk, UltraViewer and RustDesk sessions from their own logs
// (toolLogSessions). Process-based signs
// (TeamViewer_Desktop.exe, ScreenConnect.WindowsClient.exe, QuickAssist.exe) belong to the process watcher, not here.
import path from 'node:path';
import type { Emit, Watcher } from '../watcher';
import { createToolLogSessions, type ToolLookup } from './toolLogSessions';
import { createToolProcessCheck, type ToolProcessCheck } from './toolProcesses';
import { createWindowsConnections, type WindowsConnectionsOptions } from './windowsConnections';

export interface WindowsSessionWatcherOptions {
  catalog: ToolLookup & Pick<WindowsConnectionsOptions['catalog'], 'toolForPort'>;
  /** Environment for %VAR% in log paths (default process.env). */
  env?: Record<string, string | undefined>;
  /** The WTS and TCP table calls and the reader of a socket owner (default: through koffi). */
  win32?: Pick<WindowsConnectionsOptions, 'wts' | 'tcpTables' | 'describeProcess'>;
  /** Whether a tool still runs and since when, for its log sessions (default: the platform's process source). */
  toolProcesses?: ToolProcessCheck;
  /** How often sessions, connections and logs are read, in milliseconds (default 2000). */
  pollMs?: number;
  /** Catalog id of Windows Remote Desktop (default 'windows-remote-desktop'). */
  rdpToolId?: string;
  /** Bytes at the end of each log read at start, to find a session already under way (default 256 KiB). */
  historyBytes?: number;
  /** The last moment an earlier run recorded (its journal's last record): past sessions written by then are not reported again (default null: all are). */
  pastReportedUntil?: Date | null;
  now?: () => Date;
}

/** Expands %NAME% from the environment, case-insensitively as Windows does; null when a variable is not set. */
export function expandWindowsPath(template: string, env: Record<string, string | undefined>): string | null {
  const lowerEnv = new Map(Object.entries(env).map(([key, value]) => [key.toLowerCase(), value]));
  let missing = false;
  const expanded = template.replace(/%([^%]+)%/g, (_whole, name: string) => {
    const value = lowerEnv.get(name.toLowerCase());
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? null : expanded;
}

export function createWindowsSessionWatcher(options: WindowsSessionWatcherOptions): Watcher {
  const env = options.env ?? process.env;
  const pollMs = options.pollMs ?? 2000;
  const now = options.now ?? (() => new Date());
  const connections = createWindowsConnections({ catalog: options.catalog, rdpToolId: options.rdpToolId ?? 'windows-remote-desktop', now, ...options.win32 });
  const failuresSaid = new Set<string>();
  let emit: Emit = () => {};
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let stopped = false;

  function failOnce(kind: string, message: string): void {
    if (failuresSaid.has(kind)) return;
    failuresSaid.add(kind);
    emit({ type: 'watcher-failed', watcher: 'sessions', message });
  }

  const logs = createToolLogSessions({
    catalog: options.catalog,
    resolvePath(template) {
      // Paths starting with ~ are the tool's Linux and macOS logs, not read here.
      if (template.startsWith('~')) return null;
      const windowsPath = expandWindowsPath(template, env);
      // Elsewhere than Windows (the tests) the same paths are read with forward slashes.
      return windowsPath !== null && path.sep === '/' ? windowsPath.replace(/\\/g, '/') : windowsPath;
    },
    toolProcesses: options.toolProcesses ?? createToolProcessCheck(options.catalog),
    historyBytes: options.historyBytes ?? 256 * 1024,
    reportedUntil: options.pastReportedUntil ?? null,
    onProblem: failOnce,
    now,
  });

  async function tick(initial: boolean): Promise<void> {
    await connections.poll(emit, initial, failOnce);
    await logs.poll(emit, initial);
  }

  return {
    name: 'sessions',
    async start(emitTo) {
      emit = emitTo;
      stopped = false;
      await tick(true);
      // Sessions found in the logs' recent history are reported once, as already there.
      for (const session of logs.open()) emit({ type: 'session-started', ...session, risk: 'high', initial: true });
      timer = setInterval(() => {
        if (ticking || stopped) return;
        ticking = tick(false)
          .catch((error: unknown) => failOnce('tick', `The session watcher hit an unexpected problem: ${String(error)}`))
          .finally(() => {
            ticking = null;
          });
      }, pollMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
}
