// What Windows process control reports when Windows says no, on an in-memory Win32: Wine runs everything as one user,
// so a service's "access denied" cannot happen there. Freezing and ending for real run under Wine (tests/windows).
import { createWin32ProcessControl } from '../../../../electron/guardian/actions/win32ProcessControl';
import type { OpenResult, ProcessApi, ProcessHandle } from '../../../../electron/guardian/win32/processApi';

const ERROR_ACCESS_DENIED = 5;
const STATUS_ACCESS_DENIED = 0xc000_0022;
const handle = {} as ProcessHandle;

function win32(overrides: Partial<ProcessApi>): ProcessApi {
  return {
    listProcesses: () => [{ pid: 1200, ppid: 600, exeFile: 'TeamViewer_Service.exe' }],
    open: (): OpenResult => ({ ok: true, handle }),
    close: () => {},
    startTime: () => 1n,
    imagePath: () => null,
    commandLine: () => null,
    suspend: () => 0,
    resume: () => 0,
    terminate: () => 0,
    hasExited: () => false,
    ...overrides,
  };
}

const control = (api: ProcessApi) => createWin32ProcessControl({ mayTouch: () => true, graceMs: 100, api: async () => api });

describe('Windows process control when Windows refuses', () => {
  it('reports a service it may not open as refused, for freezing and for ending', async () => {
    const refusing = control(win32({ open: () => ({ ok: false, error: ERROR_ACCESS_DENIED }) }));
    await expect(refusing.suspend(1200)).resolves.toBe('refused');
    await expect(refusing.end(1200)).resolves.toBe('refused');
  });

  it('reports a TerminateProcess or NtSuspendProcess that says access denied as refused, never done', async () => {
    const denies = control(win32({ terminate: () => ERROR_ACCESS_DENIED, suspend: () => STATUS_ACCESS_DENIED }));
    await expect(denies.end(1200)).resolves.toBe('refused');
    await expect(denies.suspend(1200)).resolves.toBe('refused');
  });

  it('reports a process still listed with the same start after TerminateProcess said yes as failed', async () => {
    let exited = false;
    const lingering = control(win32({ terminate: () => ((exited = true), 0), hasExited: () => exited }));
    await expect(lingering.end(1200)).resolves.toBe('failed');
  });
});
