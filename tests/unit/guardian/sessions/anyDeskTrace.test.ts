import {
  parseAnyDeskConnectionTraceLine,
  parseAnyDeskTraceLine,
  readAnyDeskConnectionTraceLine,
  readAnyDeskTraceLine,
} from '../../../../electron/guardian/watchers/sessions/anyDeskTrace';
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
    expect(lines.map(readAnyDeskConnectionTraceLine).filter((x) => x !== null)).toEqual([
      { type: 'start', remoteId: '442226597', remoteName: null, remoteAddress: null },
      { type: 'start', remoteId: '123456789', remoteName: 'support@ad', remoteAddress: null },
      { type: 'start', remoteId: '987654321', remoteName: null, remoteAddress: null },
    ]);
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
    expect(changes).toEqual([
      { type: 'detail', remoteId: null, remoteName: null, remoteAddress: '198.51.100.21' },
      { type: 'request', remoteId: '442226597', remoteName: 'AMAZON CUSTOMER SERVICES', remoteAddress: null },
      { type: 'start', remoteId: null, remoteName: null, remoteAddress: null },
      { type: 'end', remoteId: null },
    ]);
  });

  it('reads "Accept request from" and an IPv6 peer', () => {
    expect(readAnyDeskTraceLine('   info 2022-09-28 12:39:26.900       lsvc   5920   4508   21   app.backend_session - Accept request from 442226597 (alias).')).toEqual({
      type: 'request',
      remoteId: '442226597',
      remoteName: null,
      remoteAddress: null,
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
