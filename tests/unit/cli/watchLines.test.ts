// The plain lines `watch` prints for a person at the terminal: the windows the engine saw, named without their titles.
import { describeEvent } from '../../../electron/cli/watchCommand';

const at = '2026-12-06T10:00:00.000Z';

describe('describeEvent', () => {
  it.each<[Parameters<typeof describeEvent>[0], string]>([
    [{ type: 'window-seen', at, kind: 'bank', toolId: null, pid: 9 }, '10:00:00 On screen: a bank or payment page.'],
    [{ type: 'window-seen', at, kind: 'tool-prompt', toolId: 'anydesk', pid: 9 }, '10:00:00 On screen: a request to connect.'],
    [{ type: 'window-seen', at, kind: 'screen-share', toolId: 'google-meet', pid: 9, name: 'Google Meet' }, '10:00:00 On screen: the screen being shared (Google Meet).'],
    [{ type: 'window-seen', at, kind: 'remote-control', toolId: 'zoom', pid: 9, name: 'Zoom' }, '10:00:00 On screen: remote control asked for or given in a call (Zoom).'],
    [{ type: 'window-gone', at, kind: 'screen-share', toolId: null, pid: 9 }, '10:00:00 Gone from screen: the screen being shared.'],
    [
      { type: 'sharing-risk-raised', at, toolId: null, pid: 9, name: 'Google Chrome' },
      '10:00:00 Highest risk: a bank or payment page is open while Google Chrome shares the screen.',
    ],
  ])('%j', (event, line) => {
    expect(describeEvent(event)).toBe(line);
  });
});
