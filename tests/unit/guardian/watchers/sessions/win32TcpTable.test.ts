// GetExtendedTcpTable's owner-pid tables read from buffers built in the iphlpapi.h layouts, then judged by the inbound rules.
import { findInboundConnections } from '../../../../../electron/guardian/watchers/sessions/inboundConnections';
import { TCP_ESTABLISHED, TCP_LISTEN } from '../../../../../electron/guardian/watchers/sessions/procNetTcp';
import { parseTcpTable } from '../../../../../electron/guardian/watchers/sessions/win32TcpTable';
import { tcpTableV4, tcpTableV6 } from '../../../../fixtures/win32Structs';

const LISTEN = 2;
const ESTAB = 5;
const TIME_WAIT = 11;

describe('the Windows TCP table', () => {
  it('reads IPv4 rows with ports in network byte order and the owning pid', () => {
    const table = tcpTableV4([
      { state: LISTEN, local: '0.0.0.0', localPort: 7070, remote: '0.0.0.0', remotePort: 0, pid: 7324 },
      { state: ESTAB, local: '192.168.1.20', localPort: 7070, remote: '198.51.100.23', remotePort: 50312, pid: 7324 },
      { state: TIME_WAIT, local: '192.168.1.20', localPort: 49822, remote: '203.0.113.10', remotePort: 443, pid: 0 },
    ]);
    expect(parseTcpTable(table, 'ipv4')).toEqual([
      { state: TCP_LISTEN, localAddress: '0.0.0.0', localPort: 7070, remoteAddress: '0.0.0.0', remotePort: 0, ownerPid: 7324 },
      { state: TCP_ESTABLISHED, localAddress: '192.168.1.20', localPort: 7070, remoteAddress: '198.51.100.23', remotePort: 50312, ownerPid: 7324 },
      { state: 6, localAddress: '192.168.1.20', localPort: 49822, remoteAddress: '203.0.113.10', remotePort: 443, ownerPid: 0 },
    ]);
  });

  it('reads IPv6 rows, giving an IPv4-mapped peer as plain IPv4', () => {
    const table = tcpTableV6([
      { state: LISTEN, local: '::', localPort: 5938, remote: '::', remotePort: 0, pid: 4120 },
      { state: ESTAB, local: '2001:db8::20', localPort: 5938, remote: '2001:db8:0:1::5', remotePort: 61001, pid: 4120 },
      { state: ESTAB, local: '::ffff:192.168.1.20', localPort: 5938, remote: '::ffff:198.51.100.23', remotePort: 61002, pid: 4120 },
    ]);
    const sockets = parseTcpTable(table, 'ipv6');
    expect(sockets.map((s) => [s.localAddress, s.remoteAddress, s.remotePort, s.ownerPid])).toEqual([
      ['::', '::', 0, 4120],
      ['2001:db8::20', '2001:db8:0:1::5', 61001, 4120],
      ['192.168.1.20', '198.51.100.23', 61002, 4120],
    ]);
    expect(findInboundConnections(sockets).map((c) => [c.key, c.listener.ownerPid])).toEqual([
      ['tcp:5938:2001:db8:0:1::5:61001', 4120],
      ['tcp:5938:198.51.100.23:61002', 4120],
    ]);
  });

  it('reads only the whole rows a short or lying table has, and nothing from a header-less one', () => {
    const rows = [
      { state: LISTEN, local: '0.0.0.0', localPort: 3389, remote: '0.0.0.0', remotePort: 0, pid: 1100 },
      { state: ESTAB, local: '10.0.0.5', localPort: 3389, remote: '198.51.100.2', remotePort: 50000, pid: 1100 },
    ];
    expect(parseTcpTable(tcpTableV4(rows, 1000), 'ipv4')).toHaveLength(2);
    expect(parseTcpTable(tcpTableV4(rows).subarray(0, 40), 'ipv4')).toHaveLength(1);
    expect(parseTcpTable(Buffer.alloc(2), 'ipv4')).toEqual([]);
    expect(parseTcpTable(tcpTableV4([]), 'ipv6')).toEqual([]);
    expect(parseTcpTable(tcpTableV4(rows), 'ipv6')).toEqual([]); // 52 bytes cannot hold one 56-byte IPv6 row
  });
});
