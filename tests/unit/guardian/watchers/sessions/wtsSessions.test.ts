// Remote Desktop sessions from WTS buffers built in the wtsapi32.h layouts: who counts as connected in, and what is read.
import { parseClientAddress, parseSessionInfoArray, readWtsSessions, remoteDesktopSessions } from '../../../../../electron/guardian/watchers/sessions/wtsSessions';
import { CONSOLE_ONLY, clientAddress, fixtureWtsApi, RDP_CONNECTED, sessionInfoArray, type WtsSessionFixture } from '../../../../fixtures/win32Structs';

describe('WTS sessions', () => {
  it('reads ids and states from a WTS_SESSION_INFOW array, and only its whole entries', () => {
    const bytes = sessionInfoArray(RDP_CONNECTED);
    expect(parseSessionInfoArray(bytes, 4)).toEqual([
      { id: 0, state: 4 },
      { id: 1, state: 0 },
      { id: 2, state: 0 },
      { id: 65536, state: 6 },
    ]);
    expect(parseSessionInfoArray(bytes.subarray(0, 50), 4)).toHaveLength(2);
    expect(parseSessionInfoArray(Buffer.alloc(0), 3)).toEqual([]);
  });

  it('reads a client address as IPv4 two bytes into Address, IPv6 from its start, and none for the console', () => {
    expect(parseClientAddress(clientAddress({ family: 2, address: '198.51.100.23' }))).toBe('198.51.100.23');
    expect(parseClientAddress(clientAddress({ family: 23, address: '2001:db8::17' }))).toBe('2001:db8::17');
    expect(parseClientAddress(clientAddress(null))).toBeNull();
    expect(parseClientAddress(Buffer.alloc(10))).toBeNull();
    expect(parseClientAddress(null)).toBeNull();
  });

  it('finds the session a Remote Desktop client is attached to, never the console, services or the listener', () => {
    expect(remoteDesktopSessions(readWtsSessions(fixtureWtsApi(() => CONSOLE_ONLY)))).toEqual([]);
    expect(remoteDesktopSessions(readWtsSessions(fixtureWtsApi(() => RDP_CONNECTED)))).toEqual([
      { id: 2, state: 0, stationName: 'RDP-Tcp#3', userName: 'Pat', clientName: 'DESKTOP-8QK2L1', clientAddress: '198.51.100.23' },
    ]);
  });

  it('does not count a disconnected session, and counts a client still at the logon screen', () => {
    const disconnected: WtsSessionFixture = { id: 2, state: 4, station: '', user: 'Pat', clientName: '', clientAddress: null };
    const atLogon: WtsSessionFixture = { id: 3, state: 1, station: 'RDP-Tcp#4', user: '', clientName: 'KALI', clientAddress: null };
    const found = remoteDesktopSessions(readWtsSessions(fixtureWtsApi(() => [...CONSOLE_ONLY, disconnected, atLogon])));
    expect(found.map((s) => s.id)).toEqual([3]);
  });

  it('leaves out a session that ended between the list and the questions', () => {
    const api = fixtureWtsApi(() => RDP_CONNECTED);
    const gone = { ...api, query: (id: number, infoClass: number) => (id === 2 ? null : api.query(id, infoClass)) };
    expect(readWtsSessions(gone).map((s) => s.id)).toEqual([0, 1, 65536]);
  });
});
