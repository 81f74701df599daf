import { parseProcStat } from '../../../../../electron/guardian/watchers/processes/procStat';
import { statLine } from './fakeProcTree';

describe('parseProcStat', () => {
  it('reads ppid, start time and CPU times from a real kernel line', () => {
    const line = '10698 (cat) R 10695 10695 5438 0 -1 4194304 99 0 0 0 12 3 40 9 20 0 1 0 49154 3133440 410 18446744073709551615 0 0';
    expect(parseProcStat(line)).toEqual({
      comm: 'cat',
      ppid: 10695,
      startTicks: 49154,
      userTicks: 12,
      systemTicks: 3,
      childUserTicks: 40,
      childSystemTicks: 9,
    });
  });

  it.each([
    ['spaces', 'Team Viewer'],
    ['a closing parenthesis and numbers', 'x) S 99 (y'],
    ['only parentheses', ')()('],
    ['a newline', 'any\ndesk'],
    ['unicode', 'Änydesk ✓ 远程'],
    ['nothing', ''],
  ])('keeps a command name with %s whole and reads the fields after it', (_label, comm) => {
    const stat = parseProcStat(statLine({ pid: 42, comm, ppid: 7, startTicks: 123456 }));
    expect(stat).toMatchObject({ comm, ppid: 7, startTicks: 123456 });
  });

  it.each([
    ['empty', ''],
    ['no parentheses', '42 cat S 1 1'],
    ['cut short after the name', '42 (cat) S 1'],
    ['letters where numbers belong', statLine({ pid: 42, comm: 'cat' }).replace(' S 1 ', ' S one ')],
    ['binary garbage', '\u0000\u00ff(\u0001)\u0002 \u0003'],
  ])('gives null for a line that is %s', (_label, line) => {
    expect(parseProcStat(line)).toBeNull();
  });
});
