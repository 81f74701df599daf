import { GuardianEventSchema, type DetectionEvent } from '../../../../../shared/events';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { createProcessWatcher } from '../../../../../electron/guardian/watchers/processes/processWatcher';
import type { ProcessSource, RunningProcess } from '../../../../../electron/guardian/watchers/processes/processSource';

const catalog = loadCatalog({
  version: 1,
  source: 'test',
  tools: [
    {
      id: 'anydesk',
      name: 'AnyDesk',
      description: 'AnyDesk lets another person see and control this computer.',
      tier: 'interrupt',
      executables: { windows: ['AnyDesk.exe'], linux: ['anydesk'] },
      executablePatterns: ['anydesk-*.exe'],
    },
    {
      id: 'teamviewer',
      name: 'TeamViewer',
      description: 'TeamViewer lets another person see and control this computer.',
      tier: 'interrupt',
      executables: { windows: ['TeamViewer.exe', 'TeamViewer_Desktop.exe'] },
      sessionProcesses: [{ executable: 'TeamViewer_Desktop.exe', argsContain: ['--module 1'] }],
    },
  ],
});

function proc(pid: number, exe: string, extra: Partial<RunningProcess> = {}): RunningProcess {
  return { pid, ppid: 1, name: exe.slice(exe.lastIndexOf('/') + 1).slice(0, 15), exe, cmdline: exe, start: '100', startedAt: '2025-01-02T03:04:05.000Z', ...extra };
}

/** A source whose list the test sets; it can fail or be slow on purpose, and counts its calls. */
class ScriptedSource implements ProcessSource {
  readonly name = 'proc' as const;
  running: RunningProcess[] = [];
  failure: Error | null = null;
  delayMs = 0;
  calls = 0;
  concurrent = 0;
  maxConcurrent = 0;
  private waiters: { calls: number; resolve: () => void }[] = [];

  async list(): Promise<RunningProcess[]> {
    this.calls++;
    for (const w of this.waiters.filter((w) => this.calls >= w.calls)) w.resolve();
    this.concurrent++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.failure) throw this.failure;
      return [...this.running];
    } finally {
      this.concurrent--;
    }
  }

  /** Resolves once the current pass and one whole pass after it are done (the next list call has begun). */
  settle(): Promise<void> {
    const calls = this.calls + 2;
    return new Promise((resolve) => this.waiters.push({ calls, resolve }));
  }
}

