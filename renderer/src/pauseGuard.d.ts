// window.pauseGuard, typed from the renderer contract: the preload (Electron) or the preview bridge provides it.
import type { PauseGuardApi } from '../../shared/api';

declare global {
  interface Window {
    pauseGuard: PauseGuardApi;
  }
}

export {};
