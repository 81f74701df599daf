// Watches Linux for someone connected in from another machine: inbound sessions in /proc/net/tcp and tcp6, read only
// when the kernel's TCP counters say a connection came or went (or while a session is live), since each read costs ~1 ms;
// and the remote-access tools' own logs under the home folder (AnyDesk's ~/.anydesk/anydesk.trace, RustDesk's logs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, ProcessInfo } from '../../catalog';
import { createProcReadBuffer, readProcFiles } from '../processes/procFiles';
import type { Emit, Watcher } from '../watcher';
import { findInboundConnections, identifyInboundSession, type ConnectionOwner, type InboundConnection } from './inboundConnections';
import { createPolledSessions, type SeenSession } from './polledSessions';
import { parseProcNetTcp, parseTcpCounters, type TcpCounters, type TcpSocketEntry } from './procNetTcp';
import { createSocketOwnerIndex } from './socketOwners';
import { createHomeToolLogSessions } from './toolLogSessions';
import type { ToolProcessCheck } from './toolProcesses';

export interface LinuxSessionWatcherOptions {
  catalog: Catalog;
  /** How often the TCP counters are checked (about 0.1 ms); the socket tables are read only when they moved. */
  intervalMs?: number;
  /** Where proc is mounted; tests point it at a folder of fixtures. */
  procRoot?: string;
  /** The home folder whose tool logs are read (default: the person's own). */
  home?: string;
  /** Whether a tool still runs and since when, for its log sessions (default: the platform's process source). */
  toolProcesses?: ToolProcessCheck;
  /** The last moment an earlier run recorded (its journal's last record): past sessions written by then are not reported again (default null: all are). */
  pastReportedUntil?: Date | null;
}

const WATCHER_NAME = 'sessions';

/** What the catalog needs to name the program behind a socket; null when the process is gone or unreadable. */
function readProcessInfo(procRoot: string, pid: number, buffer: Buffer): ProcessInfo | null {
  const files = readProcFiles(procRoot, pid, buffer);
  if (files.kind !== 'read') return null;
  return { pid, ppid: files.stat.ppid, name: files.stat.comm, exe: files.exe, cmdline: files.args || null };
}

export function createLinuxSessionWatcher(opts: LinuxSessionWatcherOptions): Watcher {
  const procRoot = opts.procRoot ?? '/proc';
  const intervalMs = opts.intervalMs ?? 1000;
  const owners = createSocketOwnerIndex(procRoot);
  /** For reading the program behind a socket, one process at a time. */
  const buffer = createProcReadBuffer();
  const sessions = createPolledSessions(() => new Date());
  /** What each inbound connection still open turned out to be: a session, or null for one that is not. */
  const verdicts = new Map<string, SeenSession | null>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let failing = false;
  /** The counters when the tables were last read. */
  let seenCounters: TcpCounters | null = null;
  let emitProblem: Emit = () => {};
  const logs = createHomeToolLogSessions({
    catalog: opts.catalog, home: opts.home, toolProcesses: opts.toolProcesses, pastReportedUntil: opts.pastReportedUntil,
    tell: (message) => emitProblem({ type: 'watcher-failed', watcher: WATCHER_NAME, message }),
    now: () => new Date(),
  });

  /** Null when unreadable: the tables are then read every time. */
  function readTcpCounters(): TcpCounters | null {
    try {
      return parseTcpCounters(readFileSync(join(procRoot, 'net', 'snmp'), 'latin1'));
    } catch {
      return null;
    }
  }

  /** Both tables; tcp6 is absent when IPv6 is switched off, and only both missing means connections cannot be seen. */
  function readTables(): TcpSocketEntry[] | null {
    const tables = ['tcp', 'tcp6'].flatMap((name) => {
      try {
        return [readFileSync(join(procRoot, 'net', name), 'latin1')];
      } catch {
        return [];
      }
    });
    return tables.length > 0 ? tables.flatMap(parseProcNetTcp) : null;
  }

  /** Nothing came in or ended since the last read of the tables, and no session is live whose end must be seen. */
  function nothingMoved(counters: TcpCounters | null): boolean {
    return (
      counters !== null &&
      seenCounters !== null &&
      sessions.open.size === 0 &&
      counters.passiveOpens === seenCounters.passiveOpens &&
      counters.currentlyEstablished === seenCounters.currentlyEstablished
    );
  }

  /** The program serving a connection is the one holding the socket it was accepted on. */
  function ownerOf(connection: InboundConnection, pids: Map<number, number | null>): ConnectionOwner | null {
    const pid = pids.get(connection.listener.inode) ?? null;
    if (pid === null) return null;
    const info = readProcessInfo(procRoot, pid, buffer);
    return { pid, tool: info ? opts.catalog.matchProcess(info) : null };
  }

  /** A connection's session, or null when it is not one; decided once per connection. */
  function judge(connection: InboundConnection, pids: Map<number, number | null>): SeenSession | null {
    const owner = ownerOf(connection, pids);
    const identity = identifyInboundSession(connection.localPort, owner, opts.catalog);
    if (!identity) return null;
    return {
      key: connection.key,
      kind: 'tcp',
      ...identity,
      pid: owner?.pid ?? null,
      remoteAddress: connection.remoteAddress,
      remoteId: null,
    };
  }

  async function poll(emit: Emit, initial: boolean): Promise<void> {
    emitProblem = emit;
    await logs.poll(emit, initial);
    const counters = readTcpCounters();
    if (nothingMoved(counters)) return;
    const entries = readTables();
    seenCounters = entries ? counters : null;
    if (!entries) {
      if (!failing) {
        failing = true;
        emit({ type: 'watcher-failed', watcher: WATCHER_NAME, message: 'Cannot read the list of network connections, so someone connecting in would not be noticed.' });
      }
      return;
    }
    if (failing) {
      failing = false;
      emit({ type: 'watcher-recovered', watcher: WATCHER_NAME });
    }
    const inbound = findInboundConnections(entries);
    const unjudged = inbound.filter((c) => !verdicts.has(c.key));
    if (unjudged.length > 0) {
      const pids = await owners.ownersOf(unjudged.map((c) => c.listener.inode));
      for (const connection of unjudged) verdicts.set(connection.key, judge(connection, pids));
    }
    const present = new Set(inbound.map((c) => c.key));
    for (const key of verdicts.keys()) if (!present.has(key)) verdicts.delete(key);
    sessions.update(inbound.flatMap((c) => verdicts.get(c.key) ?? []), emit, initial);
    owners.retainOnly(new Set(entries.map((e) => e.inode)));
  }

  function schedule(emit: Emit): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = poll(emit, false)
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          emit({ type: 'watcher-failed', watcher: WATCHER_NAME, message: `Checking for incoming connections failed: ${reason}.` });
        })
        .finally(() => {
          running = null;
          schedule(emit);
        });
    }, intervalMs);
  }

  return {
    name: WATCHER_NAME,
    async start(emit) {
      stopped = false;
      await poll(emit, true);
      // Sessions found in the logs' recent history are reported once, as already there.
      for (const session of logs.open()) emit({ type: 'session-started', ...session, risk: 'high', initial: true });
      schedule(emit);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
