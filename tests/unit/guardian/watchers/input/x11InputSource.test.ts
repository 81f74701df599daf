// Where the X11 input source cannot listen, it says so as a lasting limit in plain words, before touching any socket;
// a display that is not there is a plain failure. (Listening itself runs for real in tests/integration/injectedInput.test.ts.)
import { describe, expect, it } from 'vitest';
import { InputUnavailableError } from '../../../../../electron/guardian/watchers/input/inputSource';
import { isXTestDevice, createX11InputSource } from '../../../../../electron/guardian/watchers/input/x11InputSource';

describe('the X11 input source', () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['a Wayland desktop', { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, /keeps input private/],
    ['Wayland with no X display', { WAYLAND_DISPLAY: 'wayland-0' }, /keeps input private/],
    ['no desktop at all', {}, /no desktop is running here/],
  ])('names %s as a lasting limit', async (_what, env, words) => {
    const started = createX11InputSource({ env }).start(() => undefined);
    await expect(started).rejects.toBeInstanceOf(InputUnavailableError);
    await expect(started).rejects.toThrow(words);
  });

  it('fails plainly, and not as a limit, when the display is not running', async () => {
    const started = createX11InputSource({ env: { DISPLAY: ':987' } }).start(() => undefined);
    await expect(started).rejects.toThrow('no display is running at :987');
    await expect(started).rejects.not.toBeInstanceOf(InputUnavailableError);
  });

  it('knows XTEST\'s devices by the names every X server gives them, and no others', () => {
    expect(['Virtual core XTEST pointer', 'Virtual core XTEST keyboard'].map(isXTestDevice)).toEqual([true, true]);
    expect(['Virtual core pointer', 'Xvfb mouse', 'Logitech USB Receiver', 'XTEST pointer lookalike', 'Virtual core XTEST pointer 2'].map(isXTestDevice))
      .toEqual([false, false, false, false, false]);
  });
});
