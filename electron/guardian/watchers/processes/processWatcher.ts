// Watches running programs: diffs the source's list each tick and reports catalog tools (and tool processes that
// mean someone is connected in) as they start and stop. Never throws after start; never overlaps two ticks.
import type { DetectionEvent } from '../../../../shared/events';
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import type { Emit, Watcher } from '../watcher';
import type { ProcessSource, RunningProcess } from './processSource';

export const PROCESS_WATCHER_NAME = 'processes';
/** Chosen from `npm run bench`: p95 spawn-to-report about 470 ms (budget 600) at about half the idle CPU of 250 ms. */
export const DEFAULT_PROCESS_INTERVAL_MS = 500;

export interface ProcessWatcherOptions {
  readonly source: ProcessSource;
  readonly catalog: Catalog;
  readonly intervalMs?: number;
}

/** A catalog tool seen running, remembered until its process goes. */
interface Sighting {
  readonly tool: RemoteTool;
  readonly process: RunningProcess;
  /** Set when this process means a live incoming session. */
  readonly session: { readonly key: string; readonly since: string } | null;
}

/** Same PID, same start, same program: one process. A reused PID or an exec() into another program is a new one. */
function identity(p: RunningProcess): string {
  return `${p.pid}\0${p.start}\0${p.exe ?? ''}\0${p.name}`;
}

/** What the watcher remembers of a process: its sighting when it is a tool, and the pass that last saw it. */
interface Known {
  /** Set again when a newer catalog names a process already running (see catalogVersion in pass()). */
  sighting: Sighting | null;
  seenInPass: number;
}

export function createProcessWatcher(options: ProcessWatcherOptions): Watcher {
  const { source, catalog } = options;
  const intervalMs = options.intervalMs ?? DEFAULT_PROCESS_INTERVAL_MS;
  /** Every process seen on the last good pass, kept in place from pass to pass (a busy machine lists hundreds). */
  let known = new Map<string, Known>();
  /** Identities of the process objects a source hands back again unchanged (the /proc source does). */
  let identities = new WeakMap<RunningProcess, string>();
  let passNumber = 0;
  /** The list the last good pass diffed: a source hands the same one back when nothing changed. */
  let lastList: RunningProcess[] | null = null;
  let firstGoodPass = true;
  /** The catalog version the known processes were matched against: a newer one (updated while running) matches them again. */
  let matchedWith = catalog.version;
  let failing = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;

  function started(sighting: Sighting, initial: boolean): DetectionEvent[] {
    const { tool, process: p, session } = sighting;
    const events: DetectionEvent[] = [
      { type: 'tool-started', toolId: tool.id, name: tool.name, tier: tool.tier, pid: p.pid, exe: p.exe, initial },
    ];
    if (session) events.push({ type: 'session-started', ...sessionFields(sighting, session), risk: 'high', initial });
    return events;
  }

  function stopped(sighting: Sighting): DetectionEvent[] {
    const { tool, process: p, session } = sighting;
    const events: DetectionEvent[] = [];
    if (session) events.push({ type: 'session-ended', ...sessionFields(sighting, session) });
    events.push({ type: 'tool-stopped', toolId: tool.id, name: tool.name, tier: tool.tier, pid: p.pid, exe: p.exe });
    return events;
  }

  function sight(p: RunningProcess): Sighting | null {
    const tool = catalog.matchProcess(p);
    if (!tool) return null;
    const session = catalog.isSessionProcess(tool, p)
      ? { key: `process:${p.pid}:${p.start}`, since: p.startedAt ?? new Date().toISOString() }
      : null;
    return { tool, process: p, session };
  }

  async function pass(emit: Emit): Promise<void> {
    let list: RunningProcess[];
    try {
      list = await source.list();
    } catch (error) {
      if (!failing && running) {
        failing = true;
        const reason = error instanceof Error ? error.message : String(error);
        emit({
          type: 'watcher-failed',
          watcher: PROCESS_WATCHER_NAME,
          message: `Pause Guard cannot see which programs are running (${reason}), so a remote-control program starting would not be noticed.`,
        });
      }
      return;
    }
    if (!running) return;
    if (failing) {
      failing = false;
      emit({ type: 'watcher-recovered', watcher: PROCESS_WATCHER_NAME });
    }
    const newCatalog = catalog.version !== matchedWith;
    matchedWith = catalog.version;
    if (list === lastList && !newCatalog) return;
    lastList = list;
    const initial = firstGoodPass;
    firstGoodPass = false;
    const thisPass = ++passNumber;
    const starts: DetectionEvent[] = [];
    for (const p of list) {
      let id = identities.get(p);
      if (id === undefined) {
        id = identity(p);
        identities.set(p, id);
      }
      const seen = known.get(id);
      if (seen) {
        seen.seenInPass = thisPass;
        if (newCatalog && seen.sighting === null) {
          // A program already running that the newer catalog names: reported now, as if it had just started.
          seen.sighting = sight(p);
          if (seen.sighting) starts.push(...started(seen.sighting, false));
        }
        continue;
      }
      const sighting = sight(p);
      if (sighting) starts.push(...started(sighting, initial));
      known.set(id, { sighting, seenInPass: thisPass });
    }
    // What ended is told before what began, so a reused PID reads as one process going and another coming.
    const events: DetectionEvent[] = [];
    for (const [id, seen] of known) {
      if (seen.seenInPass === thisPass) continue;
      known.delete(id);
      if (seen.sighting) events.push(...stopped(seen.sighting));
    }
    events.push(...starts);
    for (const event of events) emit(event);
  }

  function schedule(emit: Emit): void {
    // Deliberately not unref()'d: a running watcher is the program's work; stop() is what ends it.
    timer = setTimeout(() => {
      timer = null;
      inFlight = pass(emit).finally(() => {
        inFlight = null;
        if (running) schedule(emit);
      });
    }, intervalMs);
  }

  return {
    name: PROCESS_WATCHER_NAME,
    async start(emit) {
      if (running) return;
      running = true;
      known = new Map();
      identities = new WeakMap();
      lastList = null;
      firstGoodPass = true;
      failing = false;
      inFlight = pass(emit).finally(() => {
        inFlight = null;
      });
      await inFlight;
      if (running) schedule(emit);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}

function sessionFields(sighting: Sighting, session: { key: string; since: string }) {
  return {
    key: session.key,
    kind: 'process' as const,
    toolId: sighting.tool.id,
    name: sighting.tool.name,
    pid: sighting.process.pid,
    remoteAddress: null,
    remoteId: null,
    since: session.since,
  };
}
