// The /proc/net/tcp and tcp6 parser reads real-format tables and skips garbage, huge lines and binary bytes without throwing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcNetTcp, parseTcpCounters, TCP_ESTABLISHED, TCP_LISTEN } from '../../../../../electron/guardian/watchers/sessions/procNetTcp';

const fixtures = join(__dirname, '../../../../fixtures/proc-net');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('parseProcNetTcp', () => {
  it('reads every socket of an IPv4 table with addresses, ports, state and inode', () => {
    const entries = parseProcNetTcp(fixture('tcp'));
    expect(entries).toHaveLength(7);
    expect(entries[0]).toEqual({
      localAddress: '0.0.0.0', localPort: 5901, remoteAddress: '0.0.0.0', remotePort: 0, state: TCP_LISTEN, inode: 51001,
    });
    expect(entries[2]).toEqual({
      localAddress: '198.51.100.1', localPort: 5901, remoteAddress: '198.51.100.2', remotePort: 54321,
      state: TCP_ESTABLISHED, inode: 51002,
    });
    expect(entries[3]).toMatchObject({ localAddress: '127.0.0.1', remoteAddress: '127.0.0.1', remotePort: 0xa1b2 });
    expect(entries[5]).toMatchObject({ localAddress: '10.0.0.5', localPort: 49822, remoteAddress: '203.0.113.10', remotePort: 443 });
    expect(entries[6]).toMatchObject({ state: 0x06, inode: 0 });
  });

  it('reads an IPv6 table, showing IPv4-mapped addresses as plain IPv4 and compressing zeros', () => {
    const entries = parseProcNetTcp(fixture('tcp6'));
    expect(entries.map((e) => [e.localAddress, e.localPort, e.remoteAddress, e.remotePort, e.state, e.inode])).toEqual([
      ['::', 3389, '::', 0, TCP_LISTEN, 61001],
      ['198.51.100.1', 3389, '198.51.100.2', 57345, TCP_ESTABLISHED, 61002],
      ['::1', 3389, '::1', 57346, TCP_ESTABLISHED, 61003],
      ['127.0.0.1', 3389, '127.0.0.1', 57347, TCP_ESTABLISHED, 61004],
      ['::', 22, '::', 0, TCP_LISTEN, 61005],
      ['2001:db8::1', 22, '2001:db8::5', 57348, TCP_ESTABLISHED, 61006],
      ['fe80::1', 49823, '2001:db8:0:1::80', 443, TCP_ESTABLISHED, 61007],
    ]);
  });

  it('keeps the good lines of a hostile table and skips garbage, bad hex, mixed families, overflowing inodes and binary bytes', () => {
    const entries = parseProcNetTcp(readFileSync(join(fixtures, 'tcp-hostile')).toString('utf8'));
    expect(entries.map((e) => e.inode)).toEqual([71001, 71002]);
  });

  it('skips a 10 MB line, including one that starts like a socket line', () => {
    const table = fixture('tcp');
    const huge = `   7: 016433C6:170D 026433C6:D431 01 ${'0'.repeat(10 * 1024 * 1024)}`;
    const entries = parseProcNetTcp(`${table}${huge}\n${'A'.repeat(10 * 1024 * 1024)}\n`);
    expect(entries).toEqual(parseProcNetTcp(table));
  });

  it('returns nothing for empty, header-only or non-text input', () => {
    expect(parseProcNetTcp('')).toEqual([]);
    expect(parseProcNetTcp(fixture('tcp').split('\n')[0] ?? '')).toEqual([]);
    expect(parseProcNetTcp('\u0000\u0001\uFFFD\n\r\n')).toEqual([]);
  });

  it('reads lines that end in a carriage return or without their trailing columns', () => {
    const line = '   0: 016433C6:170D 026433C6:D431 01 00000000:00000000 00:00000000 00000000     0        0 4242';
    expect(parseProcNetTcp(`${line}\r\n`)).toHaveLength(1);
    expect(parseProcNetTcp(line)[0]).toMatchObject({ inode: 4242, remoteAddress: '198.51.100.2' });
  });
});

describe('parseTcpCounters', () => {
  it('reads the passive opens and established count from a real /proc/net/snmp', () => {
    expect(parseTcpCounters(fixture('snmp'))).toEqual({ passiveOpens: 83, currentlyEstablished: 0 });
  });

  it('gives null when the Tcp lines are missing, cut short, not numbers or absurdly long', () => {
    const snmp = fixture('snmp');
    const tcpLines = snmp.split('\n').filter((line) => line.startsWith('Tcp:'));
    expect(parseTcpCounters(snmp.replaceAll('Tcp:', 'Tcq:'))).toBeNull();
    expect(parseTcpCounters(tcpLines[0] ?? '')).toBeNull();
    expect(parseTcpCounters(`${tcpLines[0]}\nTcp: 1 200`)).toBeNull();
    expect(parseTcpCounters(`${tcpLines[0]}\n${(tcpLines[1] ?? '').replace(' 83 ', ' x ')}`)).toBeNull();
    expect(parseTcpCounters(`${tcpLines[0]}\nTcp: ${'1 '.repeat(5 * 1024 * 1024)}`)).toBeNull();
    expect(parseTcpCounters('\u0000\uFFFD')).toBeNull();
  });
});
