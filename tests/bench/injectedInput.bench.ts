// Injected-input watcher benchmark, beside the engine's: its CPU on a real X11 display (Xvfb) while nothing moves the
// mouse, and while a VNC viewer moves it through x11vnc at a mouse's pace (60 moves a second) the whole time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './benchResult';
import type { InjectedInputProbeReport } from './injectedInputProbe';
import { bundleProbe, runProbe } from './probeProcess';
import { startXvfb } from '../fixtures/xvfb';

/** Still: nothing at all happens without input. Moving: every raw event is one wake-up of the process (about 70 a second
 *  from a viewer moving steadily), measured at 2.3% of one core on this 2-core machine while other tests ran. */
const BUDGET = { stillCpuPercent: 0.1, movingCpuPercent: 3 };
const VIEWER = path.join(import.meta.dirname, '../fixtures/rfb-client.mjs');

async function listening(port: number): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`x11vnc did not listen on port ${port}.`);
}

const stop = (child: ChildProcess | null): void => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
};

export async function run(): Promise<BenchResult[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-bench-input-'));
  const xvfb = await startXvfb('640x480x24');
  let server: ChildProcess | null = null;
  let viewer: ChildProcess | null = null;
  try {
    const probe = await bundleProbe('injectedInputProbe.ts', outDir);
    const env = { DISPLAY: xvfb.display };
    const still = await runProbe<InjectedInputProbeReport>(probe, [], env);
    const port = 5990 + (process.pid % 9);
    server = spawn('x11vnc', ['-display', xvfb.display, '-rfbport', String(port), '-nopw', '-forever', '-shared', '-localhost', '-quiet'], { stdio: 'ignore' });
    await listening(port);
    viewer = spawn(process.execPath, [VIEWER, '127.0.0.1', String(port)], { stdio: ['pipe', 'ignore', 'ignore'] });
    viewer.stdin?.write('move 60000\n');
    const moving = await runProbe<InjectedInputProbeReport>(probe, [], env);
    const note = (r: InjectedInputProbeReport) =>
      r.ok ? `${r.seconds.toFixed(0)} s, heard ${r.samplesPerSecond.toFixed(0)} moves and presses a second` : `did not run: ${r.message ?? ''}`;
    return [
      { subject: 'injected-input watcher (X11)', figure: 'CPU, mouse still, % of one core', value: still.cpuPercent, unit: '%', budget: BUDGET.stillCpuPercent, note: note(still) },
      { subject: 'injected-input watcher (X11)', figure: 'CPU, VNC viewer moving the mouse', value: moving.cpuPercent, unit: '%', budget: BUDGET.movingCpuPercent, note: note(moving) },
    ];
  } finally {
    stop(viewer);
    stop(server);
    await xvfb.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
