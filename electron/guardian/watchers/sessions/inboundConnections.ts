// Pure rules for incoming sessions: which TCP connections came in from another machine, and what remote tool they are.
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import { isLoopbackAddress } from './loopback';
import { TCP_ESTABLISHED, TCP_LISTEN, type TcpSocketEntry } from './procNetTcp';

/** What the inbound rules need of a socket, whichever table it came from: addresses, ports, state (TCP_* numbering). */
export type TcpEndpoints = Pick<TcpSocketEntry, 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort' | 'state'>;

/** An established connection another machine opened to a port listening here. */
export interface InboundConnection<Socket extends TcpEndpoints = TcpSocketEntry> {
  /** Stable while the connection lasts: `tcp:<localPort>:<peer>:<peerPort>`. */
  key: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** The listening socket it came in on: its owner is the program serving the connection. */
  listener: Socket;
}

/** What the program serving a connection turned out to be: a catalog tool, or some other known process. */
export interface ConnectionOwner {
  pid: number;
  tool: RemoteTool | null;
}

export interface SessionIdentity {
  toolId: string | null;
  name: string;
}

const VNC_PORTS = { first: 5900, last: 5909 };
const RDP_PORT = 3389;

function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/**
 * Established connections whose local port is listening here (so they came in, not went out), whose peer is not
 * loopback, and whose peer is not this machine itself (the other end of the connection is not in the same table).
 */
export function findInboundConnections<Socket extends TcpEndpoints>(entries: readonly Socket[]): InboundConnection<Socket>[] {
  const listenersByPort = new Map<number, Socket[]>();
  for (const entry of entries) {
    if (entry.state === TCP_LISTEN) listenersByPort.set(entry.localPort, [...(listenersByPort.get(entry.localPort) ?? []), entry]);
  }
  const established = entries.filter((e) => e.state === TCP_ESTABLISHED);
  const localEnds = new Set(established.map((e) => endpoint(e.localAddress, e.localPort)));
  const inbound: InboundConnection<Socket>[] = [];
  for (const connection of established) {
    if (isLoopbackAddress(connection.remoteAddress)) continue;
    if (localEnds.has(endpoint(connection.remoteAddress, connection.remotePort))) continue;
    const listener = listenerFor(listenersByPort.get(connection.localPort) ?? [], connection);
    if (!listener) continue;
    inbound.push({
      key: `tcp:${connection.localPort}:${connection.remoteAddress}:${connection.remotePort}`,
      localPort: connection.localPort,
      remoteAddress: connection.remoteAddress,
      remotePort: connection.remotePort,
      listener,
    });
  }
  return inbound;
}

const isIpv6 = (address: string): boolean => address.includes(':');

/**
 * The listening socket a connection came in on: one on its very address, else one on all addresses of its own family
 * (Windows lists 0.0.0.0:port and [::]:port apart, often owned by different programs), else a dual-stack [::] one.
 */
function listenerFor<Socket extends TcpEndpoints>(listeners: readonly Socket[], connection: TcpEndpoints): Socket | undefined {
  return (
    listeners.find((l) => l.localAddress === connection.localAddress) ??
    listeners.find((l) => isWildcardAddress(l.localAddress) && isIpv6(l.localAddress) === isIpv6(connection.localAddress)) ??
    listeners.find((l) => l.localAddress === '::')
  );
}

function endpoint(address: string, port: number): string {
  return `${address}|${port}`;
}

/**
 * Names the session an inbound connection is, or null when it is none: a catalog tool serving it is named;
 * a VNC or RDP port is a remote desktop whoever serves it; another catalog tool's port counts only while the
 * program serving it is unknown (a known program that is not a remote tool is not one because of its port).
 */
export function identifyInboundSession(
  localPort: number,
  owner: ConnectionOwner | null,
  catalog: Pick<Catalog, 'toolForPort'>,
): SessionIdentity | null {
  if (owner?.tool) return { toolId: owner.tool.id, name: owner.tool.name };
  if (localPort >= VNC_PORTS.first && localPort <= VNC_PORTS.last) return { toolId: null, name: 'Remote desktop (VNC)' };
  if (localPort === RDP_PORT) return { toolId: null, name: 'Remote Desktop (RDP)' };
  if (owner) return null;
  const tool = catalog.toolForPort(localPort);
  return tool ? { toolId: tool.id, name: tool.name } : null;
}
