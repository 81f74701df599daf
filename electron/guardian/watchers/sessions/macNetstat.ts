// Parses macOS `netstat -anv -p tcp` (or plain `netstat -an`) output and picks established inbound connections to
// Screen Sharing (5900) and Remote Management (3283, 5988) from peers that are not this Mac.
import { isLoopbackAddress } from './loopback';

export interface MacTcpConnection {
  proto: string;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number | null;
  state: string;
  /** From `netstat -anv`: newer macOS prints `process:pid`, older ones a bare pid column; null with `netstat -an`. */
  pid: number | null;
  processName: string | null;
}

export const SCREEN_SHARING_PORT = 5900;
export const REMOTE_MANAGEMENT_PORTS: readonly number[] = [3283, 5988];

/** macOS writes the port after the last dot: 192.168.1.20.5900, fe80::1%en0.5900, *.5900, *.* */
function splitAddress(text: string): { address: string; port: number | null } | null {
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return null;
  const portText = text.slice(dot + 1);
  const port = portText === '*' ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) return null;
  return { address: text.slice(0, dot), port };
}

export function parseMacNetstat(text: string): MacTcpConnection[] {
  const connections: MacTcpConnection[] = [];
  let pidColumn = -1;
  for (const line of text.split(/\r?\n/)) {
    if (line.length > 1000) continue;
    const tokens = line.trim().split(/\s+/);
    if (tokens[0] === 'Proto') {
      // Older -v layouts: "... (state) rhiwat shiwat pid epid ..."; "Local Address" and "Foreign Address" are two
      // header words each but one data column, so the data index is two less.
      const headerIndex = tokens.indexOf('pid');
      pidColumn = headerIndex < 0 ? -1 : headerIndex - 2;
      continue;
    }
    if (!/^tcp[46]*$/.test(tokens[0] ?? '') || tokens.length < 6) continue;
    const local = splitAddress(tokens[3]!);
    const remote = splitAddress(tokens[4]!);
    if (!local || local.port === null || !remote) continue;
    let pid: number | null = null;
    let processName: string | null = null;
    const owner = tokens.slice(6).find((token) => /^[^:\s]+:\d+$/.test(token));
    if (owner) {
      const colon = owner.lastIndexOf(':');
      processName = owner.slice(0, colon);
      pid = Number(owner.slice(colon + 1));
    } else if (pidColumn > 5 && /^\d+$/.test(tokens[pidColumn] ?? '')) {
      pid = Number(tokens[pidColumn]);
    }
    connections.push({
      proto: tokens[0]!,
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: remote.address,
      remotePort: remote.port,
      state: tokens[5]!,
      pid,
      processName,
    });
  }
  return connections;
}

export type MacRemoteService = 'screen-sharing' | 'remote-management';

export interface MacInboundSession {
  service: MacRemoteService;
  connection: MacTcpConnection;
}

/** Established connections into Screen Sharing or Remote Management from another machine. */
export function inboundRemoteDesktopSessions(connections: MacTcpConnection[]): MacInboundSession[] {
  const sessions: MacInboundSession[] = [];
  for (const connection of connections) {
    if (connection.state !== 'ESTABLISHED' || isLoopbackAddress(connection.remoteAddress)) continue;
    if (connection.localPort === SCREEN_SHARING_PORT) sessions.push({ service: 'screen-sharing', connection });
    else if (REMOTE_MANAGEMENT_PORTS.includes(connection.localPort)) sessions.push({ service: 'remote-management', connection });
  }
  return sessions;
}
