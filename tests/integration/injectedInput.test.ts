// REAL remote control seen whatever the tool: x11vnc under Xvfb, and a renamed copy of it on a port no catalog knows,
// each driven by a VNC viewer in a network namespace (a second machine) that moves the pointer, clicks and types.
// `watch --json` must print remote-input within 3 s of sustained input, interrupt with it, and print remote-input-ended
// after it stops; a short burst must not be reported.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readJsonLines, type JsonLine, type JsonLines } from '../fixtures/jsonLines';
import { createVncLab, freePort, stopProcess } from '../fixtures/vncLab';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';
import { createInjectedInputWatcher } from '../../electron/guardian/watchers/input/injectedInputWatcher';
import { REMOTE_CONTROL } from '../../electron/guardian/watchers/input/remoteInputClassifier';
import { createX11InputSource } from '../../electron/guardian/watchers/input/x11InputSource';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const lab = createVncLab({ hostAddress: '198.51.100.5', peerAddress: '198.51.100.6' });
/** What the issue asks: remote-input within this long of sustained injected input starting. */
const REPORTED_WITHIN_MS = 3000;

let xvfb: Xvfb | null = null;
let workDir = '';
let watch: ChildProcess | null = null;
let events: JsonLines;

describe('remote control seen from injected input (real x11vnc, Xvfb, network namespace)', needs('Linux', 'root', 'Xvfb', 'x11vnc', 'ip'), () => {
  beforeAll(async () => {
    xvfb = await startXvfb('640x480x24');
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-injected-'));
    await fs.mkdir(path.join(workDir, 'downloads'));
    await fs.mkdir(path.join(workDir, 'bin'));
    lab.peer();
    watch = spawn('npm', [
      'run', '--silent', 'pauseguard', '--', 'watch', '--json', '--data-dir', path.join(workDir, 'data'),
      '--downloads', path.join(workDir, 'downloads'), '--processes-in', path.join(workDir, 'bin'),
    ], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: xvfb.display, XDG_SESSION_TYPE: 'x11' } });
    events = readJsonLines(watch.stdout!);
    await events.next((e) => e.type === 'ready', 120_000);
  }, 180_000);

  afterAll(async () => {
    if (watch) await stopProcess(watch);
    await lab.tearDown();
    await xvfb?.stop();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('watches the input without a problem', () => {
    expect(events.lines.find((e) => e.type === 'ready')?.watchers).toContain('input');
    expect(events.lines.filter((e) => e.type === 'watcher-failed' && e.watcher === 'input')).toEqual([]);
  });

  it('watch --json: a renamed copy of x11vnc on a port no catalog knows, driven from the namespace, interrupts', async () => {
    const program = path.join(workDir, 'bin', 'screen-helper');
    await fs.copyFile('/usr/bin/x11vnc', program);
    const seen = await seesRemoteControl(events, program, 7311);
    expect(seen).toContainEqual(expect.objectContaining({ type: 'interruption-requested', cause: 'remote-input', toolId: null }));
    expect(seen.filter((e) => e.type === 'session-started')).toEqual([]);
  }, 90_000);

  // Under the CLI, the session watcher sees x11vnc's connection itself and the cover (still up from the test before)
  // freezes x11vnc, so no input could come through: the CLI is stopped, and the injected-input watcher is run on its own.
  it('x11vnc, driven from the namespace, is heard the same way by the injected-input watcher', async () => {
    if (watch) await stopProcess(watch);
    watch = null;
    const lines = new PassThrough();
    const heard = readJsonLines(lines);
    const watcher = createInjectedInputWatcher({ source: createX11InputSource({ env: { DISPLAY: xvfb!.display } }) });
    await watcher.start((event) => lines.write(`${JSON.stringify({ ...event, at: new Date().toISOString() })}\n`));
    try {
      await seesRemoteControl(heard, '/usr/bin/x11vnc', 5950);
    } finally {
      await watcher.stop();
      lines.end();
    }
  }, 90_000);
});

/** Starts `program` as a VNC server on a free port from `fromPort`, drives it from the namespace: a short burst first,
 *  which must not be reported, then a caller's hand, which must be within REPORTED_WITHIN_MS, and then its end. */
async function seesRemoteControl(events: JsonLines, program: string, fromPort: number): Promise<JsonLine[]> {
  const port = await freePort(fromPort, fromPort + 9);
  const server = await lab.startServer(xvfb!.display, port, program);
  const viewer = await lab.connect(port);
  const seenBefore = events.lines.length;
  const newEvents = () => events.lines.slice(seenBefore);
  try {
    // A short burst: moves and a click for well under sustainedMs, then quiet.
    await viewer.drive(`move ${REMOTE_CONTROL.sustainedMs / 2}`);
    await viewer.drive('click');
    await new Promise((resolve) => setTimeout(resolve, REMOTE_CONTROL.maxGapMs * 2));
    expect(newEvents().filter((e) => e.type === 'remote-input')).toEqual([]);

    // Sustained: a caller's hand, moving, clicking and typing.
    const startedAt = performance.now();
    const driving = (async () => {
      await viewer.drive('move 1000');
      await viewer.drive('click');
      await viewer.drive('move 1500');
      await viewer.drive('type hello');
      await viewer.drive('move 1000');
    })();
    const reported = await events.next((e) => e.type === 'remote-input' && events.lines.indexOf(e) >= seenBefore, 15_000);
    const tookMs = performance.now() - startedAt;
    console.info(`remote-input from ${path.basename(program)} ${Math.round(tookMs)} ms after the viewer started moving`);
    expect(tookMs).toBeLessThan(REPORTED_WITHIN_MS);
    expect(reported).toMatchObject({ source: 'injected', device: 'Virtual core XTEST pointer', pid: null });
    expect(Date.parse(String(reported.since))).toBeLessThanOrEqual(Date.parse(String(reported.at)));
    await driving;

    const stoppedAt = performance.now();
    const ended = await events.next((e) => e.type === 'remote-input-ended' && events.lines.indexOf(e) >= seenBefore, REMOTE_CONTROL.quietMs + 10_000);
    console.info(`remote-input-ended ${Math.round(performance.now() - stoppedAt)} ms after the viewer stopped`);
    expect(ended).toMatchObject({ source: 'injected', device: 'Virtual core XTEST pointer', since: reported.since });
    expect(newEvents().filter((e) => e.type === 'remote-input')).toHaveLength(1);
    return newEvents();
  } finally {
    await lab.disconnect(viewer).catch(() => undefined);
    await stopProcess(server);
  }
}
