// The Windows connection readers under Wine, for real: GetExtendedTcpTable shows a listening socket and a connection
// node.exe made (Wine 8 reports owner pid 0: the pid is checked on fixtures), and the WTS API's answer, whatever it is,
// is read without a throw or a problem reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TCP_ESTABLISHED, TCP_LISTEN } from '../../electron/guardian/watchers/sessions/procNetTcp';
import type { OwnedTcpSocket } from '../../electron/guardian/watchers/sessions/win32TcpTable';
import { bundleWin32Probe, runWin32Probe } from './win32Probe';
import { startWineBed, type WineBed } from './wineHarness';

let bed: WineBed;

beforeAll(async () => {
  bed = await startWineBed();
  await bundleWin32Probe();
});
afterAll(() => bed?.stop());

const runProbe = <T>(mode: string, ...args: string[]): Promise<T> => runWin32Probe<T>(bed, mode, ...args);

describe('Windows connection readers under Wine', () => {
  it('reads the listening socket and both ends of a connection from the TCP table', async () => {
    const result = await runProbe<{ port: number; port6: number; clientPort: number; pid: number; sockets: OwnedTcpSocket[] }>('tcp');
    const { port, clientPort } = result;
    expect(result.sockets).toContainEqual(expect.objectContaining({ state: TCP_LISTEN, localAddress: '0.0.0.0', localPort: port }));
    expect(result.sockets).toContainEqual(
      expect.objectContaining({ state: TCP_ESTABLISHED, localAddress: '127.0.0.1', localPort: port, remoteAddress: '127.0.0.1', remotePort: clientPort }),
    );
    expect(result.sockets).toContainEqual(
      expect.objectContaining({ state: TCP_ESTABLISHED, localAddress: '127.0.0.1', localPort: clientPort, remoteAddress: '127.0.0.1', remotePort: port }),
    );
    expect(result.sockets).toContainEqual(expect.objectContaining({ state: TCP_LISTEN, localAddress: '::', localPort: result.port6, remoteAddress: '::' }));
    // Wine 8 says 0 for most owners (the listening and accepted sockets); Windows says the pid.
    for (const socket of result.sockets) expect([0, result.pid]).toContain(socket.ownerPid);
  });

  it('reads whatever the WTS API answers without a throw, and the session watcher\'s readers report no problem', async () => {
    const result = await runProbe<{ sessions: unknown[]; remote: unknown[]; problems: string[]; events: unknown[] }>('wts');
    expect(Array.isArray(result.sessions)).toBe(true);
    expect(result.remote).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.events).toEqual([]);
  });
});
