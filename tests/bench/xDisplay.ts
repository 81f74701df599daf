// A real X11 desktop for a bench to run the windows watcher on: Xvfb on a display it picks itself, with the matchbox
// window manager publishing the window list (EWMH). Null when either program is not installed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createX11Source } from '../../electron/guardian/watchers/screen/x11Source';
import { endProcessGroup } from '../fixtures/processGroup';
import { startXvfb } from '../fixtures/xvfb';

export interface XDisplay {
  /** The DISPLAY value, e.g. ":3". */
  readonly display: string;
  /** Ends the window manager and Xvfb. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startXDisplay(): Promise<XDisplay | null> {
  if (!onPath('Xvfb') || !onPath('matchbox-window-manager')) return null;
  const xvfb = await startXvfb();
  const { display } = xvfb;
  let windowManager: ChildProcess | null = null;
  const stop = async () => {
    if (windowManager) await endProcessGroup(windowManager);
    await xvfb.stop();
  };
  try {
    windowManager = spawn('matchbox-window-manager', ['-use_titlebar', 'no'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', detached: true });
    const source = createX11Source({ env: { DISPLAY: display } });
    try {
      await until('the window manager to publish its window list', () => source.list().then(() => true, () => false));
    } finally {
      await source.close();
    }
    return { display, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
