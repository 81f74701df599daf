// Reads the tables GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL) fills (iphlpapi.h): MIB_TCPTABLE_OWNER_PID of
// MIB_TCPROW_OWNER_PID for IPv4, MIB_TCP6TABLE_OWNER_PID of MIB_TCP6ROW_OWNER_PID for IPv6. Pure: bytes in, sockets out;
// a table shorter than its count says gives the whole rows it has, never a throw.
import type { TcpEndpoints } from './inboundConnections';
import { formatIpv6 } from './procNetTcp';

/** A socket and the pid that owns it (0 where Windows does not say: Wine 8 always says 0). */
export interface OwnedTcpSocket extends TcpEndpoints {
  ownerPid: number;
}

export type TcpTableFamily = 'ipv4' | 'ipv6';

/** MIB_TCPROW_OWNER_PID: dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort, dwOwningPid. */
const IPV4_ROW_SIZE = 24;
/** MIB_TCP6ROW_OWNER_PID: ucLocalAddr[16], dwLocalScopeId, dwLocalPort, ucRemoteAddr[16], dwRemoteScopeId, dwRemotePort, dwState, dwOwningPid. */
const IPV6_ROW_SIZE = 56;
/** dwNumEntries comes first; the rows follow at the next DWORD. */
const TABLE_HEADER_SIZE = 4;

/** MIB_TCP_STATE (CLOSED 1 ... DELETE_TCB 12) in the kernel's numbering that TCP_LISTEN and TCP_ESTABLISHED use. */
const KERNEL_STATE: Readonly<Record<number, number>> = { 1: 7, 2: 10, 3: 2, 4: 3, 5: 1, 6: 4, 7: 5, 8: 8, 9: 11, 10: 9, 11: 6, 12: 7 };

/** A port is a DWORD whose first two bytes hold it in network byte order. */
const portAt = (bytes: Buffer, offset: number): number => bytes.readUInt16BE(offset);

const ipv4At = (bytes: Buffer, offset: number): string => [...bytes.subarray(offset, offset + 4)].join('.');

const ipv6At = (bytes: Buffer, offset: number): string => formatIpv6([...bytes.subarray(offset, offset + 16)]);

function readRow(bytes: Buffer, at: number, family: TcpTableFamily): OwnedTcpSocket {
  if (family === 'ipv4') {
    return {
      state: KERNEL_STATE[bytes.readUInt32LE(at)] ?? 0,
      localAddress: ipv4At(bytes, at + 4),
      localPort: portAt(bytes, at + 8),
      remoteAddress: ipv4At(bytes, at + 12),
      remotePort: portAt(bytes, at + 16),
      ownerPid: bytes.readUInt32LE(at + 20),
    };
  }
  return {
    localAddress: ipv6At(bytes, at),
    localPort: portAt(bytes, at + 20),
    remoteAddress: ipv6At(bytes, at + 24),
    remotePort: portAt(bytes, at + 44),
    state: KERNEL_STATE[bytes.readUInt32LE(at + 48)] ?? 0,
    ownerPid: bytes.readUInt32LE(at + 52),
  };
}

export function parseTcpTable(bytes: Buffer, family: TcpTableFamily): OwnedTcpSocket[] {
  if (bytes.length < TABLE_HEADER_SIZE) return [];
  const rowSize = family === 'ipv4' ? IPV4_ROW_SIZE : IPV6_ROW_SIZE;
  const count = Math.min(bytes.readUInt32LE(0), Math.floor((bytes.length - TABLE_HEADER_SIZE) / rowSize));
  const sockets: OwnedTcpSocket[] = [];
  for (let row = 0; row < count; row++) sockets.push(readRow(bytes, TABLE_HEADER_SIZE + row * rowSize, family));
  return sockets;
}
