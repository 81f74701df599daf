// REAL incoming session: x11vnc under Xvfb, a VNC client in a network namespace (a second machine) and one on loopback.
// The session watcher must report the namespace peer while it is connected, then its end, and never the loopback one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetectionEvent } from '../../shared/events';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createLinuxSessionWatcher } from '../../electron/guardian/watchers/sessions/linuxSessionWatcher';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';

const RFB_CLIENT = join(__dirname, '../fixtures/rfb-client.mjs');
const HOST_ADDRESS = '198.51.100.1';
const PEER_ADDRESS = '198.51.100.2';
const TEST_NET = '198.51.100.';
const POLL_MS = 200;

/** Everything started here, so every exit path can take it down again (Xvfb takes itself down on exit). */
const started = { processes: [] as ChildProcess[], namespace: null as string | null, hostVeth: null as string | null };

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

function cleanUpSync(): void {
  for (const child of started.processes.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (started.namespace) spawnSync('ip', ['netns', 'del', started.namespace], { stdio: 'ignore' });
  if (started.hostVeth) spawnSync('ip', ['link', 'del', started.hostVeth], { stdio: 'ignore' });
  started.namespace = null;
  started.hostVeth = null;
}

function track(child: ChildProcess): ChildProcess {
  started.processes.push(child);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '::', () => server.close(() => resolve(true)));
  });
}

async function freeVncPort(): Promise<number> {
  for (let port = 5900; port <= 5909; port += 1) if (await isFree(port)) return port;
  throw new Error('Every VNC port 5900-5909 is taken on this machine.');
}

async function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startX11vnc(display: string, port: number): Promise<ChildProcess> {
  const x11vnc = track(spawn('x11vnc', ['-display', display, '-rfbport', String(port), '-nopw', '-forever', '-shared', '-listen', '0.0.0.0', '-quiet'], {
    stdio: 'ignore',
  }));
  await vi.waitFor(
    async () => {
      if (x11vnc.exitCode !== null) throw new Error(`x11vnc exited with code ${x11vnc.exitCode}`);
      if (!(await acceptsConnections(port))) throw new Error(`x11vnc is not listening on ${port} yet`);
    },
    { timeout: 20_000, interval: 100 },
  );
  return x11vnc;
}

/** A second machine: a network namespace joined to this one by a veth pair on a /30 of the documentation range. */
function createTestPeer(): string {
  const inUse = `${run('ip', ['-br', 'addr'])}\n${run('ip', ['route'])}\n${run('ip', ['-6', 'route'])}`;
  if (inUse.includes(TEST_NET)) {
    throw new Error(`${TEST_NET}0/24 is already in use on this machine, so the test will not add addresses from it:\n${inUse}`);
  }
  const id = randomBytes(3).toString('hex');
  const namespace = `pgtest-${id}`;
  const hostVeth = `pgh${id}`;
  const peerVeth = `pgp${id}`;
  run('ip', ['netns', 'add', namespace]);
  started.namespace = namespace;
  run('ip', ['link', 'add', hostVeth, 'type', 'veth', 'peer', 'name', peerVeth]);
  started.hostVeth = hostVeth;
  run('ip', ['link', 'set', peerVeth, 'netns', namespace]);
  run('ip', ['addr', 'add', `${HOST_ADDRESS}/30`, 'dev', hostVeth]);
  run('ip', ['link', 'set', hostVeth, 'up']);
  run('ip', ['-n', namespace, 'addr', 'add', `${PEER_ADDRESS}/30`, 'dev', peerVeth]);
  run('ip', ['-n', namespace, 'link', 'set', peerVeth, 'up']);
  run('ip', ['-n', namespace, 'link', 'set', 'lo', 'up']);
  return namespace;
}

/** Starts a real VNC viewer and resolves once it has received its first screen update. */
async function connectClient(command: string[], host: string, port: number): Promise<ChildProcess> {
  const [file = 'node', ...args] = [...command, process.execPath, RFB_CLIENT, host, String(port)];
  const client = track(spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
  let output = '';
  client.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  client.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await vi.waitFor(
    () => {
      if (client.exitCode !== null) throw new Error(`the VNC client exited (${client.exitCode}): ${output.trim()}`);
      if (!output.includes('connected ')) throw new Error('the VNC client has not received the screen yet');
    },
    { timeout: 15_000, interval: 50 },
  );
  return client;
}

/** Tells a client to quit the way a person closing the viewer would: its input ends. */
async function disconnect(client: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => client.once('exit', () => resolve()));
  client.stdin?.end();
  await exited;
}

type SessionStarted = Extract<DetectionEvent, { type: 'session-started' }>;
const sessionStarts = (events: DetectionEvent[]): SessionStarted[] =>
  events.filter((e): e is SessionStarted => e.type === 'session-started');

