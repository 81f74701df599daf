// Which connections came in from another machine, and which remote tool each one is, on real-format socket tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { findInboundConnections, identifyInboundSession } from '../../../../../electron/guardian/watchers/sessions/inboundConnections';
import { isLoopbackAddress } from '../../../../../electron/guardian/watchers/sessions/loopback';
import { parseProcNetTcp, TCP_ESTABLISHED, TCP_LISTEN, type TcpSocketEntry } from '../../../../../electron/guardian/watchers/sessions/procNetTcp';

const fixtures = join(__dirname, '../../../../fixtures/proc-net');
const table = (name: string): TcpSocketEntry[] => parseProcNetTcp(readFileSync(join(fixtures, name), 'utf8'));

function socket(local: string, remote: string, state: number, inode: number): TcpSocketEntry {
  const [localAddress = '', localPort = '0'] = local.split('|');
  const [remoteAddress = '', remotePort = '0'] = remote.split('|');
  return { localAddress, localPort: Number(localPort), remoteAddress, remotePort: Number(remotePort), state, inode };
}

describe('findInboundConnections', () => {
  it('finds the connections that came in to a listening port from another machine, in both tables', () => {
    expect(findInboundConnections([...table('tcp'), ...table('tcp6')])).toEqual([
      { key: 'tcp:5901:198.51.100.2:54321', localPort: 5901, remoteAddress: '198.51.100.2', remotePort: 54321, listener: expect.objectContaining({ inode: 51001 }) },
      { key: 'tcp:3389:198.51.100.2:57345', localPort: 3389, remoteAddress: '198.51.100.2', remotePort: 57345, listener: expect.objectContaining({ inode: 61001 }) },
      { key: 'tcp:22:2001:db8::5:57348', localPort: 22, remoteAddress: '2001:db8::5', remotePort: 57348, listener: expect.objectContaining({ inode: 61005 }) },
    ]);
  });

  it('leaves out connections this machine opened, loopback peers and closing connections', () => {
    const peers = findInboundConnections([...table('tcp'), ...table('tcp6')]).map((c) => `${c.remoteAddress}|${c.remotePort}`);
    for (const outbound of ['203.0.113.10|443', '2001:db8:0:1::80|443']) expect(peers).not.toContain(outbound);
    for (const loopback of ['127.0.0.1|41394', '::1|57346', '127.0.0.1|57347']) expect(peers).not.toContain(loopback);
    expect(peers).not.toContain('198.51.100.2|54322');
  });

  it('leaves out a connection from this machine to itself over its own network address', () => {
    const entries = [
      socket('0.0.0.0|5900', '0.0.0.0|0', TCP_LISTEN, 1),
      socket('10.0.0.5|5900', '10.0.0.5|40000', TCP_ESTABLISHED, 2),
      socket('10.0.0.5|40000', '10.0.0.5|5900', TCP_ESTABLISHED, 3),
    ];
    expect(findInboundConnections(entries)).toEqual([]);
  });

  it('needs a listener on the same port and on the connection\'s address or all addresses', () => {
    const connection = socket('10.0.0.5|5900', '198.51.100.2|40000', TCP_ESTABLISHED, 2);
    expect(findInboundConnections([socket('10.0.0.6|5900', '0.0.0.0|0', TCP_LISTEN, 1), connection])).toEqual([]);
    expect(findInboundConnections([socket('0.0.0.0|5901', '0.0.0.0|0', TCP_LISTEN, 1), connection])).toEqual([]);
    expect(findInboundConnections([socket('10.0.0.5|5900', '0.0.0.0|0', TCP_LISTEN, 7), connection])).toEqual([
      expect.objectContaining({ listener: expect.objectContaining({ inode: 7 }) }),
    ]);
    expect(findInboundConnections([socket('::|5900', '::|0', TCP_LISTEN, 8), connection])).toEqual([
      expect.objectContaining({ listener: expect.objectContaining({ inode: 8 }) }),
    ]);
  });
});

describe('isLoopbackAddress', () => {
  it('is true for 127.0.0.0/8 and ::1 only', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::1%lo0'].every(isLoopbackAddress)).toBe(true);
    expect(['198.51.100.2', '10.127.0.1', '::', '::2', '2001:db8::1'].some(isLoopbackAddress)).toBe(false);
  });
});

describe('identifyInboundSession', () => {
  const catalog = loadCatalog();
  const x11vnc = catalog.matchProcess({ pid: 1, ppid: 0, name: 'x11vnc', exe: '/usr/bin/x11vnc', cmdline: 'x11vnc' });
  const portTool = catalog.tools.find((t) => t.ports.some((p) => p !== 3389 && (p < 5900 || p > 5909)));
  const toolPort = portTool?.ports.find((p) => p !== 3389 && (p < 5900 || p > 5909)) ?? 0;

  it('names the catalog tool serving the connection', () => {
    expect(x11vnc).not.toBeNull();
    expect(identifyInboundSession(5901, { pid: 4100, tool: x11vnc }, catalog)).toEqual({ toolId: x11vnc?.id, name: x11vnc?.name });
    expect(identifyInboundSession(40000, { pid: 4100, tool: x11vnc }, catalog)).toEqual({ toolId: x11vnc?.id, name: x11vnc?.name });
  });

  it('calls a VNC or RDP port a remote desktop, whoever serves it', () => {
    expect(identifyInboundSession(5900, null, catalog)).toEqual({ toolId: null, name: 'Remote desktop (VNC)' });
    expect(identifyInboundSession(5909, { pid: 9, tool: null }, catalog)).toEqual({ toolId: null, name: 'Remote desktop (VNC)' });
    expect(identifyInboundSession(3389, null, catalog)).toEqual({ toolId: null, name: 'Remote Desktop (RDP)' });
  });

  it('names a tool by its port only while the program serving it is unknown', () => {
    expect(portTool).toBeDefined();
    expect(identifyInboundSession(toolPort, null, catalog)).toEqual({ toolId: portTool?.id, name: portTool?.name });
    expect(identifyInboundSession(toolPort, { pid: 77, tool: null }, catalog)).toBeNull();
  });

  it('is not a session on an ordinary port served by an ordinary program', () => {
    expect(identifyInboundSession(22, { pid: 80, tool: null }, catalog)).toBeNull();
    expect(identifyInboundSession(5910, null, catalog)).toBeNull();
  });
});
