import {
  parseAnyDeskConnectionTraceLine,
  parseAnyDeskTraceLine,
  readAnyDeskConnectionTraceLine,
  readAnyDeskTraceLine,
} from '../../../../../electron/guardian/watchers/sessions/anyDeskTrace';
import { fixtureLines } from './fixtureLines';

describe('AnyDesk connection_trace.txt (UTF-16LE with BOM)', () => {
  const lines = fixtureLines('connection_trace.txt');

  it('parses direction, time, method, alias and ID', () => {
    expect(parseAnyDeskConnectionTraceLine(lines[1]!)).toEqual({
      direction: 'Incoming',
      at: '2025-08-20T09:58:00.000Z',
      method: 'User',
      alias: '442226597',
      remoteId: '442226597',
    });
    expect(parseAnyDeskConnectionTraceLine(lines[2]!)).toEqual(expect.objectContaining({ method: 'Passwd', alias: 'support@ad', remoteId: '123456789' }));
  });

  it('starts a session for accepted connections (User, Passwd, Token) and not for REJECTED', () => {
    const start = { type: 'start', remoteAddress: null, otherRemoteIds: [] };
    expect(lines.map(readAnyDeskConnectionTraceLine).filter((x) => x !== null)).toEqual([
      { ...start, at: '2025-08-20T09:58:00.000Z', remoteId: '442226597', remoteName: null },
      { ...start, at: '2025-08-20T11:30:00.000Z', remoteId: '123456789', remoteName: 'support@ad' },
      { ...start, at: '2025-08-21T08:00:00.000Z', remoteId: '987654321', remoteName: null },
    ]);
  });

  it('takes the ID from the last field, and keeps an ID-shaped alias as another candidate', () => {
    expect(readAnyDeskConnectionTraceLine('Incoming    2025-08-21, 08:00    User                              123456789    987654321')).toMatchObject({
      remoteId: '987654321', remoteName: '123456789', otherRemoteIds: ['123456789'],
    });
  });
});

describe('AnyDesk ad_svc.trace / ad.trace', () => {
  it('parses the fixed columns, with and without the fiber number', () => {
    const lines = fixtureLines('ad_svc.trace');
    expect(parseAnyDeskTraceLine(lines[4]!)).toEqual({
      level: 'info',
      at: '2025-08-20T09:58:26.845Z',
      source: 'lsvc',
      pid: 5920,
      component: 'anynet.any_socket',
      message: 'Logged in from 198.51.100.21:59562 on relay 80e496c0.',
    });
    expect(parseAnyDeskTraceLine(lines[5]!)?.component).toBe('app.backend_session');
    expect(parseAnyDeskTraceLine('* * * * * * * * * * * * * * * * * *')).toBeNull();
  });

  it('reads request, address, acceptance and end in order, ignoring the half-written last line', () => {
    const changes = fixtureLines('ad_svc.trace').map(readAnyDeskTraceLine).filter((x) => x !== null);
    const none = { remoteId: null, remoteName: null, remoteAddress: null, otherRemoteIds: [] };
    expect(changes).toEqual([
      { ...none, type: 'detail', at: '2025-08-20T09:58:26.845Z', remoteAddress: '198.51.100.21' },
      { ...none, type: 'request', at: '2025-08-20T09:58:27.181Z', remoteId: '442226597', remoteName: 'AMAZON CUSTOMER SERVICES' },
      { ...none, type: 'start', at: '2025-08-20T09:58:31.002Z' },
      { type: 'end', at: '2025-08-20T10:14:14.750Z', remoteId: null },
    ]);
  });

  it('reads the other documented starts and ends: Accepting from, Connect request accepted, Authenticated by local user, Received quit., Session closed', () => {
    const line = (text: string) => `   info 2025-08-20 09:58:31.002       back   3668   3660                   app.backend_session - ${text}`;
    expect(readAnyDeskTraceLine(line('Accepting from 442226597.'))).toMatchObject({ type: 'start', remoteId: '442226597' });
    expect(readAnyDeskTraceLine(line('Connect request accepted.'))).toMatchObject({ type: 'start', remoteId: null });
    expect(readAnyDeskTraceLine(line('Authenticated by local user.'))).toMatchObject({ type: 'start', remoteId: null });
    expect(readAnyDeskTraceLine(line('Received quit.'))).toEqual({ type: 'end', at: '2025-08-20T09:58:31.002Z', remoteId: null });
    expect(readAnyDeskTraceLine(line('Session closed by the remote side.'))).toMatchObject({ type: 'end' });
  });

  it('takes the requester\'s ID from the last parenthesised number, whatever the name holds', () => {
    const line = (text: string) => `   info 2025-08-20 09:58:27.181       back   3668   3660                   app.backend_session - ${text}`;
    expect(readAnyDeskTraceLine(line('Incoming session request: Sam (123456789) (987654321)'))).toMatchObject({
      type: 'request', remoteId: '987654321', remoteName: 'Sam (123456789)', otherRemoteIds: ['123456789'],
    });
    expect(readAnyDeskTraceLine(line('Incoming session request: Sam 987 654 321 (123456789)'))).toMatchObject({ remoteId: '123456789', otherRemoteIds: ['987654321'] });
  });

  it('reads "Accept request from" and an IPv6 peer', () => {
    expect(readAnyDeskTraceLine('   info 2022-09-28 12:39:26.900       lsvc   5920   4508   21   app.backend_session - Accept request from 442226597 (alias).')).toEqual({
      type: 'request',
      remoteId: '442226597',
      remoteName: null,
      remoteAddress: null,
      at: '2022-09-28T12:39:26.900Z',
      otherRemoteIds: [],
    });
    expect(readAnyDeskTraceLine('   info 2022-09-28 12:39:26.845       lsvc   5920   4508   21   anynet.any_socket - Logged in from [2001:db8::7]:59562 on relay 80e496c0.')).toEqual(
      expect.objectContaining({ type: 'detail', remoteAddress: '2001:db8::7' }),
    );
  });

  it('skips binary garbage and replacement characters without throwing', () => {
    expect(readAnyDeskTraceLine('\uFFFD\uFFFD\u0000info 2022-09-28 zz')).toBeNull();
    expect(readAnyDeskTraceLine('x'.repeat(20_000))).toBeNull();
  });
});
