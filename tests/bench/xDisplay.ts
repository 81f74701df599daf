// A real X11 desktop for a bench to run the windows watcher on: Xvfb on a display it picks itself, with the matchbox
// window manager publishing the window list (EWMH). Null when either program is not installed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createX11Source } from '../../electron/guardian/watchers/windows/x11Source';

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

/** Ends a program started in its own process group, with every child it started. */
function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return Promise.resolve();
  }
  return exited;
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
  const started: ChildProcess[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await end(child);
  };
  try {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      detached: true,
    });
    started.push(xvfb);
    let said = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    await until('Xvfb to start', async () => /^\d+\n/.test(said) || xvfb.exitCode !== null);
    const number = /^(\d+)\n/.exec(said)?.[1];
    if (!number) throw new Error(`Xvfb exited (${xvfb.exitCode}) before it said which display it runs.`);
    const display = `:${number}`;
    started.push(spawn('matchbox-window-manager', ['-use_titlebar', 'no'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', detached: true }));
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
