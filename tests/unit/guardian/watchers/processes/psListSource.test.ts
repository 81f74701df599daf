import fs from 'node:fs';
import { loadKoffi } from '../../../../../electron/guardian/win32/koffi';
import { createPsListSource, toRunningProcess } from '../../../../../electron/guardian/watchers/processes/psListSource';
import { defaultProcessSource } from '../../../../../electron/guardian/watchers/processes/processSource';

describe('the ps-list process source', () => {
  it('maps what ps reports on Linux and macOS', () => {
    const startTime = new Date('2025-01-02T03:04:05Z');
    expect(
      toRunningProcess({ pid: 9, ppid: 1, name: 'AnyDesk.exe', cmd: '/opt/AnyDesk.exe --service', path: '/opt/AnyDesk.exe', startTime }),
    ).toEqual({
      pid: 9,
      ppid: 1,
      name: 'AnyDesk.exe',
      exe: '/opt/AnyDesk.exe',
      cmdline: '/opt/AnyDesk.exe --service',
      start: String(startTime.getTime()),
      startedAt: '2025-01-02T03:04:05.000Z',
    });
  });

  it('maps the bare pid, ppid and name that Windows gives, and an unreadable start time', () => {
    expect(toRunningProcess({ pid: 4, ppid: 0, name: 'TeamViewer.exe' })).toEqual({
      pid: 4, ppid: 0, name: 'TeamViewer.exe', exe: null, cmdline: null, start: '', startedAt: null,
    });
    expect(toRunningProcess({ pid: 5, ppid: 0, name: 'x', path: '', startTime: new Date('nonsense') })).toMatchObject({ exe: null, start: '', startedAt: null });
  });

  it('lists this very test process for real', async () => {
    const source = createPsListSource();
    expect(source.name).toBe('ps-list');
    const me = (await source.list()).find((p) => p.pid === process.pid);
    expect(me).toMatchObject({ ppid: process.ppid, exe: fs.realpathSync(process.execPath) });
  });

  it('is the default on macOS; Linux reads /proc and Windows Toolhelp', () => {
    expect(defaultProcessSource('linux').name).toBe('proc');
    expect(defaultProcessSource('win32').name).toBe('win32');
    expect(defaultProcessSource('darwin').name).toBe('ps-list');
  });

  it('never loads koffi off Windows: the Linux source lists without it, and asking for it says why not', async () => {
    expect((await defaultProcessSource('linux').list()).length).toBeGreaterThan(0);
    expect(fs.readFileSync('/proc/self/maps', 'utf8')).not.toContain('koffi');
    await expect(loadKoffi('linux')).rejects.toThrow('The Windows system interface can only be used on Windows.');
  });
});
