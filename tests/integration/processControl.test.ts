// Suspending, resuming and ending real processes (copies of /bin/sleep and /bin/sh named like remote tools) by signal,
// read back from /proc/PID/stat; on Windows, the pids it must never touch (the Win32 side runs under Wine in tests/windows).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fakeTool as fakeToolIn, runTracked } from '../fixtures/toolProcesses';
import { createProcessControl } from '../../electron/guardian/actions/processControl';
import { needs } from '../prerequisites/needs';

let dir: string;
const children = new Set<ChildProcess>();

const fakeTool = (name: string, from?: string): string => fakeToolIn(dir, name, from);
const run = (exe: string, args: string[]) => runTracked(children, exe, args);

/** The state letter of /proc/PID/stat: S sleeping, T stopped, Z zombie; null once the pid is gone. */
function stateOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.signalCode)
    : new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

async function waitForState(pid: number, wanted: string): Promise<void> {
  for (let i = 0; i < 100 && stateOf(pid) !== wanted; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-control-'));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([...children].map(exitOf));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('process control on Linux, for real', needs('Linux'), () => {
  const control = createProcessControl({ graceMs: 300 });

  it('freezes a tool and lets it run again', async () => {
    const tool = run(fakeTool('AnyDesk', '/bin/sleep'), ['30']);
    await waitForState(tool.pid, 'S');
    expect(control.canSuspend).toBe(true);
    await expect(control.suspend(tool.pid)).resolves.toBe('done');
    await waitForState(tool.pid, 'T');
    expect(stateOf(tool.pid)).toBe('T');
    await expect(control.resume(tool.pid)).resolves.toBe('done');
    await waitForState(tool.pid, 'S');
    expect(stateOf(tool.pid)).toBe('S');
  });

  it('ends a tool with SIGTERM, even while it is frozen', async () => {
    const tool = run(fakeTool('TeamViewer', '/bin/sleep'), ['30']);
    await control.suspend(tool.pid);
    await waitForState(tool.pid, 'T');
    const exited = exitOf(tool);
    await expect(control.end(tool.pid)).resolves.toBe('done');
    await expect(exited).resolves.toBe('SIGTERM');
  });

  it('kills a tool that ignores SIGTERM once the grace period is over', async () => {
    const tool = run(fakeTool('rustdesk', '/bin/sh'), ['-c', "trap '' TERM; read line"]);
    await waitForState(tool.pid, 'S');
    const exited = exitOf(tool);
    await expect(control.end(tool.pid)).resolves.toBe('done');
    await expect(exited).resolves.toBe('SIGKILL');
  });

  it('says a pid that is already gone is gone', async () => {
    const tool = run(fakeTool('AnyDesk-gone', '/bin/sleep'), ['30']);
    tool.kill('SIGKILL');
    await exitOf(tool);
    await expect(control.suspend(tool.pid)).resolves.toBe('gone');
    await expect(control.end(tool.pid)).resolves.toBe('gone');
  });

  it.each([0, 1, -1, 1.5, Number.NaN, process.pid, process.ppid])('never signals pid %s', async (pid) => {
    const kill = vi.fn();
    const guarded = createProcessControl({ kill });
    await expect(guarded.suspend(pid)).resolves.toBe('refused');
    await expect(guarded.resume(pid)).resolves.toBe('refused');
    await expect(guarded.end(pid)).resolves.toBe('refused');
    expect(kill).not.toHaveBeenCalled();
  });
});

describe('process control on Windows, before any Win32 call', () => {
  // The freezing and ending themselves run under Wine (tests/windows); the guard is checked here, where no Win32 exists.
  it('never opens pid 0, System (4), Pause Guard or its parent, and says an unusable Win32 failed', async () => {
    const control = createProcessControl({ platform: 'win32', ownPids: [900, 800] });
    expect(control.canSuspend).toBe(true);
    for (const pid of [0, 4, 900, 800, -1, 1.5]) {
      await expect(control.end(pid)).resolves.toBe('refused');
      await expect(control.suspend(pid)).resolves.toBe('refused');
    }
    await expect(control.end(4242)).resolves.toBe('failed');
  });
});
