// Folds the remote-access tools' log lines (toolLogFiles) into sessions: a line written now opens or ends a live session;
// a line from before (an old connection_trace.txt entry, last January's UltraViewer line, a line from before the
// tool's processes started) is history, reported as a past session, and never opens a live one.
import type { RemoteTool } from '../../../../shared/catalog';
import type { Session } from '../../../../shared/events';
import type { Catalog } from '../../catalog';
import type { Emit } from '../watcher';
import type { LogSessionChange } from './logSessionChange';
import os from 'node:os';
import { createToolLogFiles, homeLogPath } from './toolLogFiles';
import { createToolProcessCheck, type ToolProcessCheck, type ToolProcesses } from './toolProcesses';

/**
 * A line older than this when it is read is history, not a session under way. The tools write each line as it
 * happens and the logs are read every second or two, so a live line is seconds old; five minutes leaves room for a
 * PC clock a little off, a tool that flushes its log late and a busy PC, while a session from before a restart of
 * the PC, the tool or Pause Guard (minutes to months old) is not taken for one that is live now.
 */
export const LIVE_LINE_MAX_AGE_MS = 5 * 60 * 1000;

/** The part of the catalog the log sessions need. */
export type ToolLookup = Pick<Catalog, 'tools' | 'byId' | 'matchProcess'>;

export interface ToolLogSessionsOptions {
  catalog: ToolLookup;
  /** Turns a catalog path into a path on this computer, or null when this platform does not read it. */
  resolvePath(template: string): string | null;
  /** Whether a tool still runs and since when: closes a log session whose end line never came, and at start tells a
   *  line from before the tool's processes started (history) from one of a session under way. */
  toolProcesses: ToolProcessCheck;
  /** Bytes at the end of each log read at start, to find a session already under way. */
  historyBytes: number;
  /**
   * The last moment an earlier run of Pause Guard recorded (its journal's last record), or null on a first run: a
   * past session whose lines were all written by then was seen live or reported by that run, so it is not reported
   * again at every start.
   */
  reportedUntil: Date | null;
  /** Tells of a log that cannot be read, or a process list that cannot be had (each said once). */
  onProblem(kind: string, message: string): void;
  now: () => Date;
}

export interface ToolLogSessions {
  /** Reads what is new in every log; `initial` is the first pass, whose live sessions are only remembered. */
  poll(emit: Emit, initial: boolean): Promise<void>;
  /** Live sessions open now (after the first pass: the sessions already under way). */
  open(): Session[];
}

/** Who a request or detail line named, for the start that follows. */
interface Pending {
  remoteId: string | null;
  remoteAddress: string | null;
  otherRemoteIds: string[];
  /** True when it came from history: a live start never takes an ID from an old request. */
  history: boolean;
}

/** A session found in history, kept until its end line or the end of the read. */
interface PastSession {
  remoteId: string | null;
  otherRemoteIds: string[];
  since: string | null;
  /** When its latest line was written (ms). */
  writtenMs: number;
}

/** A past session as reported. */
type PastReport = PastSession & { until: string | null };

interface ToolLogState {
  open: Session | null;
  /** Opened during this poll and not yet reported: reported after every log was read, so details from another file of the same tool read later in the poll are included. */
  unannounced: boolean;
  pending: Pending;
  past: PastSession | null;
}

const NO_PENDING: Pending = { remoteId: null, remoteAddress: null, otherRemoteIds: [], history: false };

/** A second ID named for the same session (two lines disagreeing) is another candidate: never the helper's alone. */
const differentId = (kept: string | null, other: string | null): string[] => (kept !== null && other !== null && kept !== other ? [other] : []);

