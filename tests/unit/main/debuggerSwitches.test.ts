// Which ways of starting Pause Guard put a debugger on it (remote debugging of the cover page, the inspector), and the
// same arguments with them left out for a clean start.
import { debuggerSwitches, withoutDebuggerSwitches } from '../../../electron/debuggerSwitches';

const noSwitches = { hasSwitch: () => false };
const found = (argv: string[], extra: Partial<Parameters<typeof debuggerSwitches>[0]> = {}) =>
  debuggerSwitches({ argv: ['/opt/Pause Guard/pause-guard', ...argv], commandLine: noSwitches, env: {}, platform: 'linux', ...extra });

describe('debuggerSwitches', () => {
  it.each([
    [['--remote-debugging-port=9222'], ['remote-debugging-port']],
    [['--remote-debugging-port', '9222'], ['remote-debugging-port']],
    [['--remote-debugging-pipe'], ['remote-debugging-pipe']],
    [['-remote-debugging-port=0'], ['remote-debugging-port']],
    [['--REMOTE-DEBUGGING-PORT=9222'], ['remote-debugging-port']],
    [['--inspect'], ['inspect']],
    [['--inspect=0.0.0.0:9229'], ['inspect']],
    [['--inspect-brk=9229', '--inspect-port=9230'], ['inspect-brk', 'inspect-port']],
    [['--inspect-wait'], ['inspect-wait']],
    [['--remote-allow-origins=*'], ['remote-allow-origins']],
  ])('finds %j', (argv, names) => {
    expect(found(argv)).toEqual(names);
  });

  it.each([
    [[]],
    [['--hidden']],
    [['--pause-guard-started-without-debugger']],
    [['/remote-debugging-port=9222']],
    [['--inspector-of-files', 'inspect', 'remote-debugging-port']],
  ])('lets %j start', (argv) => {
    expect(found(argv)).toEqual([]);
  });

  it('takes "/switch" on Windows, as Chromium does there', () => {
    expect(found(['/remote-debugging-port=9222'], { platform: 'win32' })).toEqual(['remote-debugging-port']);
  });

  it('finds the inspector in NODE_OPTIONS and what Chromium itself holds on its command line', () => {
    expect(found([], { env: { NODE_OPTIONS: '--max-old-space-size=512 --inspect=9229' } })).toEqual(['inspect']);
    expect(found([], { commandLine: { hasSwitch: (name) => name === 'remote-debugging-pipe' } })).toEqual(['remote-debugging-pipe']);
  });
});

describe('withoutDebuggerSwitches', () => {
  it('leaves out every debugger switch and a port given after it, and keeps everything else', () => {
    expect(withoutDebuggerSwitches(['--hidden', '--remote-debugging-port', '9222', '--inspect=9229', '--lang=en-GB', '--remote-debugging-pipe'], 'linux'))
      .toEqual(['--hidden', '--lang=en-GB']);
  });
});
