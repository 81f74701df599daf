import { inboundRemoteDesktopSessions, parseMacNetstat } from '../../../../../electron/guardian/watchers/sessions/macNetstat';
import { fixtureText } from './fixtureLines';

describe('macOS netstat', () => {
  it('reads process:pid (newer macOS) and finds inbound Screen Sharing and Remote Management from other machines', () => {
    const sessions = inboundRemoteDesktopSessions(parseMacNetstat(fixtureText('netstat-anv-process.txt')));
    expect(sessions.map(({ service, connection: c }) => [service, c.remoteAddress, c.remotePort, c.pid, c.processName])).toEqual([
      ['screen-sharing', '198.51.100.35', 52144, 412, 'screensharingd'],
      ['remote-management', '2001:db8::99', 61000, 377, 'ARDAgent'],
    ]);
  });

  it('reads the bare pid column of older macOS', () => {
    const sessions = inboundRemoteDesktopSessions(parseMacNetstat(fixtureText('netstat-anv-pid.txt')));
    expect(sessions.map(({ connection: c }) => [c.localAddress, c.localPort, c.remoteAddress, c.pid, c.processName])).toEqual([
      ['10.0.0.5', 5900, '198.51.100.36', 233, null],
    ]);
  });

  it('works on plain netstat -an without owners and ignores TIME_WAIT and listeners', () => {
    const sessions = inboundRemoteDesktopSessions(parseMacNetstat(fixtureText('netstat-an.txt')));
    expect(sessions.map(({ connection: c }) => [c.remoteAddress, c.state, c.pid])).toEqual([['198.51.100.37', 'ESTABLISHED', null]]);
  });

  it('never throws on garbage', () => {
    expect(parseMacNetstat('tcp4 0 0 nonsense nonsense ESTABLISHED\n\u0000\uFFFD\ntcp4 0 0 1.2.3.4.99999 5.6.7.8.1 ESTABLISHED')).toEqual([]);
  });
});
