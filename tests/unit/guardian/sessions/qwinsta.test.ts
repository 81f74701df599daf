import { activeRdpSessions, parseQwinsta } from '../../../../electron/guardian/watchers/sessions/qwinsta';
import { fixtureText } from './fixtureLines';

describe('qwinsta', () => {
  it('sees no Remote Desktop session when only the console is in use, and skips the listener', () => {
    const sessions = parseQwinsta(fixtureText('qwinsta-console-only.txt'));
    expect(sessions.map((s) => [s.sessionName, s.userName, s.id, s.state, s.current])).toEqual([
      ['services', '', 0, 'Disc', false],
      ['console', 'Margaret', 1, 'Active', true],
      ['rdp-tcp', '', 65536, 'Listen', false],
    ]);
    expect(activeRdpSessions(sessions)).toEqual([]);
  });

  it('finds the active rdp-tcp#N session, marked current', () => {
    const live = activeRdpSessions(parseQwinsta(fixtureText('qwinsta-rdp-active.txt')));
    expect(live).toEqual([{ sessionName: 'rdp-tcp#3', userName: 'Margaret', id: 2, state: 'Active', current: true }]);
  });

  it('does not count a disconnected session (its name is blank) and keeps a user name with a space', () => {
    const sessions = parseQwinsta(fixtureText('qwinsta-rdp-disconnected.txt'));
    expect(sessions.find((s) => s.id === 2)).toEqual({ sessionName: '', userName: 'Support User', id: 2, state: 'Disc', current: false });
    expect(activeRdpSessions(sessions)).toEqual([]);
  });

  it('reads German output without relying on the translated header', () => {
    const live = activeRdpSessions(parseQwinsta(fixtureText('qwinsta-german-rdp-active.txt')));
    expect(live.map((s) => [s.sessionName, s.id, s.state])).toEqual([['rdp-tcp#0', 2, 'Aktiv']]);
  });

  it('never throws on garbage', () => {
    expect(parseQwinsta('\u0000\u0001 garbage ~~~ \n>\n' + 'x'.repeat(5000))).toEqual([]);
    expect(activeRdpSessions(parseQwinsta(''))).toEqual([]);
  });
});
