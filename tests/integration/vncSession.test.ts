// REAL incoming session: x11vnc under Xvfb, a VNC client in a network namespace (a second machine) and one on loopback.
// The session watcher must report the namespace peer while it is connected, then its end, and never the loopback one.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetectionEvent } from '../../shared/events';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createLinuxSessionWatcher } from '../../electron/guardian/watchers/sessions/linuxSessionWatcher';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import { createVncLab, freePort, stopProcess, type Viewer } from '../fixtures/vncLab';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';

const HOST_ADDRESS = '198.51.100.1';
const PEER_ADDRESS = '198.51.100.2';
const POLL_MS = 200;

const lab = createVncLab({ hostAddress: HOST_ADDRESS, peerAddress: PEER_ADDRESS });

type SessionStarted = Extract<DetectionEvent, { type: 'session-started' }>;
const sessionStarts = (events: DetectionEvent[]): SessionStarted[] =>
  events.filter((e): e is SessionStarted => e.type === 'session-started');

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
    port = await freePort(5900, 5909);
    x11vnc = await lab.startServer(display, port);
    namespace = lab.peer();
    console.info(`Xvfb ${display}, x11vnc pid ${x11vnc.pid} on port ${port}, namespace ${namespace}: ready in ${Math.round(performance.now() - startedAt)} ms`);
  });

  afterAll(async () => {
    for (const watcher of watchers.splice(0)) await watcher.stop();
    await lab.tearDown();
    await xvfb?.stop();
  });

  it('reports the namespace peer while it is connected and its end after, and never the loopback viewer', async () => {
    const catalog = loadCatalog();
    const events: DetectionEvent[] = [];
    const watcher = createLinuxSessionWatcher({ catalog, intervalMs: POLL_MS });
    watchers.push(watcher);
    await watcher.start((event) => events.push(event));
    expect(sessionStarts(events).filter((e) => e.key.startsWith(`tcp:${port}:`))).toEqual([]);

    const loopback = await lab.connect(port, true);
    let remote: Viewer | null = null;
    try {
      const connectingAt = performance.now();
      remote = await lab.connect(port);
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

      await lab.disconnect(remote);
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
      if (remote) await stopProcess(remote.child);
      await stopProcess(loopback.child);
    }
    expect(sessionStarts(events).filter((e) => e.key.startsWith(`tcp:${port}:`))).toHaveLength(1);
    expect(events.filter((e) => e.type === 'watcher-failed')).toEqual([]);
  });
});
