// Which DISPLAY values name this computer's own X server, and the socket each one uses.
import { displaySocket } from '../../../../../electron/guardian/watchers/screen/x11Connection';

describe('displaySocket', () => {
  it.each([
    [':0', '/tmp/.X11-unix/X0', 0],
    [':12.0', '/tmp/.X11-unix/X12', 12],
    ['unix:3', '/tmp/.X11-unix/X3', 3],
  ])('%s is local', (display, socket, number) => {
    expect(displaySocket(display)).toEqual({ path: socket, number });
  });

  it.each(['localhost:10.0', 'example.com:0', '', ':', ':0; rm -rf /'])('%s is not a local display', (display) => {
    expect(displaySocket(display)).toBeNull();
  });
});
