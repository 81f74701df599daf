// Watches for people connected into a Windows PC: Remote Desktop sessions and inbound connections through Win32
// (windowsConnections.ts), and TeamViewer, AnyDesk and UltraViewer sessions from their own logs, tailed by offset.
// Process-based signs (TeamViewer_Desktop.exe, ScreenConnect.WindowsClient.exe, QuickAssist.exe) belong to the
// process watcher, not here.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import type { Session } from '../../../../shared/events';
import type { Emit, Watcher } from '../watcher';
import { readAnyDeskConnectionTraceLine, readAnyDeskTraceLine } from './anyDeskTrace';
import type { LogLineReader, LogSessionChange } from './logSessionChange';
import { createLogTailer, type LogTailer } from './logTailer';
import { readTeamViewerIncomingLine } from './teamViewerIncoming';
import { createTeamViewerLogReader } from './teamViewerLog';
import { createToolRunningCheck, type ToolRunningCheck } from './toolProcesses';
import { readUltraViewerLine } from './ultraViewerLog';
import { createWindowsConnections, type WindowsConnectionsOptions } from './windowsConnections';

/** The part of the catalog this watcher needs. */
export type ToolLookup = Pick<Catalog, 'tools' | 'byId' | 'matchProcess' | 'toolForPort'>;

type LogFormat = RemoteTool['sessionLogs'][number]['format'];

const READERS: Partial<Record<LogFormat, () => LogLineReader>> = {
  'teamviewer-incoming': () => readTeamViewerIncomingLine,
  'teamviewer-log': createTeamViewerLogReader,
  'anydesk-connection-trace': () => readAnyDeskConnectionTraceLine,
  'anydesk-trace': () => readAnyDeskTraceLine,
  ultraviewer: () => readUltraViewerLine,
};

