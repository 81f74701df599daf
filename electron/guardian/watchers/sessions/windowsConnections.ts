// Who is connected into a Windows PC over the network: Remote Desktop sessions from the WTS API, and inbound TCP
// connections from GetExtendedTcpTable, each named by the program that owns its listening socket. Turns each snapshot
// into session-started / session-ended; a reader that fails is said once, through the caller, and never throws.
import type { Catalog, ProcessInfo } from '../../catalog';
import { loadTcpTableApi, type TcpTableApi } from '../../win32/tcpTableApi';
import { loadWtsApi, type WtsApi } from '../../win32/wtsApi';
import { readWin32ProcessInfo } from '../processes/win32ProcessSource';
import type { Emit } from '../watcher';
import { findInboundConnections, identifyInboundSession } from './inboundConnections';
import { createPolledSessions, type SeenSession } from './polledSessions';
import { parseTcpTable, type OwnedTcpSocket } from './win32TcpTable';
import { readWtsSessions, remoteDesktopSessions } from './wtsSessions';

export interface WindowsConnectionsOptions {
  catalog: Pick<Catalog, 'byId' | 'matchProcess' | 'toolForPort'>;
  /** Catalog id of Windows Remote Desktop. */
  rdpToolId: string;
  now: () => Date;
  /** The WTS calls (default: through koffi). */
  wts?: () => Promise<WtsApi>;
  /** The TCP table call (default: through koffi). */
  tcpTables?: () => Promise<TcpTableApi>;
  /** What the program with this pid is, or null when it cannot be read (default: its image path through Win32). */
  describeProcess?: (pid: number) => Promise<ProcessInfo | null>;
}

export interface WindowsConnections {
  /** Reads both; `fail` is told (kind, plain sentence) about a reader that could not read. */
  poll(emit: Emit, initial: boolean, fail: (kind: string, message: string) => void): Promise<void>;
}

/** Remote Desktop's own port: its sessions are read from the WTS API, with the client's name and address. */
const RDP_PORT = 3389;

export function createWindowsConnections(options: WindowsConnectionsOptions): WindowsConnections {
  const { catalog } = options;
  const loadWts = options.wts ?? loadWtsApi;
  const loadTables = options.tcpTables ?? loadTcpTableApi;
  const describeProcess = options.describeProcess ?? ((pid: number) => readWin32ProcessInfo(pid));
  const rdpTool = catalog.byId(options.rdpToolId);
  const rdp = createPolledSessions(options.now);
  const tcp = createPolledSessions(options.now);
  /** What each inbound connection still open turned out to be: a session, or null for one that is not. */
  const verdicts = new Map<string, SeenSession | null>();

  async function pollRdp(emit: Emit, initial: boolean, fail: (kind: string, message: string) => void): Promise<void> {
    let live;
    try {
      live = remoteDesktopSessions(readWtsSessions(await loadWts()));
    } catch {
      fail('wts', 'Pause Guard could not list Windows sessions, so Remote Desktop connections cannot be seen.');
      return;
    }
    const seen = live.map((session) => ({
      // A different user in the same session is a different session.
      key: `rdp:${session.id}:${session.stationName.toLowerCase()}:${session.userName.toLowerCase()}`,
      kind: 'rdp' as const,
      toolId: rdpTool?.id ?? null,
      name: rdpTool?.name ?? 'Windows Remote Desktop',
      pid: null,
      remoteAddress: session.clientAddress,
      remoteId: null,
    }));
    rdp.update(seen, emit, initial);
  }

  /** A connection's session, or null when it is not one; pid 0 means Windows did not say who owns the socket. */
  async function judge(localPort: number, remoteAddress: string, key: string, listener: OwnedTcpSocket): Promise<SeenSession | null> {
    const pid = listener.ownerPid > 0 ? listener.ownerPid : null;
    const info = pid === null ? null : await describeProcess(pid).catch(() => null);
    const owner = pid === null ? null : { pid, tool: info ? catalog.matchProcess(info) : null };
    const identity = identifyInboundSession(localPort, owner, catalog);
    return identity ? { key, kind: 'tcp', ...identity, pid, remoteAddress, remoteId: null } : null;
  }

  async function pollTcp(emit: Emit, initial: boolean, fail: (kind: string, message: string) => void): Promise<void> {
    let sockets: OwnedTcpSocket[];
    try {
      const api = await loadTables();
      sockets = [...parseTcpTable(api.readTable('ipv4'), 'ipv4'), ...parseTcpTable(api.readTable('ipv6'), 'ipv6')];
    } catch {
      fail('tcp', 'Pause Guard could not read the list of network connections, so someone connecting in would not be noticed.');
      return;
    }
    const inbound = findInboundConnections(sockets).filter((c) => c.localPort !== RDP_PORT);
    for (const c of inbound) {
      if (!verdicts.has(c.key)) verdicts.set(c.key, await judge(c.localPort, c.remoteAddress, c.key, c.listener));
    }
    const present = new Set(inbound.map((c) => c.key));
    for (const key of verdicts.keys()) if (!present.has(key)) verdicts.delete(key);
    tcp.update(inbound.flatMap((c) => verdicts.get(c.key) ?? []), emit, initial);
  }

  return {
    async poll(emit, initial, fail) {
      await pollRdp(emit, initial, fail);
      await pollTcp(emit, initial, fail);
    },
  };
}

