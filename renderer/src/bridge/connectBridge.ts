// Finds window.pauseGuard before React renders: the preload's in Electron, else a preview client when the page URL
// carries the preview host's ?token=. Returns null when there is neither, so the page can say so plainly.
import type { PauseGuardApi } from '../../../shared/api';
import { WIRE_PATH } from '../../../shared/previewWire';
import { createPreviewClient } from './previewClient';

export function connectBridge(
  win: Window,
  openSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
): PauseGuardApi | null {
  const provided = (win as Partial<Window>).pauseGuard;
  if (provided) return provided;
  const token = new URLSearchParams(win.location.search).get('token');
  if (!token) return null;
  const scheme = win.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const api = createPreviewClient(openSocket(`${scheme}//${win.location.host}${WIRE_PATH}?token=${encodeURIComponent(token)}`));
  win.pauseGuard = api;
  return api;
}