process.on('exit', cleanUpSync);

describe('an incoming VNC session from another machine (real x11vnc, Xvfb, network namespace)', needs('Linux', 'root', 'Xvfb', 'x11vnc', 'ip'), () => {
  let xvfb: Xvfb | null = null;
  let port = 0;
  let x11vnc: ChildProcess;
  let namespace = '';
  const watchers: Watcher[] = [];

  beforeAll(async () => {
    const startedAt = performance.now();
    xvfb = await startXvfb('320x240x24');
    const { display } = xvfb;
    port = await freeVncPort();
    x11vnc = await startX11vnc(display, port);
    namespace = createTestPeer();
    console.info(`Xvfb ${display}, x11vnc pid ${x11vnc.pid} on port ${port}, namespace ${namespace}: ready in ${Math.round(performance.now() - startedAt)} ms`);
  });

  afterAll(async () => {
    for (const watcher of watchers.splice(0)) await watcher.stop();
    for (const child of [...started.processes].reverse()) await stopProcess(child);
    await xvfb?.stop();
    cleanUpSync();
  });

  it('reports the namespace peer while it is connected and its end after, and never the loopback viewer', async () => {
    const catalog = loadCatalog();
    const events: DetectionEvent[] = [];
    const watcher = createLinuxSessionWatcher({ catalog, intervalMs: POLL_MS });
    watchers.push(watcher);
    await watcher.start((event) => events.push(event));
    expect(sessionStarts(events).filter((e) => e.key.startsWith(`tcp:${port}:`))).toEqual([]);

    const loopback = await connectClient([], '127.0.0.1', port);
    let remote: ChildProcess | null = null;
    try {
      const connectingAt = performance.now();
      remote = await connectClient(['ip', 'netns', 'exec', namespace], HOST_ADDRESS, port);
      const started = await vi.waitFor(
        () => {
          const found = sessionStarts(events).find((e) => e.remoteAddress === PEER_ADDRESS);
          if (!found) throw new Error('no session-started yet');
          return found;
        },
        { timeout: 10_000, interval: 20 },
      );
      console.info(`session-started ${Math.round(performance.now() - connectingAt)} ms after the viewer was started`);
      const x11vncTool = catalog.matchProcess({ pid: 0, ppid: 0, name: 'x11vnc', exe: '/usr/bin/x11vnc', cmdline: 'x11vnc' });
      expect(x11vncTool).toBeTruthy();
      expect(started).toMatchObject({
        kind: 'tcp',
        toolId: x11vncTool?.id,
        name: x11vncTool?.name,
        pid: x11vnc.pid,
        remoteAddress: PEER_ADDRESS,
        remoteId: null,
        risk: 'high',
        initial: false,
      });
      expect(started.key).toMatch(new RegExp(`^tcp:${port}:${PEER_ADDRESS.replaceAll('.', '\\.')}:\\d+$`));

      // The loopback viewer was connected before the peer, so the pass that saw the peer saw it too.
      const sessions = sessionStarts(events);
      expect(sessions.filter((e) => e.remoteAddress?.startsWith('127.') || e.remoteAddress === '::1')).toEqual([]);
      expect(sessions.filter((e) => e.key.startsWith(`tcp:${port}:`))).toEqual([started]);

      // A watcher started during the session reports it in its first pass.
      const lateEvents: DetectionEvent[] = [];
      const late = createLinuxSessionWatcher({ catalog, intervalMs: POLL_MS });
      watchers.push(late);
      await late.start((event) => lateEvents.push(event));
      expect(lateEvents).toContainEqual(expect.objectContaining({ type: 'session-started', key: started.key, pid: x11vnc.pid, initial: true }));

      await disconnect(remote);
      const disconnectedAt = performance.now();
      await vi.waitFor(
        () => {
          if (!events.some((e) => e.type === 'session-ended' && e.key === started.key)) throw new Error('no session-ended yet');
        },
        { timeout: 10_000, interval: 20 },
      );
      console.info(`session-ended ${Math.round(performance.now() - disconnectedAt)} ms after the viewer quit`);
      expect(events.find((e) => e.type === 'session-ended' && e.key === started.key)).toEqual({
        type: 'session-ended',
        key: started.key,
        kind: 'tcp',
        toolId: started.toolId,
        name: started.name,
        pid: x11vnc.pid,
        remoteAddress: PEER_ADDRESS,
        remoteId: null,
        since: started.since,
      });
    } finally {
      if (remote) await stopProcess(remote);
      await stopProcess(loopback);
    }
    expect(sessionStarts(events).filter((e) => e.key.startsWith(`tcp:${port}:`))).toHaveLength(1);
    expect(events.filter((e) => e.type === 'watcher-failed')).toEqual([]);
  });
});