describe('the process watcher', () => {
  let source: ScriptedSource;
  let events: DetectionEvent[];
  let watcher: ReturnType<typeof createProcessWatcher>;

  beforeEach(() => {
    source = new ScriptedSource();
    events = [];
    watcher = createProcessWatcher({ source, catalog, intervalMs: 5 });
  });
  afterEach(() => watcher.stop());

  const start = () => watcher.start((e) => events.push(e));
  const take = () => events.splice(0);

  it('reports tools already running once, as initial, in the first pass', async () => {
    source.running = [proc(10, '/usr/bin/bash'), proc(11, '/opt/AnyDesk/AnyDesk.exe')];
    await start();
    expect(watcher.name).toBe('processes');
    expect(take()).toEqual([
      { type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 11, exe: '/opt/AnyDesk/AnyDesk.exe', initial: true },
    ]);
    await source.settle();
    await source.settle();
    expect(take()).toEqual([]);
  });

  it('reports a tool that starts later as not initial, and its stop', async () => {
    await start();
    source.running = [proc(20, '/tmp/x/AnyDesk-9f2c.exe', { ppid: null, cmdline: null })];
    await source.settle();
    expect(take()).toEqual([
      { type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 20, exe: '/tmp/x/AnyDesk-9f2c.exe', initial: false },
    ]);
    source.running = [];
    await source.settle();
    expect(take()).toEqual([{ type: 'tool-stopped', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 20, exe: '/tmp/x/AnyDesk-9f2c.exe' }]);
  });

  it('reports a session process as a live session, ended before its tool stops', async () => {
    const desktop = proc(30, '/opt/tv/TeamViewer_Desktop.exe', { start: '777', cmdline: '/opt/tv/TeamViewer_Desktop.exe\0--IPCport\x005939\0--Module\x001' });
    source.running = [proc(29, '/opt/tv/TeamViewer.exe', { cmdline: '/opt/tv/TeamViewer.exe --Module 1' })];
    await start();
    take();
    source.running = [...source.running, desktop];
    await source.settle();
    const session = { key: 'process:30:777', kind: 'process', toolId: 'teamviewer', name: 'TeamViewer', pid: 30, remoteAddress: null, remoteId: null, since: '2025-01-02T03:04:05.000Z' };
    expect(take()).toEqual([
      { type: 'tool-started', toolId: 'teamviewer', name: 'TeamViewer', tier: 'interrupt', pid: 30, exe: desktop.exe, initial: false },
      { type: 'session-started', ...session, risk: 'high', initial: false },
    ]);
    source.running = source.running.filter((p) => p !== desktop);
    await source.settle();
    expect(take()).toEqual([
      { type: 'session-ended', ...session },
      { type: 'tool-stopped', toolId: 'teamviewer', name: 'TeamViewer', tier: 'interrupt', pid: 30, exe: desktop.exe },
    ]);
  });

  it('dates a session from when it was seen when the source does not know the start time', async () => {
    source.running = [proc(31, '/opt/tv/TeamViewer_Desktop.exe', { startedAt: null, cmdline: 'TeamViewer_Desktop.exe --IPCport 5939 --Module 1' })];
    const before = Date.now();
    await start();
    const session = take().find((e) => e.type === 'session-started');
    expect(session).toMatchObject({ initial: true });
    expect(session && 'since' in session && Date.parse(session.since)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('takes a reused PID (other start time) or an exec() into another program for a new process', async () => {
    source.running = [proc(40, '/usr/bin/node', { start: '1' })];
    await start();
    source.running = [proc(40, '/tmp/t/AnyDesk.exe', { start: '1' })];
    await source.settle();
    source.running = [proc(40, '/tmp/t/AnyDesk.exe', { start: '2' })];
    await source.settle();
    expect(take().map((e) => [e.type, 'pid' in e ? e.pid : null, 'initial' in e ? e.initial : null])).toEqual([
      ['tool-started', 40, false],
      ['tool-stopped', 40, null],
      ['tool-started', 40, false],
    ]);
  });

  it('says once, in a plain sentence, that it cannot list programs, keeps trying, and says when it works again', async () => {
    source.failure = new Error('ps exited with code 1');
    await expect(start()).resolves.toBeUndefined();
    await source.settle();
    await source.settle();
    expect(take()).toEqual([
      {
        type: 'watcher-failed',
        watcher: 'processes',
        message: 'Pause Guard cannot see which programs are running (ps exited with code 1), so a remote-control program starting would not be noticed.',
      },
    ]);
    source.failure = null;
    source.running = [proc(50, '/opt/AnyDesk/AnyDesk.exe')];
    await source.settle();
    expect(take()).toEqual([
      { type: 'watcher-recovered', watcher: 'processes' },
      expect.objectContaining({ type: 'tool-started', pid: 50, initial: true }),
    ]);
  });

  it('never runs two passes at once when the source is slower than the interval', async () => {
    source.delayMs = 30;
    await start();
    await source.settle();
    await source.settle();
    expect(source.maxConcurrent).toBe(1);
  });

  it('stops every timer: no pass runs after stop(), even one that was in flight', async () => {
    source.delayMs = 20;
    await start();
    await source.settle();
    source.running = [proc(60, '/opt/AnyDesk/AnyDesk.exe')];
    await watcher.stop();
    const calls = source.calls;
    await new Promise((r) => setTimeout(r, 60));
    expect(source.calls).toBe(calls);
    expect(take()).toEqual([]);
  });

  it('emits only events the shared schema accepts', async () => {
    source.running = [proc(70, '/opt/tv/TeamViewer_Desktop.exe', { cmdline: 'TeamViewer_Desktop.exe --Module 1' })];
    await start();
    source.running = [];
    await source.settle();
    const all = take();
    expect(all.map((e) => e.type)).toEqual(['tool-started', 'session-started', 'session-ended', 'tool-stopped']);
    for (const event of all) expect(GuardianEventSchema.safeParse({ ...event, at: '2025-01-02T03:04:05.000Z' }).success).toBe(true);
  });
});
