// Where this platform hears injected input: XInput 2 on X11, low-level hooks on Windows; what cannot be heard is said once
// as a lasting limit.
import { unavailableInputSource, type InputSource } from './inputSource';
import { createWin32InputSource } from './win32InputSource';
import { createX11InputSource } from './x11InputSource';

export function defaultInputSource(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): InputSource {
  if (platform === 'darwin') {
    return unavailableInputSource('Pause Guard cannot tell who is moving the mouse on a Mac: that needs the Accessibility permission, which it does not ask for.');
  }
  if (platform === 'win32') return createWin32InputSource();
  return createX11InputSource({ env });
}