export function createToolLogSessions(options: ToolLogSessionsOptions): ToolLogSessions {
  const { catalog, now } = options;
  const toolStates = new Map<string, ToolLogState>();
  /** At the first pass, each tool with a log: whether it runs and since when. */
  const atStart = new Map<string, ToolProcesses>();
  let emit: Emit = () => {};
  let initialPass = false;

  function stateOf(toolId: string): ToolLogState {
    let state = toolStates.get(toolId);
    if (!state) {
      state = { open: null, unannounced: false, pending: NO_PENDING, past: null };
      toolStates.set(toolId, state);
    }
    return state;
  }

  /**
   * History: dated too long ago, or (with no date) read at the first pass from a file last written too long ago; at
   * the first pass also a line of a tool that is not running, or written before its processes started.
   */
  function isHistory(tool: RemoteTool, written: number): boolean {
    if (now().getTime() - written > LIVE_LINE_MAX_AGE_MS) return true;
    const processes = initialPass ? atStart.get(tool.id) : undefined;
    if (processes === undefined) return false;
    return !processes.running || (processes.startedAt !== null && written < Date.parse(processes.startedAt));
  }

  /** When a line was written: its own date, else (read at the first pass) its file's last change, else now. */
  function writtenTime(change: LogSessionChange, filePath: string): number {
    if (change.at !== null) return Date.parse(change.at);
    return initialPass ? (files.writtenBeforeStart(filePath) ?? now().getTime()) : now().getTime();
  }

  function reportPast(tool: RemoteTool, past: PastReport): void {
    if (options.reportedUntil !== null && past.writtenMs <= options.reportedUntil.getTime()) return;
    emit({
      type: 'session-past', toolId: tool.id, name: tool.name, remoteId: past.remoteId,
      ...(past.otherRemoteIds.length > 0 ? { otherRemoteIds: past.otherRemoteIds } : {}), since: past.since, until: past.until,
    });
  }

  function flushPast(tool: RemoteTool, state: ToolLogState, until: string | null): void {
    if (!state.past) return;
    reportPast(tool, { ...state.past, until });
    state.past = null;
  }

  /** Folds a line from before, written at `written` (ms), into the tool's past session. */
  function applyHistory(tool: RemoteTool, state: ToolLogState, change: LogSessionChange, written: number): void {
    if (change.type === 'past') {
      flushPast(tool, state, null);
      reportPast(tool, { remoteId: change.remoteId, otherRemoteIds: change.otherRemoteIds, since: change.since, until: change.until, writtenMs: written });
      return;
    }
    if (change.type === 'end') {
      if (state.past) state.past.writtenMs = Math.max(state.past.writtenMs, written);
      if (state.past) state.past.remoteId ??= change.remoteId;
      flushPast(tool, state, change.at);
      state.pending = NO_PENDING;
      return;
    }
    if (change.type === 'start') {
      flushPast(tool, state, null);
      const pending = state.pending.history ? state.pending : NO_PENDING;
      state.past = {
        remoteId: change.remoteId ?? pending.remoteId,
        otherRemoteIds: [...change.otherRemoteIds, ...(change.remoteId === null ? pending.otherRemoteIds : [])],
        since: change.at,
        writtenMs: written,
      };
      state.pending = NO_PENDING;
      return;
    }
    if (state.past) {
      state.past.remoteId ??= change.remoteId;
      state.past.writtenMs = Math.max(state.past.writtenMs, written);
      return;
    }
    state.pending = {
      remoteId: change.remoteId ?? (state.pending.history ? state.pending.remoteId : null),
      remoteAddress: change.remoteAddress,
      otherRemoteIds: change.otherRemoteIds,
      history: true,
    };
  }

  /** Folds a line written now into the tool's live session; on the first pass it is remembered, not reported. */
  function applyLive(tool: RemoteTool, state: ToolLogState, change: LogSessionChange): void {
    flushPast(tool, state, change.type === 'end' ? change.at : null);
    if (change.type === 'end' || change.type === 'past') {
      if (state.open) {
        announce(state);
        const ended = { ...state.open, remoteId: state.open.remoteId ?? change.remoteId };
        state.open = null;
        if (!initialPass) emit({ type: 'session-ended', ...ended });
      } else if (change.type === 'past') {
        // A whole session written down with no live session seen: it is over, so it is a past session.
        reportPast(tool, { remoteId: change.remoteId, otherRemoteIds: change.otherRemoteIds, since: change.since, until: change.until, writtenMs: now().getTime() });
      }
      state.pending = NO_PENDING;
      return;
    }
    if (state.open) {
      const others = [...change.otherRemoteIds, ...differentId(state.open.remoteId, change.remoteId)];
      state.open.remoteId ??= change.remoteId;
      state.open.remoteAddress ??= change.remoteAddress;
      if (others.length > 0) state.open.otherRemoteIds = [...(state.open.otherRemoteIds ?? []), ...others];
      return;
    }
    const pending = state.pending.history ? NO_PENDING : state.pending;
    const remoteId = change.remoteId ?? pending.remoteId;
    const remoteAddress = change.remoteAddress ?? pending.remoteAddress;
    const otherRemoteIds = [...pending.otherRemoteIds, ...change.otherRemoteIds, ...differentId(change.remoteId, pending.remoteId)];
    if (change.type === 'request') {
      // A new request is a new caller: only the address seen before it (AnyDesk logs it first) carries over.
      state.pending = { remoteId: change.remoteId, remoteAddress, otherRemoteIds: change.otherRemoteIds, history: false };
      return;
    }
    if (change.type === 'detail') {
      state.pending = { remoteId, remoteAddress, otherRemoteIds, history: false };
      return;
    }
    const since = now().toISOString();
    state.open = {
      key: `log:${tool.id}:${since}`, kind: 'log', toolId: tool.id, name: tool.name, pid: null, remoteAddress, remoteId,
      ...(otherRemoteIds.length > 0 ? { otherRemoteIds } : {}), since,
    };
    state.pending = NO_PENDING;
    state.unannounced = !initialPass;
  }

  function apply(tool: RemoteTool, filePath: string, change: LogSessionChange): void {
    const state = stateOf(tool.id);
    const written = writtenTime(change, filePath);
    if (isHistory(tool, written)) applyHistory(tool, state, change, written);
    else applyLive(tool, state, change);
  }

  const files = createToolLogFiles({
    catalog,
    resolvePath: options.resolvePath,
    historyBytes: options.historyBytes,
    onChange: apply,
    onProblem: options.onProblem,
  });

  function announce(state: ToolLogState): void {
    if (!state.open || !state.unannounced) return;
    state.unannounced = false;
    emit({ type: 'session-started', ...state.open, risk: 'high', initial: false });
  }

  /** The tools whose processes write a tool's logs: itself, and those its logs name (QuickSupport for TeamViewer's). */
  function writersOf(tool: RemoteTool): RemoteTool[] {
    const others = tool.sessionLogs.flatMap((log) => log.writtenAlsoBy).flatMap((id) => catalog.byId(id) ?? []);
    return [tool, ...new Set(others)];
  }

  /**
   * The processes of the tools that write a tool's logs: running while any runs, since the earliest start when every
   * running one's start is known. When they cannot be listed: running since an unknown time (nothing is closed or set aside).
   */
  async function processesOf(tool: RemoteTool): Promise<ToolProcesses> {
    try {
      const found = await Promise.all(writersOf(tool).map((writer) => options.toolProcesses(writer)));
      const running = found.filter((processes) => processes.running);
      const starts = running.map((processes) => processes.startedAt);
      const startedAt = starts.length > 0 && starts.every((start) => start !== null) ? (starts as string[]).sort()[0]! : null;
      return { running: running.length > 0, startedAt };
    } catch {
      options.onProblem('process-check', 'Pause Guard could not list running programs, so it cannot tell when a remote session has ended.');
      return { running: true, startedAt: null };
    }
  }

  /** At the first pass, each tool with a log to read: whether it runs and since when. */
  async function lookAtToolsWithLogs(): Promise<void> {
    for (const tool of files.tools()) atStart.set(tool.id, await processesOf(tool));
  }

  /** A session seen in a log stays open until its end line, or until the tool has no process left. */
  async function closeSessionsOfStoppedTools(): Promise<void> {
    for (const [toolId, state] of toolStates) {
      if (!state.open) continue;
      const tool = catalog.byId(toolId);
      if (!tool) continue;
      if (!(await processesOf(tool)).running) applyLive(tool, state, { type: 'end', at: null, remoteId: null });
    }
  }

  return {
    async poll(emitTo, initial) {
      emit = emitTo;
      await files.findNew(initial);
      if (initial) await lookAtToolsWithLogs();
      initialPass = initial;
      try {
        await files.read();
        for (const [toolId, state] of toolStates) {
          const tool = catalog.byId(toolId);
          if (tool) flushPast(tool, state, null);
          announce(state);
        }
        await closeSessionsOfStoppedTools();
      } finally {
        initialPass = false;
      }
    },
    open: () => [...toolStates.values()].flatMap((state) => (state.open ? [state.open] : [])),
  };
}

/** The tools' logs in the person's home folder (Linux and macOS), each kind of problem told once, in `tell`'s words. */
export function createHomeToolLogSessions(options: {
  catalog: ToolLookup;
  home?: string;
  toolProcesses?: ToolProcessCheck;
  pastReportedUntil?: Date | null;
  tell: (message: string) => void;
  now: () => Date;
}): ToolLogSessions {
  const problemsSaid = new Set<string>();
  return createToolLogSessions({
    catalog: options.catalog,
    resolvePath: homeLogPath(options.home ?? os.homedir()),
    toolProcesses: options.toolProcesses ?? createToolProcessCheck(options.catalog),
    historyBytes: 256 * 1024,
    reportedUntil: options.pastReportedUntil ?? null,
    onProblem(kind, message) {
      if (problemsSaid.has(kind)) return;
      problemsSaid.add(kind);
      options.tell(message);
    },
    now: options.now,
  });
}
