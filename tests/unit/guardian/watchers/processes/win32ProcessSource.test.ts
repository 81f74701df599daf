// The Windows source's memory of each pid, on an in-memory process table: a process is read once and its handle held
// while it is listed, released once it is gone; a pid that comes back (which Wine cannot be made to do on demand) is
// read afresh. The real calls run in tests/windows.
import type { ProcessApi, ProcessHandle } from '../../../../../electron/guardian/win32/processApi';
import { createWin32ProcessSource } from '../../../../../electron/guardian/watchers/processes/win32ProcessSource';

interface FakeProcess {
  pid: number;
  ppid: number;
  exeFile: string;
  path: string;
  commandLine: string;
  startTicks: bigint;
  /** True for a process OpenProcess refuses (a service, System). */
  refuses?: boolean;
}

function processTable(processes: FakeProcess[]) {
  const reads = { path: 0, commandLine: 0, open: new Set<number>() };
  const byHandle = (handle: ProcessHandle) => handle as unknown as FakeProcess;
  const api: ProcessApi = {
    listProcesses: () => processes.map(({ pid, ppid, exeFile }) => ({ pid, ppid, exeFile })),
    open: (pid) => {
      const found = processes.find((p) => p.pid === pid);
      if (!found) return { ok: false, error: 87 };
      if (found.refuses) return { ok: false, error: 5 };
      reads.open.add(pid);
      return { ok: true, handle: found as unknown as ProcessHandle };
    },
    close: (handle) => void reads.open.delete(byHandle(handle).pid),
    startTime: (handle) => byHandle(handle).startTicks,
    imagePath: (handle) => (reads.path++, byHandle(handle).path),
    commandLine: (_pid, handle) => (reads.commandLine++, byHandle(handle).commandLine),
    suspend: () => 0,
    resume: () => 0,
    terminate: () => 0,
    hasExited: () => true,
  };
  return { api, reads };
}

const anyDesk: FakeProcess = {
  pid: 7324,
  ppid: 612,
  exeFile: 'AnyDesk.exe',
  path: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe',
  commandLine: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --control',
  // 2024-03-01T09:30:00.000Z as a FILETIME
  startTicks: (BigInt(Date.parse('2024-03-01T09:30:00.000Z')) + 11_644_473_600_000n) * 10_000n,
};
const system: FakeProcess = { pid: 4, ppid: 0, exeFile: 'System', path: '', commandLine: '', startTicks: 0n, refuses: true };

describe('the Windows process source', () => {
  it('lists path, command line and start time, and lists a process it may not open by name alone', async () => {
    const { api } = processTable([system, anyDesk]);
    const list = await createWin32ProcessSource({ api: async () => api }).list();
    expect(list).toEqual([
      { pid: 4, ppid: 0, name: 'System', exe: null, cmdline: null, start: '', startedAt: null },
      {
        pid: 7324,
        ppid: 612,
        name: 'AnyDesk.exe',
        exe: anyDesk.path,
        cmdline: anyDesk.commandLine,
        start: String(anyDesk.startTicks),
        startedAt: '2024-03-01T09:30:00.000Z',
      },
    ]);
  });

  it('reads a process once, holds its handle while it is listed, and hands the same list back while nothing changed', async () => {
    const table = [system, { ...anyDesk }];
    const { api, reads } = processTable(table);
    const source = createWin32ProcessSource({ api: async () => api });
    const first = await source.list();
    expect(await source.list()).toBe(first);
    expect(reads).toMatchObject({ path: 1, commandLine: 1 });
    expect([...reads.open]).toEqual([7324]);

    // It ends: its handle is let go, which frees its pid for Windows to hand out again.
    table.pop();
    expect(await source.list()).toEqual([expect.objectContaining({ pid: 4 })]);
    expect(reads.open.size).toBe(0);

    // A later program on the same pid is a new process, read afresh.
    table.push({ ...anyDesk, path: 'C:\\Users\\Pat\\Downloads\\AnyDesk.exe', commandLine: 'AnyDesk.exe', startTicks: anyDesk.startTicks + 1n });
    const third = await source.list();
    expect(third[1]).toMatchObject({ pid: 7324, exe: 'C:\\Users\\Pat\\Downloads\\AnyDesk.exe', start: String(anyDesk.startTicks + 1n) });
    expect(reads).toMatchObject({ path: 2, commandLine: 2 });
  });

  it('reads a pid it may not open afresh when its file name or parent changes', async () => {
    const table = [{ ...system }];
    const { api } = processTable(table);
    const source = createWin32ProcessSource({ api: async () => api });
    const [before] = await source.list();
    table[0] = { ...system, exeFile: 'Secure System' };
    const [after] = await source.list();
    expect(after).not.toBe(before);
    expect(after).toMatchObject({ pid: 4, name: 'Secure System' });
  });

  it('rejects with the reason when no list can be had', async () => {
    const { api } = processTable([]);
    api.listProcesses = () => {
      throw new Error('Windows would not give the list of running programs (error 8).');
    };
    await expect(createWin32ProcessSource({ api: async () => api }).list()).rejects.toThrow('error 8');
  });
});
