// The engine: first passes before ready, time stamps, risk raised by a bank page, failing watchers, status, stop.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DetectionEvent, GuardianEvent } from '../../../shared/events';
import { createEngine, EngineStartError } from '../../../electron/guardian/engine';
import type { Emit, Watcher } from '../../../electron/guardian/watchers/watcher';

/** A watcher driven by the test: its first pass emits `initial`, later events go through `emit`. */
function scriptedWatcher(name: string, initial: DetectionEvent[] = []): Watcher & { emit: Emit; stopped: boolean } {
  let sink: Emit = () => undefined;
  const watcher = {
    name,
    stopped: false,
    emit: (event: DetectionEvent) => sink(event),
    async start(emit: Emit) {
      sink = emit;
      for (const event of initial) emit(event);
    },
    async stop() {
      watcher.stopped = true;
    },
  };
  return watcher;
}

const session = (key: string): DetectionEvent => ({
  type: 'session-started', key, kind: 'tcp', toolId: 'x11vnc', name: 'x11vnc', pid: 10,
  remoteAddress: '198.51.100.2', remoteId: null, since: '2026-11-26T10:00:00.000Z', risk: 'high', initial: false,
});

const tmpDirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-engine-'));
  tmpDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tmpDirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('engine', () => {
  it('emits the first passes, then ready naming every watcher, with times stamped', async () => {
    const processes = scriptedWatcher('processes', [
      { type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 7, exe: '/x/AnyDesk.exe', initial: true },
    ]);
    const engine = createEngine({ dataDir: await dataDir(), watchers: [processes, scriptedWatcher('downloads')], now: () => new Date('2026-11-26T10:00:00Z') });
    const seen: GuardianEvent[] = [];
    engine.onEvent((e) => seen.push(e));
    await engine.start();
    expect(seen.map((e) => e.type)).toEqual(['tool-started', 'ready']);
    expect(seen[1]).toEqual({ type: 'ready', at: '2026-11-26T10:00:00.000Z', watchers: ['processes', 'downloads'] });
    expect(engine.status().state).toBe('warning');
    expect(engine.status().toolsRunning).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', pid: 7, tier: 'interrupt' }]);
    await engine.stop();
    expect(processes.stopped).toBe(true);
  });

  it('raises a live session to the highest risk when a bank page opens, and starts new sessions there while it is open', async () => {
    const sessions = scriptedWatcher('sessions');
    const windows = scriptedWatcher('windows');
    const engine = createEngine({ dataDir: await dataDir(), watchers: [sessions, windows] });
    const seen: GuardianEvent[] = [];
    engine.onEvent((e) => seen.push(e));
    await engine.start();
    sessions.emit(session('tcp:5900:198.51.100.2:40000'));
    windows.emit({ type: 'window-seen', kind: 'bank', toolId: null, pid: 99 });
    expect(seen.at(-1)).toMatchObject({ type: 'session-risk-raised', key: 'tcp:5900:198.51.100.2:40000', risk: 'highest' });
    sessions.emit(session('tcp:5900:198.51.100.2:40001'));
    expect(seen.at(-1)).toMatchObject({ type: 'session-started', key: 'tcp:5900:198.51.100.2:40001', risk: 'highest' });
    windows.emit({ type: 'window-gone', kind: 'bank', toolId: null, pid: 99 });
    sessions.emit(session('tcp:5900:198.51.100.2:40002'));
    expect(seen.at(-1)).toMatchObject({ key: 'tcp:5900:198.51.100.2:40002', risk: 'high' });
    await engine.stop();
  });

  it('keeps going when one watcher fails to start, and reports the problem in the status until it recovers', async () => {
    const broken: Watcher = { name: 'windows', start: async () => { throw new Error('No screen to watch.'); }, stop: async () => undefined };
    const processes = scriptedWatcher('processes');
    const engine = createEngine({ dataDir: await dataDir(), watchers: [broken, processes] });
    const seen: GuardianEvent[] = [];
    engine.onEvent((e) => seen.push(e));
    await engine.start();
    expect(seen.map((e) => e.type)).toEqual(['watcher-failed', 'ready']);
    expect(engine.status()).toMatchObject({ state: 'problem', watchers: [{ name: 'windows', ok: false, message: 'No screen to watch.' }, { name: 'processes', ok: true }] });
    processes.emit({ type: 'watcher-recovered', watcher: 'windows' });
    expect(engine.status().state).toBe('protected');
    await engine.stop();
  });

  it('lists a lasting limit of this computer without calling protection broken', async () => {
    const windows = scriptedWatcher('windows', [{ type: 'watcher-failed', watcher: 'windows', message: 'No desktop is running here.', lasting: true }]);
    const engine = createEngine({ dataDir: await dataDir(), watchers: [windows] });
    await engine.start();
    expect(engine.status()).toMatchObject({ state: 'protected', watchers: [{ name: 'windows', ok: false, message: 'No desktop is running here.' }] });
    await engine.stop();
  });

  it('tells status listeners after every event', async () => {
    const processes = scriptedWatcher('processes');
    const engine = createEngine({ dataDir: await dataDir(), watchers: [processes] });
    const states: string[] = [];
    engine.onStatus((s) => states.push(s.state));
    await engine.start();
    processes.emit({ type: 'tool-started', toolId: 'ngrok', name: 'ngrok', tier: 'log', pid: 3, exe: null, initial: false });
    processes.emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4, exe: null, initial: false });
    processes.emit({ type: 'tool-stopped', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4, exe: null });
    expect(states).toEqual(['protected', 'protected', 'warning', 'protected']);
    await engine.stop();
  });

  it('refuses a data folder it cannot write, in plain words', async () => {
    const file = path.join(await dataDir(), 'not-a-folder');
    await fs.writeFile(file, 'x');
    const engine = createEngine({ dataDir: path.join(file, 'data'), watchers: [] });
    await expect(engine.start()).rejects.toThrow(EngineStartError);
    await expect(engine.start()).rejects.toThrow(/cannot use the data folder .*not-a-folder/);
  });
});