export interface WindowsSessionWatcherOptions {
  catalog: ToolLookup;
  /** Environment for %VAR% in log paths (default process.env). */
  env?: Record<string, string | undefined>;
  /** The WTS and TCP table calls and the reader of a socket owner (default: through koffi). */
  win32?: Pick<WindowsConnectionsOptions, 'wts' | 'tcpTables' | 'describeProcess'>;
  /** Whether a tool still has a process; closes a log session whose end line never came (default: the process source). */
  isToolRunning?: ToolRunningCheck;
  /** How often sessions, connections and logs are read, in milliseconds (default 2000). */
  pollMs?: number;
  /** Catalog id of Windows Remote Desktop (default 'windows-remote-desktop'). */
  rdpToolId?: string;
  /** Bytes at the end of each log read at start, to find a session already under way (default 256 KiB). */
  historyBytes?: number;
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

function wildcardName(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

interface LogSource {
  tool: RemoteTool;
  format: LogFormat;
  /** A path, or a folder and a file-name pattern (TeamViewer*_Logfile.log). */
  template: string;
}

interface ToolLogState {
  open: Session | null;
  /** Opened during this poll and not yet reported: reported after every log was read, so details from another file of the same tool read later in the poll are included. */
  unannounced: boolean;
  /** What a request or detail line said before the session started. */
  pending: { remoteId: string | null; remoteAddress: string | null };
}

export function createWindowsSessionWatcher(options: WindowsSessionWatcherOptions): Watcher {
  const env = options.env ?? process.env;
  const isToolRunning = options.isToolRunning ?? createToolRunningCheck(options.catalog);
  const pollMs = options.pollMs ?? 2000;
  const historyBytes = options.historyBytes ?? 256 * 1024;
  const now = options.now ?? (() => new Date());
  const connections = createWindowsConnections({ catalog: options.catalog, rdpToolId: options.rdpToolId ?? 'windows-remote-desktop', now, ...options.win32 });
  const tailers = new Map<string, { tailer: LogTailer; source: LogSource; reader: LogLineReader }>();
  const toolStates = new Map<string, ToolLogState>();
  const failuresSaid = new Set<string>();
  let emit: Emit = () => {};
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let stopped = false;
  /** True while the first pass reads the logs' recent history: changes then update state without emitting. */
  let readingHistory = false;

  const sources: LogSource[] = options.catalog.tools.flatMap((tool) => {
    // Paths starting with ~ are the tool's Linux and macOS logs, not read here.
    return tool.sessionLogs
      .filter((log) => READERS[log.format])
      .flatMap((log) => log.paths.filter((template) => !template.startsWith('~')).map((template) => ({ tool, format: log.format, template })));
  });

  function failOnce(kind: string, message: string): void {
    if (failuresSaid.has(kind)) return;
    failuresSaid.add(kind);
    emit({ type: 'watcher-failed', watcher: 'sessions', message });
  }

  function stateOf(toolId: string): ToolLogState {
    let state = toolStates.get(toolId);
    if (!state) {
      state = { open: null, unannounced: false, pending: { remoteId: null, remoteAddress: null } };
      toolStates.set(toolId, state);
    }
    return state;
  }

  /** Folds one change into the tool's session; `live` false (history, first pass) updates state without reporting. */
  function apply(tool: RemoteTool, change: LogSessionChange, live: boolean): void {
    const state = stateOf(tool.id);
    if (change.type === 'end') {
      if (state.open) {
        announce(state);
        const ended = { ...state.open, remoteId: state.open.remoteId ?? change.remoteId };
        state.open = null;
        if (live) emit({ type: 'session-ended', ...ended });
      }
      state.pending = { remoteId: null, remoteAddress: null };
      return;
    }
    if (state.open) {
      state.open.remoteId ??= change.remoteId;
      state.open.remoteAddress ??= change.remoteAddress;
      return;
    }
    const remoteId = change.remoteId ?? state.pending.remoteId;
    const remoteAddress = change.remoteAddress ?? state.pending.remoteAddress;
    if (change.type !== 'start') {
      state.pending = { remoteId, remoteAddress };
      return;
    }
    const since = now().toISOString();
    state.open = { key: `log:${tool.id}:${since}`, kind: 'log', toolId: tool.id, name: tool.name, pid: null, remoteAddress, remoteId, since };
    state.pending = { remoteId: null, remoteAddress: null };
    state.unannounced = live;
  }

  function announce(state: ToolLogState): void {
    if (!state.open || !state.unannounced) return;
    state.unannounced = false;
    emit({ type: 'session-started', ...state.open, risk: 'high', initial: false });
  }

  async function resolvePaths(source: LogSource): Promise<string[]> {
    const windowsPath = expandWindowsPath(source.template, env);
    if (!windowsPath) return [];
    // Elsewhere than Windows (the tests) the same paths are read with forward slashes.
    const expanded = path.sep === '/' ? windowsPath.replace(/\\/g, '/') : windowsPath;
    const dir = path.dirname(expanded);
    const base = path.basename(expanded);
    if (!/[*?]/.test(base)) return [expanded];
    try {
      const pattern = wildcardName(base);
      const names = await fs.readdir(dir);
      return names.filter((name) => pattern.test(name)).map((name) => path.join(dir, name));
    } catch {
      return []; // the folder is not there: the tool is not installed
    }
  }

  async function followNewFiles(initial: boolean): Promise<void> {
    for (const source of sources) {
      for (const filePath of await resolvePaths(source)) {
        if (tailers.has(filePath)) continue;
        const reader = READERS[source.format]!();
        const entry = {
          source,
          reader,
          tailer: createLogTailer({
            path: filePath,
            // A log that appears after start-up (a matching file created later) is new from its first byte.
            fromStart: !initial,
            historyBytes,
            onLines: (lines) => {
              for (const line of lines) {
                const change = entry.reader(line);
                if (change) apply(source.tool, change, !readingHistory);
              }
            },
            onProblem: (message) => failOnce(`log:${filePath}`, message),
          }),
        };
        tailers.set(filePath, entry);
      }
    }
  }

  async function readLogs(initial: boolean): Promise<void> {
    await followNewFiles(initial);
    readingHistory = initial;
    try {
      for (const { tailer } of tailers.values()) await tailer.poll();
    } finally {
      readingHistory = false;
    }
    for (const state of toolStates.values()) announce(state);
  }

  /** A session seen in a log stays open until its end line, or until the tool has no process left. */
  async function closeSessionsOfStoppedTools(live: boolean): Promise<void> {
    for (const [toolId, state] of toolStates) {
      if (!state.open) continue;
      const tool = options.catalog.byId(toolId);
      if (!tool) continue;
      let running = true;
      try {
        running = await isToolRunning(tool);
      } catch {
        failOnce('process-check', 'Pause Guard could not list running programs, so it cannot tell when a remote session has ended.');
      }
      if (!running) apply(tool, { type: 'end', remoteId: null }, live);
    }
  }

  async function tick(initial: boolean): Promise<void> {
    await connections.poll(emit, initial, failOnce);
    await readLogs(initial);
    await closeSessionsOfStoppedTools(!initial);
  }

  return {
    name: 'sessions',
    async start(emitTo) {
      emit = emitTo;
      stopped = false;
      await tick(true);
      // Sessions found in the logs' recent history are reported once, as already there.
      for (const state of toolStates.values()) {
        if (state.open) emit({ type: 'session-started', ...state.open, risk: 'high', initial: true });
      }
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
