// Where this platform hears injected input: XInput 2 on X11; what cannot be heard yet is said once as a lasting limit.
import { unavailableInputSource, type InputSource } from './inputSource';
import { createX11InputSource } from './x11InputSource';

export function defaultInputSource(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): InputSource {
  if (platform === 'darwin') {
    return unavailableInputSource('Pause Guard cannot tell who is moving the mouse on a Mac: that needs the Accessibility permission, which it does not ask for.');
  }
  if (platform === 'win32') return unavailableInputSource('Pause Guard cannot tell who is moving the mouse on this computer yet.');
  return createX11InputSource({ env });
}
